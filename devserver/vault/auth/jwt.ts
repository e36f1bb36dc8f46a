/**
 * JWT/OIDC auth (`vault-plugin-auth-jwt`: `path_config.go`,
 * `path_role.go`, `path_login.go`; vault-api.md §6.4). This is how GitHub
 * Actions OIDC tokens log in. Keys come from `jwt_validation_pubkeys`, a
 * `jwks_url` or an `oidc_discovery_url`; signatures, expiry, issuer and
 * audience are really verified (jwt-verify.ts).
 */
import type { VaultRequest } from '../http/request.js'
import { type Result, fail, logical, nil } from '../http/response.js'
import {
  durationField,
  intField,
  isError,
  mapField,
  stringField,
  stringListField
} from '../http/fields.js'
import type { Backend, RequestContext, Route } from '../state.js'
import { isObject, weakString } from '../util/go.js'
import {
  ALL_ALGS,
  type KeySetKey,
  TokenError,
  getClaim,
  parseJwks,
  parsePem,
  validateBoundClaims,
  validateClaims,
  verifySignature
} from './jwt-verify.js'

interface JwtConfig {
  pubkeys: string[]
  jwksUrl: string
  discoveryUrl: string
  boundIssuer: string
  defaultRole: string
  supportedAlgs: string[]
  keys: KeySetKey[]
}

