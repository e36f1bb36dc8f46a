/**
 * Lists both ways (vault-api.md §2.1): the LIST verb, which the vault/bao
 * CLIs, hvac and node-vault send, and `GET ?list=true`, which Vault's Go
 * client and ours send, give the same answer on every list route.
 */
import {
  type Reply,
  type Target,
  at,
  openTarget,
  uniq
} from './helpers/target.js'

let t: Target
let kv2: string
let kv1: string

beforeAll(async () => {
  t = await openTarget()
  kv2 = await t.mountKv(2)
  kv1 = await t.mountKv(1)
})
afterAll(() => t.close())

/** Both ways, with the keys sorted (KV v2 order is not alphabetical). */
async function bothWays(path: string): Promise<Reply[]> {
  const replies = [await t.root.listVerb(path), await t.root.list(path)]
  for (const r of replies) {
    const keys = at(r.body, 'data.keys')
    if (Array.isArray(keys)) keys.sort()
  }
  return replies
}

test('KV v2 metadata/: the same keys, folders with a trailing /', async () => {
  await t.root.post(`${kv2}/data/team/a`, { data: { x: 1 } })
  await t.root.post(`${kv2}/data/team/sub/b`, { data: { x: 1 } })
  for (const r of await bothWays(`${kv2}/metadata/team`)) {
    expect(r.status).toBe(200)
    expect(at(r.body, 'data.keys')).toEqual(['a', 'sub/'])
  }
})

test('KV v1: the same keys', async () => {
  await t.root.post(`${kv1}/folder/one`, { a: 1 })
  await t.root.post(`${kv1}/folder/two/three`, { a: 1 })
  for (const r of await bothWays(`${kv1}/folder/`)) {
    expect(r.status).toBe(200)
    expect(at(r.body, 'data.keys')).toEqual(['one', 'two/'])
  }
})

test('an empty folder is 404 {"errors":[]} both ways', async () => {
  for (const r of await bothWays(`${kv2}/metadata/${uniq('empty')}`)) {
    expect(r.status).toBe(404)
    expect(r.body).toEqual({ errors: [] })
  }
})

test('sys/policies/acl lists the same policies both ways', async () => {
  const name = await t.policy('path "x/*" { capabilities = ["read"] }')
  const [verb, query] = await bothWays('sys/policies/acl')
  expect(at(verb?.body ?? null, 'data.keys')).toContain(name)
  expect(at(verb?.body ?? null, 'data.keys')).toEqual(
    at(query?.body ?? null, 'data.keys')
  )
})

test('AppRole roles list the same both ways', async () => {
  const mount = await t.enableAuth('approle')
  await t.root.post(`auth/${mount}/role/r1`, { token_policies: ['default'] })
  for (const r of await bothWays(`auth/${mount}/role`)) {
    expect(r.status).toBe(200)
    expect(at(r.body, 'data.keys')).toEqual(['r1'])
  }
})

test('LIST checks the list capability, like ?list=true', async () => {
  const policy = await t.policy(
    `path "${kv2}/metadata/team" { capabilities = ["read"] }`
  )
  const reader = t.root.as(await t.tokenWith(policy))
  for (const r of [
    await reader.listVerb(`${kv2}/metadata/team`),
    await reader.list(`${kv2}/metadata/team`)
  ]) {
    expect(r.status).toBe(403)
  }
})
