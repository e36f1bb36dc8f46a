/**
 * Shared setup for the acceptance tests: a KV v2 mount, a policy on it,
 * an AppRole and a JWT auth method configured for a test key.
 */
import { type Target, openTarget, str, uniq } from './target.js'
import { GITHUB_ISSUER, type KeyPair, keyPair } from './jwt.js'

export interface Fixture {
  t: Target
  kv: string
  policy: string
  approle: { mount: string; roleId: string; secretId: string }
  jwt: { mount: string; role: string; key: KeyPair }
}

export async function openFixture(): Promise<Fixture> {
  const t = await openTarget()
  const kv = await t.mountKv(2, 'accept')
  const policy = await t.policy(
    `path "${kv}/data/*" { capabilities = ["create", "read", "update", "delete"] }
path "${kv}/metadata/*" { capabilities = ["list", "read"] }`
  )
  const approleMount = await t.enableAuth('approle')
  const role = uniq('sync')
  await t.root.post(`auth/${approleMount}/role/${role}`, {
    token_policies: [policy]
  })
  const roleId = str(
    (await t.root.get(`auth/${approleMount}/role/${role}/role-id`)).body,
    'data.role_id'
  )
  const secretId = str(
    (await t.root.post(`auth/${approleMount}/role/${role}/secret-id`)).body,
    'data.secret_id'
  )
  const jwtMount = await t.enableAuth('jwt')
  const key = keyPair('RS256')
  await t.root.post(`auth/${jwtMount}/config`, {
    jwt_validation_pubkeys: [key.publicPem],
    bound_issuer: GITHUB_ISSUER
  })
  const jwtRole = uniq('gh')
  await t.root.post(`auth/${jwtMount}/role/${jwtRole}`, {
    role_type: 'jwt',
    user_claim: 'repository',
    bound_audiences: ['https://github.com/octo-org'],
    token_policies: [policy]
  })
  return {
    t,
    kv,
    policy,
    approle: { mount: approleMount, roleId, secretId },
    jwt: { mount: jwtMount, role: jwtRole, key }
  }
}
