/**
 * Acceptance with node-vault 0.12 (vault-api.md §11), created with an
 * explicit `{ endpoint, token, apiVersion }` so it never falls back to the
 * VAULT_ADDR/VAULT_TOKEN it would otherwise read from the environment.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import nodeVault from 'node-vault'
import { startVaultDevServer } from '../../devserver/vault/index.js'
import { type Fixture, openFixture } from './helpers/setup.js'
import {
  devOnly,
  namespaceTests,
  removesWhatItMade,
  uniq
} from './helpers/target.js'
import { githubClaims, mint } from './helpers/jwt.js'

let f: Fixture
const nsTest = namespaceTests ? test : test.skip

beforeAll(async () => {
  f = await openFixture()
})
afterAll(() => f.t.close())

interface ApiError {
  message: string
  response: {
    statusCode: number
    body: { errors?: string[]; data?: { metadata?: { deletion_time: string } } }
  }
}

/**
 * `noCustomHTTPVerbs: true` makes `list()` send `GET ?list=1` instead of the
 * LIST verb, which a node:http server cannot receive.
 */
function client(token?: string): nodeVault.client {
  return nodeVault({
    endpoint: f.t.url,
    token,
    apiVersion: 'v1',
    noCustomHTTPVerbs: true
  })
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    return e as ApiError
  }
  throw new Error('expected the call to fail')
}

test('write a KV v2 secret with cas, and a cas mismatch fails with 400', async () => {
  const v = client(f.t.rootToken)
  const path = `${f.kv}/data/${uniq('nv')}`
  const w = await v.write(path, {
    data: { conn_uri: 'postgres://a' },
    options: { cas: 0 }
  })
  expect(w.data.version).toBe(1)
  const err = await failure(
    v.write(path, { data: { conn_uri: 'x' }, options: { cas: 0 } })
  )
  expect(err.response.statusCode).toBe(400)
  expect(err.message).toBe(
    'check-and-set parameter did not match the current version'
  )
})

test('read it', async () => {
  const v = client(f.t.rootToken)
  const path = `${f.kv}/data/${uniq('nv')}`
  await v.write(path, { data: { conn_uri: 'postgres://b' } })
  const r = await v.read(path)
  expect(r.data.data).toEqual({ conn_uri: 'postgres://b' })
  expect(r.data.metadata.version).toBe(1)
})

test('list it (with noCustomHTTPVerbs: GET ?list=1)', async () => {
  const v = client(f.t.rootToken)
  const folder = uniq('nvdir')
  await v.write(`${f.kv}/data/${folder}/one`, { data: {} })
  await v.write(`${f.kv}/data/${folder}/two`, { data: {} })
  const r = await v.list(`${f.kv}/metadata/${folder}`)
  expect([...r.data.keys].sort()).toEqual(['one', 'two'])
})

test('list it with node-vault’s default, the LIST verb', async () => {
  const v = nodeVault({
    endpoint: f.t.url,
    token: f.t.rootToken,
    apiVersion: 'v1'
  })
  const folder = uniq('nvverb')
  await v.write(`${f.kv}/data/${folder}/one`, { data: {} })
  const r = await v.list(`${f.kv}/metadata/${folder}`)
  expect(r.data.keys).toEqual(['one'])
})

test('soft-delete it and see the deleted read (404, body keeps the metadata)', async () => {
  const v = client(f.t.rootToken)
  const path = `${f.kv}/data/${uniq('nv')}`
  await v.write(path, { data: { a: 1 } })
  await v.delete(path)
  const err = await failure(v.read(path))
  expect(err.response.statusCode).toBe(404)
  expect(err.message).toBe('Status 404')
  expect(err.response.body.data?.metadata?.deletion_time).not.toBe('')
})

