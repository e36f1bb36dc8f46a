/**
 * JWT auth roles (`path_role.go`): `role_type` defaults to `oidc`, a
 * `user_claim` is required, and a `jwt` role needs at least one bound
 * constraint (vault-api.md §6.4).
 */
import { type Result, fail, logical, nil } from '../http/response.js'
import {
  durationField,
  intField,
  isError,
  mapField,
  stringField,
  stringListField
} from '../http/fields.js'
import type { RequestContext } from '../state.js'
import { isObject, weakString } from '../util/go.js'
import type { JwtState } from './jwt-config.js'

export interface JwtRole {
  roleType: string
  boundAudiences: string[]
  boundSubject: string
  boundClaims: Record<string, unknown>
  boundClaimsType: string
  userClaim: string
  groupsClaim: string
  claimMappings: Record<string, string>
  tokenPolicies: string[]
  tokenTtl: number
  tokenMaxTtl: number
  tokenNumUses: number
  tokenNoDefaultPolicy: boolean
  clockSkewLeeway: number
  expirationLeeway: number
  notBeforeLeeway: number
  allowedRedirectUris: string[]
}

export function writeRole(
  state: JwtState,
  ctx: RequestContext,
  name: string
): Result {
  const d = ctx.req.data
  const aud = stringListField(d, 'bound_audiences')
  const policies = stringListField(
    d,
    d.token_policies !== undefined ? 'token_policies' : 'policies'
  )
  const redirects = stringListField(d, 'allowed_redirect_uris')
  const claims = mapField(d, 'bound_claims')
  const mappings = mapField(d, 'claim_mappings')
  const nums = {
    tokenTtl: durationField(d, d.token_ttl !== undefined ? 'token_ttl' : 'ttl'),
    tokenMaxTtl: durationField(
      d,
      d.token_max_ttl !== undefined ? 'token_max_ttl' : 'max_ttl'
    ),
    tokenNumUses: intField(d, 'token_num_uses'),
    clockSkewLeeway: durationField(d, 'clock_skew_leeway'),
    expirationLeeway: durationField(d, 'expiration_leeway'),
    notBeforeLeeway: durationField(d, 'not_before_leeway')
  }
  for (const f of [
    aud,
    policies,
    redirects,
    claims,
    mappings,
    ...Object.values(nums)
  ]) {
    if (isError(f)) return f
  }
  const prev = state.roles.get(name)
  const role: JwtRole = {
    roleType: stringField(d, 'role_type') || prev?.roleType || 'oidc',
    boundAudiences: Array.isArray(aud) ? aud : (prev?.boundAudiences ?? []),
    boundSubject:
      d.bound_subject !== undefined
        ? stringField(d, 'bound_subject')
        : (prev?.boundSubject ?? ''),
    boundClaims: isObject(claims) ? claims : (prev?.boundClaims ?? {}),
    boundClaimsType:
      stringField(d, 'bound_claims_type') || prev?.boundClaimsType || 'string',
    userClaim: stringField(d, 'user_claim') || prev?.userClaim || '',
    groupsClaim: stringField(d, 'groups_claim') || prev?.groupsClaim || '',
    claimMappings: {},
    tokenPolicies: Array.isArray(policies)
      ? policies.map((p) => p.toLowerCase())
      : (prev?.tokenPolicies ?? []),
    tokenTtl: 0,
    tokenMaxTtl: 0,
    tokenNumUses: 0,
    tokenNoDefaultPolicy: d.token_no_default_policy === true,
    clockSkewLeeway: 0,
    expirationLeeway: 0,
    notBeforeLeeway: 0,
    allowedRedirectUris: Array.isArray(redirects)
      ? redirects
      : (prev?.allowedRedirectUris ?? [])
  }
  for (const [k, v] of Object.entries(nums)) {
    const value =
      typeof v === 'number' ? v : prev ? prev[k as keyof typeof nums] : 0
    role[k as keyof typeof nums] = value
  }
  if (isObject(mappings)) {
    for (const [k, v] of Object.entries(mappings))
      role.claimMappings[k] = weakString(v) ?? ''
  } else if (prev) role.claimMappings = prev.claimMappings
  if (role.roleType !== 'jwt' && role.roleType !== 'oidc') {
    return fail(400, `invalid 'role_type': ${role.roleType}`)
  }
  if (role.userClaim === '')
    return fail(400, 'a user claim must be defined on the role')
  if (role.boundClaimsType !== 'string' && role.boundClaimsType !== 'glob') {
    return fail(400, `invalid 'bound_claims_type': ${role.boundClaimsType}`)
  }
  if (role.roleType === 'oidc' && role.allowedRedirectUris.length === 0) {
    return fail(
      400,
      "'allowed_redirect_uris' must be set if 'role_type' is 'oidc' or unspecified."
    )
  }
  if (
    role.roleType !== 'oidc' &&
    role.boundAudiences.length === 0 &&
    role.boundSubject === '' &&
    Object.keys(role.boundClaims).length === 0
  ) {
    return fail(
      400,
      'must have at least one bound constraint when creating/updating a role'
    )
  }
  state.roles.set(name, role)
  return nil
}

export function readRole(state: JwtState, name: string): Result {
  const r = state.roles.get(name)
  if (r === undefined) return nil
  return logical({
    allowed_redirect_uris: r.allowedRedirectUris,
    bound_audiences: r.boundAudiences,
    bound_claims: Object.keys(r.boundClaims).length > 0 ? r.boundClaims : null,
    bound_claims_type: r.boundClaimsType,
    bound_subject: r.boundSubject,
    claim_mappings:
      Object.keys(r.claimMappings).length > 0 ? r.claimMappings : null,
    clock_skew_leeway: r.clockSkewLeeway,
    expiration_leeway: r.expirationLeeway,
    groups_claim: r.groupsClaim,
    not_before_leeway: r.notBeforeLeeway,
    role_type: r.roleType,
    token_max_ttl: r.tokenMaxTtl,
    token_no_default_policy: r.tokenNoDefaultPolicy,
    token_num_uses: r.tokenNumUses,
    token_policies: r.tokenPolicies,
    token_ttl: r.tokenTtl,
    user_claim: r.userClaim
  })
}
