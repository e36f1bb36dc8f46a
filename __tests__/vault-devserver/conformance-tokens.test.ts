/**
 * Tokens: the 403 family and self-service (vault-api.md §6.1, §6.2, §6.5).
 */
import { type Target, at, openTarget, str } from './helpers/target.js'

let t: Target

/**
 * What an unknown, expired or revoked token gets: Vault's multi-error with
 * "invalid token", or OpenBao's bare "permission denied". Never the wrapped
 * single error of a missing capability: our client re-logs in on these.
 */
const INVALID_TOKEN = expect.stringMatching(
  /^(permission denied|2 errors occurred:\n\t\* permission denied\n\t\* invalid token\n\n)$/
)

beforeAll(async () => {
  t = await openTarget()
})
afterAll(() => t.close())

test('§6.2 no token: 403 {"errors":["permission denied"]}', async () => {
  const r = await t.root.get('secret/data/x', { token: null })
  expect(r.status).toBe(403)
  expect(r.body).toEqual({ errors: ['permission denied'] })
})

test('§6.2 an unknown token: 403, not the wrapped missing-capability text', async () => {
  const r = await t.root.get('secret/data/x', {
    token: 'hvs.unknownunknownunknown'
  })
  expect(r.status).toBe(403)
  expect(r.body).toEqual({ errors: [INVALID_TOKEN] })
})

test('§6.2 a valid token without the capability: 403 wrapped "permission denied"', async () => {
  const token = await t.tokenWith('default')
  const r = await t.root.as(token).get('secret/data/x')
  expect(r.status).toBe(403)
  expect(r.body).toEqual({
    errors: ['1 error occurred:\n\t* permission denied\n\n']
  })
})

test('§6.2 a path under no mount is 403 (not 404) without a covering rule', async () => {
  const token = await t.tokenWith('default')
  const r = await t.root.as(token).get('no-mount-at-all/x')
  expect(r.status).toBe(403)
})

test('§6.5 lookup-self of the root token', async () => {
  const r = await t.root.get('auth/token/lookup-self')
  expect(r.status).toBe(200)
  expect(at(r.body, 'data')).toMatchObject({
    policies: ['root'],
    ttl: 0,
    expire_time: null,
    orphan: true,
    type: 'service',
    id: t.rootToken,
    accessor: expect.any(String),
    creation_time: expect.any(Number)
  })
  // A generated dev root token is auth/token/root ("root"); one named with
  // -dev-root-token-id, as test:real starts OpenBao, is made through
  // auth/token/create ("token"), in Vault as in OpenBao.
  expect([
    ['auth/token/root', 'root'],
    ['auth/token/create', 'token']
  ]).toContainEqual([at(r.body, 'data.path'), at(r.body, 'data.display_name')])
})

test('§6.5 lookup-self of a child token: ttl, expire_time, issue_time, renewable', async () => {
  const token = await t.tokenWith('default')
  const r = await t.root.as(token).get('auth/token/lookup-self')
  expect(r.status).toBe(200)
  expect(at(r.body, 'data')).toMatchObject({
    policies: ['default'],
    path: 'auth/token/create',
    renewable: true,
    orphan: false,
    ttl: expect.any(Number),
    expire_time: expect.stringMatching(/Z$/),
    issue_time: expect.stringMatching(/Z$/)
  })
  expect(at(r.body, 'data.ttl')).toBeGreaterThan(3500)
})

test('§6.5 renew-self answers with the auth block', async () => {
  const token = await t.tokenWith('default')
  const r = await t.root
    .as(token)
    .post('auth/token/renew-self', { increment: '30m' })
  expect(r.status).toBe(200)
  expect(r.body).toMatchObject({
    data: null,
    auth: {
      client_token: token,
      policies: ['default'],
      renewable: true,
      lease_duration: expect.any(Number),
      token_type: 'service'
    }
  })
})

test('§6.5 revoke-self is 204; the token is then invalid', async () => {
  const token = await t.tokenWith('default')
  const c = t.root.as(token)
  expect((await c.post('auth/token/revoke-self')).status).toBe(204)
  const r = await c.get('auth/token/lookup-self')
  expect(r.status).toBe(403)
  expect(at(r.body, 'errors')).toEqual([INVALID_TOKEN])
})

test('§6.1 service tokens look like hvs.<base62> (OpenBao: s.<base62>)', async () => {
  const r = await t.root.post('auth/token/create', { policies: ['default'] })
  expect(str(r.body, 'auth.client_token')).toMatch(/^(hvs|s)\.[A-Za-z0-9]+$/)
  expect(r.body).toMatchObject({
    auth: {
      accessor: expect.any(String),
      policies: ['default'],
      token_policies: ['default'],
      orphan: false,
      mfa_requirement: null,
      num_uses: 0
    }
  })
})

test('§6.5 the default policy lets any token look itself up', async () => {
  const token = await t.tokenWith('default')
  expect((await t.root.as(token).get('auth/token/lookup-self')).status).toBe(
    200
  )
})
