/**
 * ACL policies: API, matching, capabilities (vault-api.md §7).
 */
import {
  type Target,
  at,
  openTarget,
  removesWhatItMade,
  uniq
} from './helpers/target.js'

let t: Target
let kv: string

beforeAll(async () => {
  t = await openTarget()
  kv = await t.mountKv(2)
})
afterAll(() => t.close())

async function as(hcl: string): Promise<ReturnType<Target['root']['as']>> {
  return t.root.as(await t.tokenWith(await t.policy(hcl)))
}

describe('§7.1 the policy API', () => {
  test('write 204, read {name, policy} and maybe more', async () => {
    const name = uniq('api')
    const hcl = 'path "x/*" { capabilities = ["read"] }'
    expect(
      (await t.root.put(`sys/policies/acl/${name}`, { policy: hcl })).status
    ).toBe(204)
    const r = await t.root.get(`sys/policies/acl/${name}`)
    expect(r.status).toBe(200)
    // OpenBao adds version, modified and cas_required (policy CAS), which
    // the dev server does not implement.
    expect(at(r.body, 'data')).toMatchObject({ name, policy: hcl })
    await t.root.del(`sys/policies/acl/${name}`)
  })

  test('names are lower-cased', async () => {
    const name = uniq('UPPER')
    await t.root.put(`sys/policies/acl/${name}`, {
      policy: 'path "x" { capabilities = ["read"] }'
    })
    const r = await t.root.get(`sys/policies/acl/${name.toLowerCase()}`)
    expect(at(r.body, 'data.name')).toBe(name.toLowerCase())
    await t.root.del(`sys/policies/acl/${name.toLowerCase()}`)
  })

  test('a base64-encoded policy is accepted', async () => {
    const name = uniq('b64')
    const hcl = 'path "b64/*" { capabilities = ["list"] }'
    const w = await t.root.put(`sys/policies/acl/${name}`, {
      policy: Buffer.from(hcl).toString('base64')
    })
    expect(w.status).toBe(204)
    expect(
      at((await t.root.get(`sys/policies/acl/${name}`)).body, 'data.policy')
    ).toBe(hcl)
    await t.root.del(`sys/policies/acl/${name}`)
  })

  test('list includes default and root', async () => {
    const r = await t.root.list('sys/policies/acl')
    expect(r.status).toBe(200)
    expect(at(r.body, 'data.keys')).toEqual(
      expect.arrayContaining(['default', 'root'])
    )
  })

  test('a missing policy text is 400', async () => {
    const r = await t.root.put(`sys/policies/acl/${uniq('empty')}`, {})
    expect(r.status).toBe(400)
    expect(r.body).toEqual({
      errors: ["'policy' parameter not supplied or empty"]
    })
  })

  test('an HCL syntax error is 400 "failed to parse policy"', async () => {
    const r = await t.root.put(`sys/policies/acl/${uniq('bad')}`, {
      policy: 'path "x" { capabilities = '
    })
    expect(r.status).toBe(400)
    expect(at(r.body, 'errors')).toEqual([
      expect.stringMatching(/^failed to parse policy/)
    ])
  })

  test('an unknown capability is 400', async () => {
    const r = await t.root.put(`sys/policies/acl/${uniq('badcap')}`, {
      policy: 'path "x" { capabilities = ["fly"] }'
    })
    expect(r.status).toBe(400)
    expect(at(r.body, 'errors')).toEqual([
      expect.stringContaining('invalid capability "fly"')
    ])
  })

  test('root cannot be written; default cannot be deleted', async () => {
    const w = await t.root.put('sys/policies/acl/root', {
      policy: 'path "x" { capabilities = ["read"] }'
    })
    expect(w.status).toBe(400)
    const d = await t.root.del('sys/policies/acl/default')
    expect(d.status).toBe(400)
    expect(d.body).toEqual({ errors: ['cannot delete default policy'] })
  })

  test('a missing policy reads 404', async () => {
    expect((await t.root.get(`sys/policies/acl/${uniq('nope')}`)).status).toBe(
      404
    )
  })

  test('comments (#, //, /* */) and the JSON form parse', async () => {
    const hcl = `# hash\n// slashes\n/* block\n comment */\npath "c/*" {\n  capabilities = ["read", "list",] # trailing\n}`
    expect(
      (await t.root.put(`sys/policies/acl/${uniq('cmt')}`, { policy: hcl }))
        .status
    ).toBe(204)
    const json = JSON.stringify({ path: { 'j/*': { capabilities: ['read'] } } })
    expect(
      (await t.root.put(`sys/policies/acl/${uniq('json')}`, { policy: json }))
        .status
    ).toBe(204)
  })
})

