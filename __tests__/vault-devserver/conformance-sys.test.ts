/**
 * Mounts and mount discovery (vault-api.md §5), health (§6.7).
 */
import {
  type Target,
  at,
  openTarget,
  removesWhatItMade,
  uniq
} from './helpers/target.js'

let t: Target

beforeAll(async () => {
  t = await openTarget()
})
afterAll(() => t.close())

test('§6.7 sys/health is 200 without a token', async () => {
  const r = await t.root.get('sys/health', { token: null })
  expect(r.status).toBe(200)
  expect(r.body).toMatchObject({
    initialized: true,
    sealed: false,
    standby: false,
    version: expect.any(String),
    cluster_name: expect.any(String)
  })
})

test('§5.3 the dev server pre-mounts secret/ as KV v2', async () => {
  const r = await t.root.get('sys/internal/ui/mounts/secret')
  expect(r.status).toBe(200)
  expect(at(r.body, 'data')).toMatchObject({
    path: 'secret/',
    type: 'kv',
    options: { version: '2' }
  })
})

test('§5.2 sys/mounts lists the table, injected at the top level too', async () => {
  const r = await t.root.get('sys/mounts')
  expect(r.status).toBe(200)
  for (const m of ['secret/', 'sys/', 'cubbyhole/', 'identity/']) {
    expect(at(r.body, 'data')).toHaveProperty([m])
    expect(r.body).toHaveProperty([m])
  }
  expect(at(r.body, 'data')).toMatchObject({
    'secret/': {
      type: 'kv',
      options: { version: '2' },
      accessor: expect.any(String)
    }
  })
})

test('§5.3 create with type kv and options.version "2" is 204', async () => {
  const path = uniq('kvcreate')
  const r = await t.root.post(`sys/mounts/${path}`, {
    type: 'kv',
    options: { version: '2' }
  })
  expect(r.status).toBe(204)
  const ui = await t.root.get(`sys/internal/ui/mounts/${path}`)
  expect(at(ui.body, 'data.options')).toEqual({ version: '2' })
  if (removesWhatItMade) await t.root.del(`sys/mounts/${path}`)
})

test('§5.3 type kv-v2 is an alias for kv with version 2; numbers are coerced', async () => {
  const a = uniq('kvv2')
  const b = uniq('kvnum')
  expect((await t.root.post(`sys/mounts/${a}`, { type: 'kv-v2' })).status).toBe(
    204
  )
  expect(
    (
      await t.root.post(`sys/mounts/${b}`, {
        type: 'kv',
        options: { version: 2 }
      })
    ).status
  ).toBe(204)
  for (const p of [a, b]) {
    const ui = await t.root.get(`sys/internal/ui/mounts/${p}`)
    expect(ui.body).toMatchObject({
      data: { type: 'kv', options: { version: '2' } }
    })
    if (removesWhatItMade) await t.root.del(`sys/mounts/${p}`)
  }
})

test('§5.3 a path already in use is 400 "path is already in use at <path>/"', async () => {
  const path = await t.mountKv(2)
  const r = await t.root.post(`sys/mounts/${path}`, { type: 'kv-v2' })
  expect(r.status).toBe(400)
  expect(at(r.body, 'errors')).toEqual([
    expect.stringContaining(`path is already in use at ${path}/`)
  ])
})

test('§5.3 a path inside an existing mount is 400 naming that mount', async () => {
  const path = await t.mountKv(2)
  const r = await t.root.post(`sys/mounts/${path}/inner`, { type: 'kv-v2' })
  expect(r.status).toBe(400)
  // OpenBao: "path is already in use at <mount>/"; Vault: "existing mount at".
  expect(at(r.body, 'errors')).toEqual([
    expect.stringMatching(
      new RegExp(`(path is already in use|existing mount) at ${path}/$`)
    )
  ])
})

test('§5.3 a missing type is 400', async () => {
  const r = await t.root.post(`sys/mounts/${uniq('notype')}`, {})
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: ['backend type must be specified as a string']
  })
})

