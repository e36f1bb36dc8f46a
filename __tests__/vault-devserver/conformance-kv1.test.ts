/**
 * KV version 1, the passthrough engine (vault-api.md §4).
 */
import { type Target, at, openTarget } from './helpers/target.js'

let t: Target
let kv: string

beforeAll(async () => {
  t = await openTarget()
  kv = await t.mountKv(1)
})
afterAll(() => t.close())

test('§4 a write is 204 and the body is the secret', async () => {
  const w = await t.root.post(`${kv}/conn/a`, { conn_uri: 'x', port: 5 })
  expect(w.status).toBe(204)
  const r = await t.root.get(`${kv}/conn/a`)
  expect(r.status).toBe(200)
  expect(at(r.body, 'data')).toEqual({ conn_uri: 'x', port: 5 })
})

test('§4 PUT writes like POST', async () => {
  expect((await t.root.put(`${kv}/put-me`, { a: 'b' })).status).toBe(204)
  expect(at((await t.root.get(`${kv}/put-me`)).body, 'data')).toEqual({
    a: 'b'
  })
})

test('§4 a read reports the mount default lease (768h) and no lease id', async () => {
  await t.root.post(`${kv}/lease`, { a: 'b' })
  const r = await t.root.get(`${kv}/lease`)
  expect(r.body).toMatchObject({
    lease_id: '',
    renewable: false,
    lease_duration: 2764800
  })
})

test('§4 a stored ttl field sets lease_duration', async () => {
  await t.root.post(`${kv}/ttl`, { a: 'b', ttl: '1h' })
  const r = await t.root.get(`${kv}/ttl`)
  expect(at(r.body, 'lease_duration')).toBe(3600)
})

test('§4 an empty write is 400 "missing data fields"', async () => {
  const r = await t.root.post(`${kv}/empty`, {})
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['missing data fields'] })
})

test('§4 a v2-style body is stored literally (no versions, no cas)', async () => {
  await t.root.post(`${kv}/v2body`, { data: { a: 1 }, options: { cas: 0 } })
  const w = await t.root.post(`${kv}/v2body`, {
    data: { a: 2 },
    options: { cas: 0 }
  })
  expect(w.status).toBe(204)
  const r = await t.root.get(`${kv}/v2body`)
  expect(at(r.body, 'data')).toEqual({ data: { a: 2 }, options: { cas: 0 } })
})

test('§4 a missing key reads 404 {"errors":[]}', async () => {
  const r = await t.root.get(`${kv}/nope`)
  expect(r.status).toBe(404)
  expect(r.body).toEqual({ errors: [] })
})

test('§4 delete is 204, whether or not the key exists', async () => {
  await t.root.post(`${kv}/gone`, { a: 1 })
  expect((await t.root.del(`${kv}/gone`)).status).toBe(204)
  expect((await t.root.del(`${kv}/gone`)).status).toBe(204)
  expect((await t.root.get(`${kv}/gone`)).status).toBe(404)
})

test('§4 list: direct children, folders with /, sorted, lease_duration 0', async () => {
  await t.root.post(`${kv}/dir/b`, { a: 1 })
  await t.root.post(`${kv}/dir/a`, { a: 1 })
  await t.root.post(`${kv}/dir/sub/c`, { a: 1 })
  const r = await t.root.list(`${kv}/dir`)
  expect(r.status).toBe(200)
  expect(r.body).toMatchObject({
    lease_duration: 0,
    data: { keys: ['a', 'b', 'sub/'] }
  })
})

test('§4 an empty list is 404', async () => {
  const r = await t.root.list(`${kv}/empty-dir`)
  expect(r.status).toBe(404)
  expect(r.body).toEqual({ errors: [] })
})
