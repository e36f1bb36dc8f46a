/**
 * Limits and path rules (vault-api.md §8, §1.9, §1.15).
 */
import { type Target, at, openTarget } from './helpers/target.js'

let t: Target
let kv2: string
let kv1: string

beforeAll(async () => {
  t = await openTarget()
  kv2 = await t.mountKv(2)
  kv1 = await t.mountKv(1)
})
afterAll(() => t.close())

test('§8 a write to a path ending in / is 400, before auth', async () => {
  const r = await t.root.post(
    `${kv2}/data/folder/`,
    { data: { a: 1 } },
    { token: null }
  )
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ["cannot write to a path ending in '/'"] })
})

test('§8 encoded . and .. segments are 400 "relative paths not supported", before auth', async () => {
  for (const path of [`${kv1}/a%2F..%2Fb`, `${kv2}/data/a%2F.%2Fb`]) {
    const r = await t.root.post(path, { a: 1 }, { token: null })
    expect(r.status).toBe(400)
    expect(r.body).toEqual({ errors: ['relative paths not supported'] })
  }
})

test('§8 KV v1 keys with .. inside a segment (OpenBao stores them; Vault 400s)', async () => {
  const w = await t.root.post(`${kv1}/user..aaa`, { a: 1 })
  const r = await t.root.get(`${kv1}/user..aaa`)
  if (t.kind === 'vault') {
    expect([w.status, r.status]).toEqual([400, 400])
    return
  }
  expect(w.status).toBe(204)
  expect(at(r.body, 'data')).toEqual({ a: 1 })
})

test('§8 a request body over 32 MiB is 413', async () => {
  const big = 'x'.repeat(32 * 1024 * 1024 + 16)
  const r = await t.root.call('POST', `${kv1}/big`, {
    rawBody: `{"v":"${big}"}`
  })
  expect(r.status).toBe(413)
  // OpenBao: Go's "http: request body too large"; Vault: "error parsing JSON".
  const text =
    t.kind === 'vault' ? 'error parsing JSON' : 'http: request body too large'
  expect(r.body).toEqual({ errors: [text] })
})

test('§8 non-printable characters in the path are 400 with an empty body', async () => {
  const r = await t.root.get(`${kv2}/data/a%0Ab`)
  expect(r.status).toBe(400)
  expect(r.text).toBe('')
})

test('§8 // segments are answered with a redirect to the cleaned path', async () => {
  const r = await t.root.get(`${kv2}//data/x?version=1`, { redirect: 'manual' })
  // Go's ServeMux: 307 in the Go that OpenBao 2.7 is built with (older: 301).
  expect([301, 307]).toContain(r.status)
  expect(r.headers.get('location')).toBe(`/v1/${kv2}/data/x?version=1`)
})

test('§8 %2F in a key is a folder separator', async () => {
  await t.root.post(`${kv2}/data/enc%2Fkey`, { data: { a: 1 } })
  const r = await t.root.list(`${kv2}/metadata/enc`)
  expect(r.status).toBe(200)
  expect(r.body).toMatchObject({ data: { keys: ['key'] } })
})

test('§3.7 custom_metadata: a value over 512 bytes is 400 with the validation text', async () => {
  const r = await t.root.post(`${kv2}/metadata/cm`, {
    custom_metadata: { x: 'v'.repeat(600) }
  })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: [
      '1 error occurred:\n\t* custom_metadata validation failed: length of value for key "x" is 600 but must be 0 < len(value) <= 512\n\n'
    ]
  })
})

test('§3.7 custom_metadata: more than 64 keys is 400', async () => {
  const many: Record<string, string> = {}
  for (let i = 0; i < 65; i++) many[`k${i}`] = 'v'
  const r = await t.root.post(`${kv2}/metadata/cm`, { custom_metadata: many })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: [
      expect.stringContaining(
        'payload must contain at most 64 keys, provided 65'
      )
    ]
  })
})

test('§3.7 custom_metadata: a key over 128 bytes is 400', async () => {
  const r = await t.root.post(`${kv2}/metadata/cm`, {
    custom_metadata: { ['k'.repeat(129)]: 'v' }
  })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: [expect.stringContaining('is 129 but must be 0 < len(key) <= 128')]
  })
})