test('log in with AppRole (approleLogin stores the token)', async () => {
  const v = client()
  const r = await v.approleLogin({
    mount_point: f.approle.mount,
    role_id: f.approle.roleId,
    secret_id: f.approle.secretId
  })
  expect(r.auth.policies).toContain(f.policy)
  expect(v.token).toBe(r.auth.client_token)
  await v.write(`${f.kv}/data/${uniq('approle')}`, { data: { ok: true } })
})

test('log in with a signed JWT (jwtLogin)', async () => {
  const v = client()
  const r = await v.jwtLogin({
    mount_point: f.jwt.mount,
    role: f.jwt.role,
    jwt: mint(f.jwt.key, githubClaims())
  })
  expect(r.auth.metadata).toEqual({ role: f.jwt.role })
  expect(v.token).toBe(r.auth.client_token)
})

test('get a 403 outside the policy', async () => {
  const v = client()
  await v.approleLogin({
    mount_point: f.approle.mount,
    role_id: f.approle.roleId,
    secret_id: f.approle.secretId
  })
  const err = await failure(v.read('sys/mounts'))
  expect(err.response.statusCode).toBe(403)
  expect(err.message).toContain('permission denied')
})

test('finding: addApproleRole() drops token_policies (its schema only knows "policies")', async () => {
  const v = client(f.t.rootToken)
  const role = uniq('dropped')
  await v.addApproleRole({
    mount_point: f.approle.mount,
    role_name: role,
    token_policies: [f.policy]
  })
  const r = await v.read(`auth/${f.approle.mount}/role/${role}`)
  expect(r.data.token_policies).toEqual([])
})

nsTest(
  'finding: namespace (or VAULT_NAMESPACE) is sent as X-Vault-Namespace on every call',
  async () => {
    // The dev server needs namespace mode (its `admin` is HCP's); OpenBao
    // has namespaces already, so make one there.
    const dev = f.t.real
      ? undefined
      : await startVaultDevServer({ namespaces: true })
    const ns = dev ? 'admin' : uniq('nvns')
    if (!dev) await f.t.root.post(`sys/namespaces/${ns}`)
    const v = nodeVault({
      endpoint: dev?.url ?? f.t.url,
      token: dev?.rootToken ?? f.t.rootToken,
      apiVersion: 'v1',
      namespace: ns
    })
    const mounts = await v.mounts()
    // Inside the namespace the root namespace's KV mount is not there.
    expect(Object.keys(mounts.data)).toContain('sys/')
    expect(Object.keys(mounts.data)).not.toContain(dev ? 'secret/' : `${f.kv}/`)
    if (dev) await dev.close()
    else if (removesWhatItMade) await f.t.root.del(`sys/namespaces/${ns}`)
  }
)

devOnly('finding: requestOptions.timeout aborts a hung response', async () => {
  const dev = await startVaultDevServer({
    faults: { slowLorisPaths: ['secret/'] }
  })
  const v = nodeVault({
    endpoint: dev.url,
    token: dev.rootToken,
    apiVersion: 'v1',
    requestOptions: { timeout: 200 }
  })
  // The headers arrive, the body never does: axios gives up after the
  // timeout with "stream has been aborted" (not a Vault error).
  await expect(v.read('secret/data/x')).rejects.toThrow(
    'stream has been aborted'
  )
  await dev.close()
})

test("finding: node-vault reuses connections (keep-alive from Node 20's global agent)", async () => {
  const ports: number[] = []
  const probe = createServer((req, res) => {
    ports.push(req.socket.remotePort ?? 0)
    res.setHeader('Content-Type', 'application/json')
    res.end('{"data":{}}')
  })
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
  const v = nodeVault({
    endpoint: `http://127.0.0.1:${(probe.address() as AddressInfo).port}`,
    token: 't',
    apiVersion: 'v1'
  })
  await v.read('a')
  await v.read('b')
  await v.read('c')
  expect(new Set(ports).size).toBe(1)
  probe.closeAllConnections()
  await new Promise<void>((r) => probe.close(() => r()))
})
