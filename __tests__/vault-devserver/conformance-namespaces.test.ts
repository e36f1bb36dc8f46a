/**
 * Namespaces (vault-api.md §6.6). Vault Community Edition ignores
 * X-Vault-Namespace; Enterprise/HCP and OpenBao (open source, namespaces
 * included) give each namespace its own mounts, policies and tokens. The
 * dev server does either (option `namespaces`). Against Vault the
 * namespace half needs VAULT_NAMESPACE_TESTS=1, and then, as against
 * OpenBao, the CE half is skipped.
 */
import {
  type Target,
  at,
  devOnly,
  namespaceTests,
  openTarget,
  realVault,
  removesWhatItMade,
  str,
  uniq
} from './helpers/target.js'

const ceTest = realVault && namespaceTests ? test.skip : test
const nsDescribe = namespaceTests ? describe : describe.skip

describe('Community Edition (default)', () => {
  let t: Target
  beforeAll(async () => {
    t = await openTarget()
  })
  afterAll(() => t.close())

  ceTest(
    '§6.6 the header is ignored: the request runs in the root namespace',
    async () => {
      const kv = await t.mountKv(2)
      const ns = t.root.as(t.rootToken, { 'X-Vault-Namespace': 'admin' })
      expect((await ns.post(`${kv}/data/x`, { data: { a: 1 } })).status).toBe(
        200
      )
      const plain = await t.root.get(`${kv}/data/x`)
      expect(at(plain.body, 'data.data')).toEqual({ a: 1 })
    }
  )

  ceTest('§6.6 CE has no sys/namespaces endpoint', async () => {
    const r = await t.root.post(`sys/namespaces/${uniq('ns')}`)
    expect(r.status).toBe(404)
  })
})

nsDescribe('Enterprise / HCP namespaces', () => {
  let t: Target
  let ns: string

  beforeAll(async () => {
    t = await openTarget({ namespaces: true })
    ns = uniq('ns')
    const r = await t.root.post(`sys/namespaces/${ns}`)
    expect(r.status).toBe(200)
  })
  afterAll(async () => {
    if (removesWhatItMade) await t.root.del(`sys/namespaces/${ns}`)
    await t.close()
  })

  const inNs = (): ReturnType<Target['root']['as']> =>
    t.root.as(t.rootToken, { 'X-Vault-Namespace': ns })

  test('§6.6 a namespace has its own mount table', async () => {
    const kv = uniq('nskv')
    expect(
      (await inNs().post(`sys/mounts/${kv}`, { type: 'kv-v2' })).status
    ).toBe(204)
    const inside = await inNs().get('sys/mounts')
    expect(at(inside.body, 'data')).toHaveProperty([`${kv}/`])
    expect(at(inside.body, 'data')).not.toHaveProperty(['secret/'])
    const outside = await t.root.get('sys/mounts')
    expect(at(outside.body, 'data')).not.toHaveProperty([`${kv}/`])
  })

  test('§6.6 a path prefix selects the namespace like the header does', async () => {
    const kv = uniq('prefixkv')
    await inNs().post(`sys/mounts/${kv}`, { type: 'kv-v2' })
    await inNs().post(`${kv}/data/x`, { data: { via: 'header' } })
    const r = await t.root.get(`${ns}/${kv}/data/x`)
    expect(r.status).toBe(200)
    expect(at(r.body, 'data.data')).toEqual({ via: 'header' })
  })

  test('§6.6 policies are per namespace', async () => {
    const name = uniq('nspol')
    await inNs().put(`sys/policies/acl/${name}`, {
      policy: 'path "x/*" { capabilities = ["read"] }'
    })
    const inside = await inNs().list('sys/policies/acl')
    expect(at(inside.body, 'data.keys')).toContain(name)
    const outside = await t.root.list('sys/policies/acl')
    expect(at(outside.body, 'data.keys')).not.toContain(name)
  })

  test('§6.6 a namespace token works there, not in the root namespace', async () => {
    const kv = uniq('tokkv')
    await inNs().post(`sys/mounts/${kv}`, { type: 'kv-v2' })
    const pol = uniq('tokpol')
    await inNs().put(`sys/policies/acl/${pol}`, {
      policy: `path "${kv}/data/*" { capabilities = ["create", "update", "read"] }`
    })
    const created = await inNs().post('auth/token/create', { policies: [pol] })
    const token = str(created.body, 'auth.client_token')
    const c = t.root.as(token, { 'X-Vault-Namespace': ns })
    expect((await c.post(`${kv}/data/x`, { data: { a: 1 } })).status).toBe(200)
    // Outside its namespace the token is valid but grants nothing: the
    // wrapped missing-capability 403, not the invalid-token one.
    const outside = await t.root.as(token).post(`${kv}/data/x`, { data: {} })
    expect(outside.status).toBe(403)
    expect(outside.body).toEqual({
      errors: ['1 error occurred:\n\t* permission denied\n\n']
    })
  })

  test('§6.6 ui/mounts paths are namespace-relative', async () => {
    const kv = uniq('uikv')
    await inNs().post(`sys/mounts/${kv}`, { type: 'kv-v2' })
    const r = await inNs().get(`sys/internal/ui/mounts/${kv}/x`)
    expect(r.status).toBe(200)
    expect(at(r.body, 'data.path')).toBe(`${kv}/`)
  })
})

describe('dev server HCP mode', () => {
  devOnly(
    'an admin namespace exists from the start, as on HCP Vault Dedicated',
    async () => {
      const t = await openTarget({ namespaces: true })
      const r = await t.root.get('sys/mounts', {
        headers: { 'X-Vault-Namespace': 'admin' }
      })
      expect(r.status).toBe(200)
      expect(at(r.body, 'data')).toHaveProperty(['sys/'])
      await t.close()
    }
  )
})
