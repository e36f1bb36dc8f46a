/**
 * Transport rules every endpoint follows (vault-api.md §2, §8): envelope,
 * status codes, headers, byte encoding, method mapping.
 */
import { type Target, openTarget, at } from './helpers/target.js'

let t: Target
let kv: string

beforeAll(async () => {
  t = await openTarget()
  kv = await t.mountKv(2)
})
afterAll(() => t.close())

test('§2.2 success has the full envelope, every field present, in Go struct order', async () => {
  await t.root.post(`${kv}/data/env`, { data: { a: '1' } })
  const r = await t.root.get(`${kv}/data/env`)
  expect(r.status).toBe(200)
  const keys = Object.keys(r.body as object)
  expect(keys.slice(0, 8)).toEqual([
    'request_id',
    'lease_id',
    'renewable',
    'lease_duration',
    'data',
    'wrap_info',
    'warnings',
    'auth'
  ])
  expect(r.body).toMatchObject({
    lease_id: '',
    renewable: false,
    lease_duration: 0,
    wrap_info: null,
    warnings: null,
    auth: null
  })
  expect(at(r.body, 'request_id')).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
  )
})

test('§2.2 success with nothing to say is 204, empty body, application/json', async () => {
  const r = await t.root.del(`${kv}/data/env`)
  expect(r.status).toBe(204)
  expect(r.text).toBe('')
  expect(r.headers.get('content-type')).toBe('application/json')
})

test('§2.3 a missing thing is 404 {"errors":[]}', async () => {
  const r = await t.root.get(`${kv}/data/never-written`)
  expect(r.status).toBe(404)
  expect(r.body).toEqual({ errors: [] })
})

test('§2.3 an empty list is 404 {"errors":[]}', async () => {
  const r = await t.root.list(`${kv}/metadata/nothing-here`)
  expect(r.status).toBe(404)
  expect(r.body).toEqual({ errors: [] })
})

test('§2.1 GET ?list=true lists; an unparsable list value is 400 {"errors":[]}', async () => {
  await t.root.post(`${kv}/data/l/one`, { data: { a: 1 } })
  const ok = await t.root.get(`${kv}/metadata/l?list=true`)
  expect(ok.status).toBe(200)
  expect(at(ok.body, 'data.keys')).toEqual(['one'])
  const bad = await t.root.get(`${kv}/metadata/l?list=maybe`)
  expect(bad.status).toBe(400)
  expect(bad.body).toEqual({ errors: [] })
})

test('§2.1 an unknown HTTP method is 405 {"errors":[]}', async () => {
  const r = await t.root.call('PROPFIND', `${kv}/data/x`)
  expect(r.status).toBe(405)
  expect(r.body).toEqual({ errors: [] })
})

test('§2.1 PATCH without a Content-Type is 400 with the mime error', async () => {
  const r = await t.root.call('PATCH', `${kv}/data/x`, {
    rawBody: '{"data":{}}',
    contentType: ''
  })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['mime: no media type'] })
})

test('§2.1 PATCH with another Content-Type is 415', async () => {
  const r = await t.root.patch(
    `${kv}/data/x`,
    { data: {} },
    { contentType: 'application/json' }
  )
  expect(r.status).toBe(415)
  expect(r.body).toEqual({
    errors: [
      'PATCH requires Content-Type of application/merge-patch+json, provided application/json'
    ]
  })
})

test('§2.1 malformed JSON is 400 with one decode error', async () => {
  const r = await t.root.call('POST', `${kv}/data/x`, { rawBody: '{"data":' })
  expect(r.status).toBe(400)
  // OpenBao quotes Go's decoder; Vault says "error parsing JSON".
  const text =
    t.kind === 'vault'
      ? 'error parsing JSON'
      : 'failed to decode JSON input: unexpected EOF'
  expect(r.body).toEqual({ errors: [text] })
})

test('§2.1 a JSON body that is not an object is 400', async () => {
  const r = await t.root.call('POST', `${kv}/data/x`, { rawBody: '[1]' })
  expect(r.status).toBe(400)
  expect(at(r.body, 'errors')).toHaveLength(1)
})

test('§2.1 an unsupported operation on an existing route is 405 "unsupported operation"', async () => {
  const r = await t.root.del(`${kv}/delete/x`)
  expect(r.status).toBe(405)
  expect(at(r.body, 'errors')).toEqual([
    expect.stringContaining('unsupported operation')
  ])
})

test('§2.3 unrecognised parameters on a fixed-schema path earn a warning', async () => {
  await t.root.post(`${kv}/data/warn`, { data: { a: '1' } })
  const r = await t.root.get(`${kv}/data/warn?zeta=1&alpha=2`)
  expect(r.status).toBe(200)
  expect(at(r.body, 'warnings')).toEqual([
    'Endpoint ignored these unrecognized parameters: [alpha zeta]'
  ])
})

test('§2.3 field type errors are 400 "Field validation failed"', async () => {
  const r = await t.root.get(`${kv}/data/warn?version=abc`)
  expect(r.status).toBe(400)
  expect(at(r.body, 'errors')).toEqual([
    expect.stringContaining('Field validation failed')
  ])
})

test('§2.4 bodies end in a newline and escape <, > and & like Go', async () => {
  await t.root.post(`${kv}/data/html`, { data: { v: '<a&b>' } })
  const r = await t.root.get(`${kv}/data/html`)
  expect(r.text.endsWith('\n')).toBe(true)
  expect(r.text).toContain('"v":"\\u003ca\\u0026b\\u003e"')
})

test('§2.4 secret data comes back with sorted keys', async () => {
  await t.root.post(`${kv}/data/sorted`, { data: { b: 1, a: 2, c: 3 } })
  const r = await t.root.get(`${kv}/data/sorted`)
  expect(Object.keys(at(r.body, 'data.data') as object)).toEqual([
    'a',
    'b',
    'c'
  ])
})

test('§2.4 every response says Cache-Control: no-store', async () => {
  const ok = await t.root.get('sys/mounts')
  const notFound = await t.root.get(`${kv}/data/nope`)
  expect(ok.headers.get('cache-control')).toBe('no-store')
  expect(notFound.headers.get('cache-control')).toBe('no-store')
})

test('§2.4 X-Vault-Namespace is echoed back', async () => {
  const r = await t.root.get('sys/mounts', {
    headers: { 'X-Vault-Namespace': 'team-a' }
  })
  expect(r.headers.get('x-vault-namespace')).toBe('team-a')
})

test('§6.1 Authorization: Bearer works as a token header', async () => {
  const r = await t.root.get('auth/token/lookup-self', {
    token: null,
    headers: { Authorization: `Bearer ${t.rootToken}` }
  })
  expect(r.status).toBe(200)
  expect(at(r.body, 'data.policies')).toEqual(['root'])
})

test('§6.1 X-Vault-Token wins over Authorization: Bearer', async () => {
  const r = await t.root.get('auth/token/lookup-self', {
    headers: { Authorization: 'Bearer hvs.not-a-real-token' }
  })
  expect(r.status).toBe(200)
})

test('§6.2 a path under no mount is 404 "no handler for route" for root', async () => {
  const r = await t.root.get('no-such-mount-here/x')
  expect(r.status).toBe(404)
  expect(r.body).toEqual({
    errors: [
      'no handler for route "no-such-mount-here/x". route entry not found.'
    ]
  })
})
