/**
 * AppRole secret-ids by accessor (vault-api.md §7.7): how provision finds
 * and revokes a secret-id without knowing it, and why a retried destroy
 * must read "already gone" as done. Our client's VaultAdmin runs against
 * the same server.
 */
import { VaultAdmin } from '../../src/clients/vault/admin.js'
import { VaultSession } from '../../src/clients/vault/session.js'
import { type Target, at, openTarget, str, uniq } from './helpers/target.js'

let t: Target
let mount: string
let role: string

beforeAll(async () => {
  t = await openTarget()
  mount = await t.enableAuth('approle')
  role = uniq('role')
  await t.root.post(`auth/${mount}/role/${role}`, {
    token_policies: ['default']
  })
})
afterAll(() => t.close())

async function newAccessor(): Promise<string> {
  const r = await t.root.post(`auth/${mount}/role/${role}/secret-id`, {
    metadata: JSON.stringify({ deployment: 'd1' })
  })
  return str(r.body, 'data.secret_id_accessor')
}

const destroy = (accessor: string): ReturnType<Target['root']['post']> =>
  t.root.post(`auth/${mount}/role/${role}/secret-id-accessor/destroy`, {
    secret_id_accessor: accessor
  })

test('lookup by accessor shows the metadata, never the secret-id', async () => {
  const accessor = await newAccessor()
  const r = await t.root.post(
    `auth/${mount}/role/${role}/secret-id-accessor/lookup`,
    { secret_id_accessor: accessor }
  )
  expect(r.status).toBe(200)
  expect(at(r.body, 'data')).toMatchObject({
    secret_id_accessor: accessor,
    metadata: { deployment: 'd1' }
  })
  expect(r.text).not.toContain('"secret_id"')
})

test('destroy is 204; a second destroy says "failed to find accessor entry"', async () => {
  const accessor = await newAccessor()
  expect((await destroy(accessor)).status).toBe(204)
  const again = await destroy(accessor)
  // OpenBao: a 500 multi-error; Vault: 400. Our client accepts both.
  expect(again.status).toBe(t.kind === 'vault' ? 400 : 500)
  expect(at(again.body, 'errors')).toEqual([
    expect.stringContaining(
      `failed to find accessor entry for secret_id_accessor: "${accessor}"`
    )
  ])
})

test('lookup of an unknown accessor is a 404', async () => {
  const r = await t.root.post(
    `auth/${mount}/role/${role}/secret-id-accessor/lookup`,
    { secret_id_accessor: 'no-such-accessor' }
  )
  expect(r.status).toBe(404)
})

test('a missing secret_id_accessor is 400', async () => {
  const r = await t.root.post(
    `auth/${mount}/role/${role}/secret-id-accessor/destroy`,
    {}
  )
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['missing secret_id_accessor'] })
})

test('our client destroys an accessor idempotently: twice is fine', async () => {
  const accessor = await newAccessor()
  const session = await VaultSession.open({
    address: t.url,
    skipVerify: false,
    auth: { method: 'token', token: t.rootToken },
    timeoutMs: 5000,
    concurrency: 1
  })
  try {
    const admin = new VaultAdmin(session.http)
    await admin.destroySecretId(mount, role, accessor)
    await expect(
      admin.destroySecretId(mount, role, accessor)
    ).resolves.toBeUndefined()
  } finally {
    await session.close()
  }
})