interface JwtRole {
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

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) })
  const text = await res.text()
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}: ${text}`)
  return JSON.parse(text) as unknown
}

export class JwtBackend implements Backend {
  private config: JwtConfig | undefined
  private readonly roles = new Map<string, JwtRole>()

  route(rel: string, req: VaultRequest): Route | undefined {
    const r = (
      handlers: Route['handlers'],
      extra: Partial<Route> = {}
    ): Route => ({
      kind: 'auth',
      handlers,
      ...extra
    })
    if (rel === 'login') {
      return {
        kind: 'auth-login',
        unauthenticated: true,
        handlers: { update: (c) => this.login(c) }
      }
    }
    if (rel === 'config') {
      return r({
        read: () => this.readConfig(),
        update: (c) => this.writeConfig(c)
      })
    }
    if (rel === 'role/' && req.operation === 'list') {
      return r({ list: () => logical({ keys: [...this.roles.keys()].sort() }) })
    }
    const m = /^role\/([\w.@-]+)$/.exec(rel)
    if (m?.[1] === undefined) return undefined
    const name = m[1].toLowerCase()
    return r(
      {
        read: () => this.readRole(name),
        update: (c) => this.writeRole(c, name),
        delete: () => {
          this.roles.delete(name)
          return nil
        }
      },
      { exists: () => this.roles.has(name) }
    )
  }

  private async writeConfig(ctx: RequestContext): Promise<Result> {
    const d = ctx.req.data
    const pubkeys = stringListField(d, 'jwt_validation_pubkeys')
    const algs = stringListField(d, 'jwt_supported_algs')
    if (isError(pubkeys)) return pubkeys
    if (isError(algs)) return algs
    const cfg: JwtConfig = {
      pubkeys: pubkeys ?? [],
      jwksUrl: stringField(d, 'jwks_url'),
      discoveryUrl: stringField(d, 'oidc_discovery_url'),
      boundIssuer: stringField(d, 'bound_issuer'),
      defaultRole: stringField(d, 'default_role').toLowerCase(),
      supportedAlgs: algs ?? [],
      keys: []
    }
    const methods = [
      cfg.pubkeys.length > 0,
      cfg.jwksUrl !== '',
      cfg.discoveryUrl !== ''
    ]
    if (methods.filter(Boolean).length !== 1) {
      return fail(
        400,
        "exactly one of 'jwt_validation_pubkeys', 'jwks_url', 'jwks_pairs' or 'oidc_discovery_url' must be set"
      )
    }
    for (const alg of cfg.supportedAlgs) {
      if (!ALL_ALGS.includes(alg))
        return fail(
          400,
          `invalid jwt_supported_algs: unsupported signing algorithm "${alg}"`
        )
    }
    try {
      if (cfg.pubkeys.length > 0) {
        cfg.keys = cfg.pubkeys.map((pem) => ({ key: parsePem(pem) }))
      } else if (cfg.jwksUrl !== '') {
        cfg.keys = parseJwks(await fetchJson(cfg.jwksUrl))
      } else {
        cfg.keys = await this.discover(cfg.discoveryUrl)
      }
    } catch (e) {
      const what =
        cfg.pubkeys.length > 0
          ? 'error parsing public key'
          : cfg.jwksUrl !== ''
            ? 'error checking jwks URL'
            : 'error checking oidc discovery URL'
      return fail(400, `${what}: ${(e as Error).message}`)
    }
    this.config = cfg
    return nil
  }

  /** OIDC discovery: the issuer must match, then fetch `jwks_uri`. */
  private async discover(issuer: string): Promise<KeySetKey[]> {
    const doc = await fetchJson(
      `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
    )
    if (!isObject(doc) || doc.issuer !== issuer) {
      const got = isObject(doc) ? String(doc.issuer) : ''
      throw new Error(
        `issuer did not match the returned issuer, expected "${issuer}" got "${got}"`
      )
    }
    return parseJwks(await fetchJson(String(doc.jwks_uri)))
  }

  private readConfig(): Result {
    const c = this.config
    if (c === undefined) return nil
    return logical({
      bound_issuer: c.boundIssuer,
      default_role: c.defaultRole,
      jwks_ca_pem: '',
      jwks_pairs: [],
      jwks_url: c.jwksUrl,
      jwt_supported_algs: c.supportedAlgs,
      jwt_validation_pubkeys: c.pubkeys,
      namespace_in_state: true,
      oidc_client_id: '',
      oidc_discovery_ca_pem: '',
      oidc_discovery_url: c.discoveryUrl,
      oidc_response_mode: '',
      oidc_response_types: [],
      provider_config: {},
      unsupported_critical_cert_extensions: []
    })
  }

  private writeRole(ctx: RequestContext, name: string): Result {
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
      tokenTtl: durationField(
        d,
        d.token_ttl !== undefined ? 'token_ttl' : 'ttl'
      ),
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
    const prev = this.roles.get(name)
    const role: JwtRole = {
      roleType: stringField(d, 'role_type') || prev?.roleType || 'oidc',
      boundAudiences: Array.isArray(aud) ? aud : (prev?.boundAudiences ?? []),
      boundSubject:
        d.bound_subject !== undefined
          ? stringField(d, 'bound_subject')
          : (prev?.boundSubject ?? ''),
      boundClaims: isObject(claims) ? claims : (prev?.boundClaims ?? {}),
      boundClaimsType:
        stringField(d, 'bound_claims_type') ||
        prev?.boundClaimsType ||
        'string',
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
    this.roles.set(name, role)
    return nil
  }

  private readRole(name: string): Result {
    const r = this.roles.get(name)
    if (r === undefined) return nil
    return logical({
      allowed_redirect_uris: r.allowedRedirectUris,
      bound_audiences: r.boundAudiences,
      bound_claims:
        Object.keys(r.boundClaims).length > 0 ? r.boundClaims : null,
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

  private async login(ctx: RequestContext): Promise<Result> {
    const config = this.config
    if (config === undefined) return fail(400, 'could not load configuration')
    const roleName =
      stringField(ctx.req.data, 'role').toLowerCase() || config.defaultRole
    if (roleName === '') return fail(400, 'missing role')
    const role = this.roles.get(roleName)
    if (role === undefined)
      return fail(400, `role "${roleName}" could not be found`)
    if (role.roleType === 'oidc')
      return fail(400, 'role with oidc role_type is not allowed')
    const jwt = stringField(ctx.req.data, 'jwt')
    if (jwt === '') return fail(400, 'missing token')
    let claims: Record<string, unknown>
    try {
      const failure =
        config.pubkeys.length > 0
          ? 'no known key successfully validated the token signature'
          : 'failed to verify id token signature'
      let decoded
      try {
        decoded = verifySignature(jwt, config.keys, failure)
      } catch (e) {
        // go-oidc's RemoteKeySet refetches the JWKS once on an unknown key.
        if (config.pubkeys.length > 0 || !(e instanceof TokenError)) throw e
        config.keys =
          config.jwksUrl !== ''
            ? parseJwks(await fetchJson(config.jwksUrl))
            : await this.discover(config.discoveryUrl)
        decoded = verifySignature(jwt, config.keys, failure)
      }
      validateClaims(decoded, {
        issuer: config.boundIssuer,
        subject: role.boundSubject,
        audiences: role.boundAudiences,
        algorithms:
          config.supportedAlgs.length > 0 ? config.supportedAlgs : ALL_ALGS,
        notBeforeLeeway: role.notBeforeLeeway,
        expirationLeeway: role.expirationLeeway,
        clockSkewLeeway: role.clockSkewLeeway
      })
      claims = decoded.claims
    } catch (e) {
      return fail(400, `error validating token: ${(e as Error).message}`)
    }
    // path_login.go only checks a *list* aud claim here; a string aud with
    // no bound_audiences passes (the `.([]interface{})` type assertion).
    if (
      Array.isArray(claims.aud) &&
      claims.aud.length > 0 &&
      role.boundAudiences.length === 0
    ) {
      return fail(
        400,
        'audience claim found in JWT but no audiences bound to the role'
      )
    }
    const user = getClaim(claims, role.userClaim)
    if (user === undefined || user === null) {
      return fail(400, `claim "${role.userClaim}" not found in token`)
    }
    if (typeof user !== 'string') {
      return fail(
        400,
        `claim "${role.userClaim}" could not be converted to string`
      )
    }
    try {
      validateBoundClaims(role.boundClaimsType, role.boundClaims, claims)
    } catch (e) {
      return fail(400, `error validating claims: ${(e as Error).message}`)
    }
    const meta: Record<string, string> = { role: roleName }
    for (const [source, target] of Object.entries(role.claimMappings)) {
      const v = getClaim(claims, source)
      if (v !== undefined && v !== null) meta[target] = weakString(v) ?? ''
    }
    const token = ctx.state.tokens.create({
      policies: role.tokenNoDefaultPolicy
        ? role.tokenPolicies
        : [...role.tokenPolicies, 'default'],
      nsPath: ctx.ns.path,
      nsId: ctx.ns.id,
      path: `${ctx.mount.path}login`,
      displayName: `${ctx.mount.path.replace(/^auth\//, '').replace(/\/$/, '')}-${user}`,
      meta,
      ttl: role.tokenTtl || undefined,
      maxTtl: role.tokenMaxTtl || undefined,
      numUses: role.tokenNumUses
    })
    return logical(null, { auth: ctx.state.tokens.authBlock(token) })
  }
}
