/**
 * Acceptance with nothing but Node's fetch: the same journeys as the
 * node-vault test, written the way our own client talks to Vault
 * (`GET ?list=true`, explicit status handling).
 */
import { type Fixture, openFixture } from './helpers/setup.js'
import { uniq } from './helpers/target.js'
import { githubClaims, mint } from './helpers/jwt.js'

let f: Fixture

beforeAll(async () => {
  f = await openFixture()
})
afterAll(() => f.t.close())

interface Answer {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw Vault JSON
  body: any
}

/** A complete Vault client in ten lines. */
async function vault(
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown
): Promise<Answer> {
  const res = await fetch(`${f.t.url}/v1/${path}`, {
    method,
    headers: {
      ...(token ? { 'X-Vault-Token': token } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' })
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  return { status: res.status, body: text === '' ? null : JSON.parse(text) }
}

test('write a KV v2 secret with cas, and a cas mismatch fails with 400', async () => {
  const path = `${f.kv}/data/${uniq('fx')}`
  const w = await vault('POST', path, f.t.rootToken, {
    data: { conn_uri: 'a' },
    options: { cas: 0 }
  })
  expect(w.status).toBe(200)
  expect(w.body.data.version).toBe(1)
  const again = await vault('POST', path, f.t.rootToken, {
    data: { conn_uri: 'a' },
    options: { cas: 0 }
  })
  expect(again).toEqual({
    status: 400,
    body: {
      errors: ['check-and-set parameter did not match the current version']
    }
  })
})

test('read it', async () => {
  const path = `${f.kv}/data/${uniq('fx')}`
  await vault('POST', path, f.t.rootToken, {
    data: { conn_uri: 'b' },
    options: { cas: 0 }
  })
  const r = await vault('GET', path, f.t.rootToken)
  expect(r.status).toBe(200)
  expect(r.body.data.data).toEqual({ conn_uri: 'b' })
})

test('list it with GET ?list=true', async () => {
  const folder = uniq('fxdir')
  await vault('POST', `${f.kv}/data/${folder}/a`, f.t.rootToken, { data: {} })
  await vault('POST', `${f.kv}/data/${folder}/b/c`, f.t.rootToken, { data: {} })
  const r = await vault(
    'GET',
    `${f.kv}/metadata/${folder}?list=true`,
    f.t.rootToken
  )
  expect(r.status).toBe(200)
  expect([...r.body.data.keys].sort()).toEqual(['a', 'b/'])
})

test('soft-delete it and see the deleted read', async () => {
  const path = `${f.kv}/data/${uniq('fx')}`
  await vault('POST', path, f.t.rootToken, { data: { a: 1 } })
  expect((await vault('DELETE', path, f.t.rootToken)).status).toBe(204)
  const r = await vault('GET', path, f.t.rootToken)
  expect(r.status).toBe(404)
  expect(r.body.data.data).toBeNull()
  expect(r.body.data.metadata.deletion_time).not.toBe('')
})

test('log in with AppRole', async () => {
  const r = await vault('POST', `auth/${f.approle.mount}/login`, undefined, {
    role_id: f.approle.roleId,
    secret_id: f.approle.secretId
  })
  expect(r.status).toBe(200)
  expect(r.body.auth.policies).toContain(f.policy)
  const w = await vault(
    'POST',
    `${f.kv}/data/${uniq('fxapprole')}`,
    r.body.auth.client_token,
    { data: {} }
  )
  expect(w.status).toBe(200)
})

test('log in with a signed JWT', async () => {
  const r = await vault('POST', `auth/${f.jwt.mount}/login`, undefined, {
    role: f.jwt.role,
    jwt: mint(f.jwt.key, githubClaims())
  })
  expect(r.status).toBe(200)
  expect(r.body.auth.metadata).toEqual({ role: f.jwt.role })
})

test('get a 403 outside the policy', async () => {
  const login = await vault(
    'POST',
    `auth/${f.approle.mount}/login`,
    undefined,
    {
      role_id: f.approle.roleId,
      secret_id: f.approle.secretId
    }
  )
  const r = await vault('GET', 'sys/mounts', login.body.auth.client_token)
  expect(r).toEqual({
    status: 403,
    body: { errors: ['1 error occurred:\n\t* permission denied\n\n'] }
  })
})