test('§5.1 ui/mounts for a path under a v2 mount returns the serving mount', async () => {
  const path = await t.mountKv(2)
  const r = await t.root.get(`sys/internal/ui/mounts/${path}/connections/x`)
  expect(r.status).toBe(200)
  expect(r.body).toMatchObject({
    data: { path: `${path}/`, type: 'kv', options: { version: '2' } }
  })
})

test('§5.1 ui/mounts of a KV v1 mount reports version "1"', async () => {
  const path = await t.mountKv(1)
  const r = await t.root.get(`sys/internal/ui/mounts/${path}`)
  expect(at(r.body, 'data.options.version') ?? '1').toBe('1')
})

test('§5.1 ui/mounts for a path under no mount is 403 preflight', async () => {
  const r = await t.root.get('sys/internal/ui/mounts/no-mount-here/x')
  expect(r.status).toBe(403)
  expect(r.body).toEqual({
    errors: [
      'preflight capability check returned 403, please ensure client\'s policies grant access to path "no-mount-here/x/"'
    ]
  })
})

test('§5.1 ui/mounts without any capability under the mount is 403 preflight', async () => {
  const path = await t.mountKv(2)
  const pol = await t.policy('path "elsewhere/*" { capabilities = ["read"] }')
  const token = await t.tokenWith(pol)
  const r = await t.root.as(token).get(`sys/internal/ui/mounts/${path}/x`)
  expect(r.status).toBe(403)
  expect(at(r.body, 'errors')).toEqual([
    expect.stringContaining('preflight capability check returned 403')
  ])
})

test('§5.1 ui/mounts with a capability anywhere under the mount is 200', async () => {
  const path = await t.mountKv(2)
  const pol = await t.policy(
    `path "${path}/data/deep/+/x" { capabilities = ["read"] }`
  )
  const token = await t.tokenWith(pol)
  const r = await t.root.as(token).get(`sys/internal/ui/mounts/${path}`)
  expect(r.status).toBe(200)
})

test('§5.1 ui/mounts without a token is 403 permission denied', async () => {
  const r = await t.root.get('sys/internal/ui/mounts/secret', { token: null })
  expect(r.status).toBe(403)
  expect(at(r.body, 'errors')).toEqual([
    expect.stringContaining('permission denied')
  ])
})

test('§5.3 unmount is 204, also for a path that is not mounted', async () => {
  const path = uniq('gone')
  // KV v1: a fresh KV v2 mount upgrades in the background, and OpenBao
  // 2.7.2 can panic unmounting it then (see removesWhatItMade).
  await t.root.post(`sys/mounts/${path}`, { type: 'kv-v1' })
  expect((await t.root.del(`sys/mounts/${path}`)).status).toBe(204)
  expect((await t.root.del(`sys/mounts/${path}`)).status).toBe(204)
})

test('§7.7 sys/auth enables approle (204); a second time is 400 path in use', async () => {
  const path = await t.enableAuth('approle')
  const again = await t.root.post(`sys/auth/${path}`, { type: 'approle' })
  expect(again.status).toBe(400)
  expect(at(again.body, 'errors')).toEqual([
    expect.stringContaining(`path is already in use at ${path}/`)
  ])
  const list = await t.root.get('sys/auth')
  expect(at(list.body, 'data')).toHaveProperty([`${path}/`])
  expect(at(list.body, 'data')).toHaveProperty(['token/'])
})

test('§5.1 ui/mounts of an auth path reports the auth mount', async () => {
  const path = await t.enableAuth('approle')
  const r = await t.root.get(`sys/internal/ui/mounts/auth/${path}/login`)
  expect(r.status).toBe(200)
  // OpenBao names it as the auth table does (`<name>/`); vault-api.md
  // read Vault's code as `auth/<name>/`.
  expect(at(r.body, 'data')).toMatchObject({
    path: expect.stringMatching(new RegExp(`^(auth/)?${path}/$`)),
    type: 'approle'
  })
})