describe('§7.3 matching', () => {
  test('an exact rule grants exactly that path', async () => {
    await t.root.post(`${kv}/data/exact`, { data: { a: 1 } })
    await t.root.post(`${kv}/data/exact2`, { data: { a: 1 } })
    const c = await as(`path "${kv}/data/exact" { capabilities = ["read"] }`)
    expect((await c.get(`${kv}/data/exact`)).status).toBe(200)
    expect((await c.get(`${kv}/data/exact2`)).status).toBe(403)
  })

  test('* is a string prefix: zip-* matches zip-zap and zip-zap/zong', async () => {
    await t.root.post(`${kv}/data/zip-zap`, { data: {} })
    await t.root.post(`${kv}/data/zip-zap/zong`, { data: {} })
    await t.root.post(`${kv}/data/zipper`, { data: {} })
    const c = await as(`path "${kv}/data/zip-*" { capabilities = ["read"] }`)
    expect((await c.get(`${kv}/data/zip-zap`)).status).toBe(200)
    expect((await c.get(`${kv}/data/zip-zap/zong`)).status).toBe(200)
    expect((await c.get(`${kv}/data/zipper`)).status).toBe(403)
  })

  test('+ matches exactly one segment', async () => {
    await t.root.post(`${kv}/data/team/a/db`, { data: {} })
    await t.root.post(`${kv}/data/team/a/b/db`, { data: {} })
    const c = await as(
      `path "${kv}/data/team/+/db" { capabilities = ["read"] }`
    )
    expect((await c.get(`${kv}/data/team/a/db`)).status).toBe(200)
    expect((await c.get(`${kv}/data/team/a/b/db`)).status).toBe(403)
  })

  test('the most specific rule wins; different patterns never union', async () => {
    await t.root.post(`${kv}/data/connections/x`, { data: {} })
    const c = await as(
      `path "${kv}/data/*" { capabilities = ["read"] }\npath "${kv}/data/connections/*" { capabilities = ["create"] }`
    )
    expect((await c.get(`${kv}/data/connections/x`)).status).toBe(403)
    expect((await c.get(`${kv}/data/other`)).status).not.toBe(403)
  })

  test('the same pattern in two policies unions', async () => {
    await t.root.post(`${kv}/data/union`, { data: {} })
    const p1 = await t.policy(
      `path "${kv}/data/union" { capabilities = ["read"] }`
    )
    const p2 = await t.policy(
      `path "${kv}/data/union" { capabilities = ["update"] }`
    )
    const c = t.root.as(await t.tokenWith(p1, p2))
    expect((await c.get(`${kv}/data/union`)).status).toBe(200)
    expect((await c.post(`${kv}/data/union`, { data: { b: 1 } })).status).toBe(
      200
    )
  })

  test('deny wins over everything for that pattern', async () => {
    await t.root.post(`${kv}/data/denied`, { data: {} })
    const p1 = await t.policy(
      `path "${kv}/data/denied" { capabilities = ["read"] }`
    )
    const p2 = await t.policy(
      `path "${kv}/data/denied" { capabilities = ["deny"] }`
    )
    const c = t.root.as(await t.tokenWith(p1, p2))
    expect((await c.get(`${kv}/data/denied`)).status).toBe(403)
  })

  test('a glob whose first wildcard comes later beats one that starts earlier', async () => {
    await t.root.post(`${kv}/data/pri/a/b`, { data: {} })
    const c = await as(
      `path "${kv}/data/+/a/*" { capabilities = ["deny"] }\npath "${kv}/data/pri/*" { capabilities = ["read"] }`
    )
    expect((await c.get(`${kv}/data/pri/a/b`)).status).toBe(200)
  })

  test('no rule at all: denied', async () => {
    const c = await as('path "unrelated/*" { capabilities = ["read"] }')
    expect((await c.get(`${kv}/data/anything`)).status).toBe(403)
  })
})

