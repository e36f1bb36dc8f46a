/**
 * JWT auth for GitHub Actions OIDC (vault-api.md §6.4): signatures,
 * expiry, issuer, audience and bound claims are really checked.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type Client,
  type Target,
  at,
  openTarget,
  uniq
} from './helpers/target.js'
import {
  GITHUB_ISSUER,
  type KeyPair,
  githubClaims,
  jwks,
  keyPair,
  mint
} from './helpers/jwt.js'

let t: Target
let mount: string
let kv: string
let policy: string
const rsa = keyPair('RS256')
const other = keyPair('RS256', 'other')
const ec = keyPair('ES256')

beforeAll(async () => {
  t = await openTarget()
  kv = await t.mountKv(2)
  policy = await t.policy(
    `path "${kv}/data/*" { capabilities = ["read", "create", "update"] }`
  )
  mount = await t.enableAuth('jwt')
  const cfg = await t.root.post(`auth/${mount}/config`, {
    jwt_validation_pubkeys: [rsa.publicPem, ec.publicPem],
    bound_issuer: GITHUB_ISSUER
  })
  expect(cfg.status).toBe(204)
})
afterAll(() => t.close())

async function role(
  settings: Record<string, unknown> = {},
  on = mount
): Promise<string> {
  const name = uniq('gh')
  const r = await t.root.post(`auth/${on}/role/${name}`, {
    role_type: 'jwt',
    user_claim: 'repository',
    bound_audiences: ['https://github.com/octo-org'],
    bound_claims: { repository: 'octo-org/octo-repo' },
    token_policies: [policy],
    ...settings
  })
  expect(r.status).toBe(204)
  return name
}

function anon(): Client {
  return t.root.as(undefined)
}

async function login(
  roleName: string,
  jwt: string,
  on = mount
): ReturnType<Client['post']> {
  return anon().post(`auth/${on}/login`, { role: roleName, jwt })
}

test('§6.4 a signed GitHub-shaped token logs in; auth carries the role metadata', async () => {
  const name = await role()
  const r = await login(name, mint(rsa, githubClaims()))
  expect(r.status).toBe(200)
  expect(r.body).toMatchObject({
    auth: {
      client_token: expect.stringMatching(/^(hvs|s)\./),
      policies: [policy, 'default'].sort(),
      metadata: { role: name },
      token_type: 'service',
      renewable: true
    }
  })
})

test('§6.4 the login token is limited to its policy (403 outside it)', async () => {
  const name = await role()
  const r = await login(name, mint(rsa, githubClaims()))
  const c = t.root.as(at(r.body, 'auth.client_token') as string)
  expect((await c.post(`${kv}/data/x`, { data: { a: 1 } })).status).toBe(200)
  expect((await c.get('sys/mounts')).status).toBe(403)
})

test('§6.4 a token signed by an unknown key fails signature verification', async () => {
  const name = await role()
  const r = await login(name, mint(other, githubClaims()))
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: [
      'error validating token: error verifying token signature: no known key successfully validated the token signature'
    ]
  })
})

test('§6.4 a tampered payload fails signature verification', async () => {
  const name = await role()
  const [h, , s] = mint(rsa, githubClaims()).split('.')
  const forged = Buffer.from(
    JSON.stringify(githubClaims({ repository: 'evil/repo' }))
  ).toString('base64url')
  const r = await login(name, `${h}.${forged}.${s}`)
  expect(r.status).toBe(400)
  expect(at(r.body, 'errors')).toEqual([
    expect.stringContaining('error verifying token signature')
  ])
})

test('§6.4 an expired token is refused', async () => {
  const name = await role()
  const past = Math.floor(Date.now() / 1000) - 3600
  const r = await login(
    name,
    mint(rsa, githubClaims({ iat: past - 300, nbf: past - 300, exp: past }))
  )
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: [
      'error validating token: invalid expiration time (exp) claim: token is expired'
    ]
  })
})

test('§6.4 a wrong audience is refused', async () => {
  const name = await role()
  const r = await login(
    name,
    mint(rsa, githubClaims({ aud: 'https://github.com/someone-else' }))
  )
  expect(r.status).toBe(400)
  expect(at(r.body, 'errors')).toEqual([expect.stringContaining('aud')])
})

test('§6.4 a wrong issuer is refused (bound_issuer)', async () => {
  const name = await role()
  const r = await login(
    name,
    mint(rsa, githubClaims({ iss: 'https://evil.example' }))
  )
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: ['error validating token: invalid issuer (iss) claim']
  })
})

test('§6.4 a bound claim that does not match is refused', async () => {
  const name = await role()
  const r = await login(
    name,
    mint(rsa, githubClaims({ repository: 'octo-org/other' }))
  )
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: [
      'error validating claims: claim "repository" does not match any associated bound claim values'
    ]
  })
})

test('§6.4 glob bound claims match with *', async () => {
  const name = await role({
    bound_claims_type: 'glob',
    bound_claims: { sub: 'repo:octo-org/*:ref:refs/heads/*' }
  })
  expect((await login(name, mint(rsa, githubClaims()))).status).toBe(200)
})

test('§6.4 an aud list with no bound_audiences is refused', async () => {
  const name = await role({ bound_audiences: [] })
  const r = await login(
    name,
    mint(rsa, githubClaims({ aud: ['https://github.com/octo-org'] }))
  )
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: ['audience claim found in JWT but no audiences bound to the role']
  })
})

test('§6.4 a missing user claim is refused', async () => {
  const name = await role({ user_claim: 'environment' })
  const r = await login(name, mint(rsa, githubClaims()))
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['claim "environment" not found in token'] })
})

test('§6.4 missing role, unknown role, oidc role', async () => {
  const missing = await anon().post(`auth/${mount}/login`, {
    jwt: mint(rsa, githubClaims())
  })
  expect(missing.body).toEqual({ errors: ['missing role'] })
  const unknown = await login('no-such-role', mint(rsa, githubClaims()))
  expect(unknown.body).toEqual({
    errors: ['role "no-such-role" could not be found']
  })
  const oidc = uniq('oidc')
  await t.root.post(`auth/${mount}/role/${oidc}`, {
    user_claim: 'sub',
    allowed_redirect_uris: ['http://localhost:8250/oidc/callback']
  })
  const r = await login(oidc, mint(rsa, githubClaims()))
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: ['role with oidc role_type is not allowed']
  })
})

test('§6.4 a missing jwt is 400 "missing token"', async () => {
  const name = await role()
  const r = await anon().post(`auth/${mount}/login`, { role: name })
  expect(r.body).toEqual({ errors: ['missing token'] })
})

test('§6.4 ES256 tokens verify against an EC key', async () => {
  const name = await role()
  const r = await login(name, mint(ec, githubClaims()))
  expect(r.status).toBe(200)
})

test('§6.4 jwt_supported_algs restricts the accepted algorithms', async () => {
  const m = await t.enableAuth('jwt')
  await t.root.post(`auth/${m}/config`, {
    jwt_validation_pubkeys: [rsa.publicPem, ec.publicPem],
    jwt_supported_algs: ['RS256']
  })
  const name = await role({}, m)
  expect((await login(name, mint(rsa, githubClaims()), m)).status).toBe(200)
  const r = await login(name, mint(ec, githubClaims()), m)
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: [
      'error validating token: invalid algorithm (alg) header parameter: token signed with unexpected algorithm'
    ]
  })
})

test('§6.4 a jwt role needs at least one bound constraint', async () => {
  const r = await t.root.post(`auth/${mount}/role/${uniq('unbound')}`, {
    role_type: 'jwt',
    user_claim: 'sub'
  })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: [
      'must have at least one bound constraint when creating/updating a role'
    ]
  })
})

test('§6.4 config needs exactly one key source', async () => {
  const m = await t.enableAuth('jwt')
  const r = await t.root.post(`auth/${m}/config`, { bound_issuer: 'x' })
  expect(r.status).toBe(400)
  expect(at(r.body, 'errors')).toEqual([
    expect.stringContaining('exactly one of')
  ])
})

describe('JWKS from a loopback issuer (OpenBao runs locally and reaches it)', () => {
  let server: Server
  let url: string
  const rotating: KeyPair[] = [keyPair('RS256', 'k1')]

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json')
      if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks` }))
      } else res.end(JSON.stringify(jwks(...rotating)))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  test('§6.4 jwks_url: keys are fetched, and refetched for an unknown kid', async () => {
    const m = await t.enableAuth('jwt')
    expect(
      (await t.root.post(`auth/${m}/config`, { jwks_url: `${url}/jwks` }))
        .status
    ).toBe(204)
    const name = await role({}, m)
    expect(
      (await login(name, mint(rotating[0] as KeyPair, githubClaims()), m))
        .status
    ).toBe(200)
    const next = keyPair('RS256', 'k2')
    rotating.push(next)
    expect((await login(name, mint(next, githubClaims()), m)).status).toBe(200)
  })

  test('§6.4 oidc_discovery_url: issuer checked, jwks_uri used', async () => {
    const m = await t.enableAuth('jwt')
    const cfg = await t.root.post(`auth/${m}/config`, {
      oidc_discovery_url: url,
      bound_issuer: url
    })
    expect(cfg.status).toBe(204)
    const name = await role({}, m)
    const token = mint(rotating[0] as KeyPair, githubClaims({ iss: url }))
    expect((await login(name, token, m)).status).toBe(200)
  })
})