describe('§7.4 operations and capabilities', () => {
  test('create is needed when the key does not exist, update when it does', async () => {
    const k = uniq('cu')
    const create = await as(
      `path "${kv}/data/${k}" { capabilities = ["create"] }`
    )
    const update = await as(
      `path "${kv}/data/${k}" { capabilities = ["update"] }`
    )
    expect(
      (await update.post(`${kv}/data/${k}`, { data: { a: 1 } })).status
    ).toBe(403)
    expect(
      (await create.post(`${kv}/data/${k}`, { data: { a: 1 } })).status
    ).toBe(200)
    expect(
      (await create.post(`${kv}/data/${k}`, { data: { a: 2 } })).status
    ).toBe(403)
    expect(
      (await update.post(`${kv}/data/${k}`, { data: { a: 2 } })).status
    ).toBe(200)
  })

  test('a soft-deleted key still exists: writing needs update', async () => {
    const k = uniq('cudel')
    await t.root.post(`${kv}/data/${k}`, { data: {} })
    await t.root.del(`${kv}/data/${k}`)
    const create = await as(
      `path "${kv}/data/${k}" { capabilities = ["create"] }`
    )
    expect((await create.post(`${kv}/data/${k}`, { data: {} })).status).toBe(
      403
    )
  })

  test('PATCH needs patch, not update', async () => {
    const k = uniq('patch')
    await t.root.post(`${kv}/data/${k}`, { data: { a: 1 } })
    const update = await as(
      `path "${kv}/data/${k}" { capabilities = ["update", "read"] }`
    )
    const patch = await as(
      `path "${kv}/data/${k}" { capabilities = ["patch"] }`
    )
    expect(
      (await update.patch(`${kv}/data/${k}`, { data: { b: 1 } })).status
    ).toBe(403)
    expect(
      (await patch.patch(`${kv}/data/${k}`, { data: { b: 1 } })).status
    ).toBe(200)
  })

  test('list needs list on metadata/<folder>; an exact rule without / matches', async () => {
    await t.root.post(`${kv}/data/lst/a`, { data: {} })
    const c = await as(`path "${kv}/metadata/lst" { capabilities = ["list"] }`)
    expect((await c.list(`${kv}/metadata/lst`)).status).toBe(200)
    const read = await as(
      `path "${kv}/metadata/lst" { capabilities = ["read"] }`
    )
    expect((await read.list(`${kv}/metadata/lst`)).status).toBe(403)
  })

  test('KV v2 reads need data/: a metadata-only policy cannot read values', async () => {
    await t.root.post(`${kv}/data/split`, { data: { v: 1 } })
    const c = await as(
      `path "${kv}/metadata/*" { capabilities = ["read", "list"] }`
    )
    expect((await c.get(`${kv}/metadata/split`)).status).toBe(200)
    expect((await c.get(`${kv}/data/split`)).status).toBe(403)
  })

  test('delete/ undelete/ destroy/ need update', async () => {
    const k = uniq('vops')
    await t.root.post(`${kv}/data/${k}`, { data: {} })
    const c = await as(`path "${kv}/delete/${k}" { capabilities = ["update"] }`)
    expect((await c.post(`${kv}/delete/${k}`, { versions: [1] })).status).toBe(
      204
    )
    expect((await c.post(`${kv}/destroy/${k}`, { versions: [1] })).status).toBe(
      403
    )
  })

  test('sudo: enabling an auth method needs sudo as well as update', async () => {
    const path = uniq('approle')
    const noSudo = await as(
      'path "sys/auth/*" { capabilities = ["create", "update"] }'
    )
    expect(
      (await noSudo.post(`sys/auth/${path}`, { type: 'approle' })).status
    ).toBe(403)
    const sudo = await as(
      'path "sys/auth/*" { capabilities = ["create", "update", "sudo"] }'
    )
    expect(
      (await sudo.post(`sys/auth/${path}`, { type: 'approle' })).status
    ).toBe(204)
    if (removesWhatItMade) await t.root.del(`sys/auth/${path}`)
  })

  test('the root token passes everything', async () => {
    expect(
      (
        await t.root.post('sys/policies/acl/' + uniq('r'), {
          policy: 'path "a" { capabilities = ["read"] }'
        })
      ).status
    ).toBe(204)
  })
})

describe('§7.6 sys/capabilities-self', () => {
  test('one path: the path key and "capabilities", sorted, injected at the top', async () => {
    const c = await as(
      `path "${kv}/data/cap/*" { capabilities = ["update", "read", "create"] }`
    )
    const path = `${kv}/data/cap/x`
    const r = await c.post('sys/capabilities-self', { paths: [path] })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      [path]: ['create', 'read', 'update'],
      capabilities: ['create', 'read', 'update'],
      data: {
        [path]: ['create', 'read', 'update'],
        capabilities: ['create', 'read', 'update']
      }
    })
  })

  test('several paths: one key each; no access is ["deny"]', async () => {
    const c = await as(`path "${kv}/data/cap2" { capabilities = ["read"] }`)
    const r = await c.post('sys/capabilities-self', {
      paths: [`${kv}/data/cap2`, `${kv}/data/other`]
    })
    expect(at(r.body, 'data')).toEqual({
      [`${kv}/data/cap2`]: ['read'],
      [`${kv}/data/other`]: ['deny']
    })
  })

  test('an explicit deny reports ["deny"]', async () => {
    const c = await as(`path "${kv}/data/d" { capabilities = ["deny"] }`)
    const r = await c.post('sys/capabilities-self', { paths: [`${kv}/data/d`] })
    expect(at(r.body, 'capabilities')).toEqual(['deny'])
  })

  test('root reports ["root"]', async () => {
    const r = await t.root.post('sys/capabilities-self', {
      paths: ['anything/at/all']
    })
    expect(at(r.body, 'capabilities')).toEqual(['root'])
  })

  test('the default policy allows it: any token can check itself', async () => {
    const token = await t.tokenWith('default')
    const r = await t.root
      .as(token)
      .post('sys/capabilities-self', { paths: ['auth/token/lookup-self'] })
    expect(r.status).toBe(200)
    expect(at(r.body, 'capabilities')).toEqual(['read'])
  })
})
