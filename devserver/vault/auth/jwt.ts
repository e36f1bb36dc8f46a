/**
 * JWT/OIDC auth (`vault-plugin-auth-jwt` `path_login.go`; vault-api.md
 * §6.4): how GitHub Actions OIDC tokens log in. Signatures, expiry, issuer
 * and audience are really verified (jwt-keys.ts, jwt-claims.ts); config and
 * roles live in jwt-config.ts and jwt-role.ts.
 */
import type { VaultRequest } from '../http/request.js'
import { type Result, fail, logical, nil } from '../http/response.js'
import { stringField } from '../http/fields.js'
import type { Backend, RequestContext, Route } from '../state.js'
import { weakString } from '../util/go.js'
import { ALL_ALGS, TokenError, verifySignature } from './jwt-keys.js'
import { getClaim, validateBoundClaims, validateClaims } from './jwt-claims.js'
import {
  type JwtState,
  readConfig,
  refetchKeys,
  writeConfig
} from './jwt-config.js'
import { readRole, writeRole } from './jwt-role.js'

export class JwtBackend implements Backend {
  private readonly state: JwtState = { config: undefined, roles: new Map() }

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
        read: () => readConfig(this.state),
        update: (c) => writeConfig(this.state, c)
      })
    }
    if (rel === 'role/' && req.operation === 'list') {
      return r({
        list: () => logical({ keys: [...this.state.roles.keys()].sort() })
      })
    }
    const m = /^role\/([\w.@-]+)$/.exec(rel)
    if (m?.[1] === undefined) return undefined
    const name = m[1].toLowerCase()
    return r(
      {
        read: () => readRole(this.state, name),
        update: (c) => writeRole(this.state, c, name),
        delete: () => {
          this.state.roles.delete(name)
          return nil
        }
      },
      { exists: () => this.state.roles.has(name) }
    )
  }

  private async login(ctx: RequestContext): Promise<Result> {
    const config = this.state.config
    if (config === undefined) return fail(400, 'could not load configuration')
    const roleName =
      stringField(ctx.req.data, 'role').toLowerCase() || config.defaultRole
    if (roleName === '') return fail(400, 'missing role')
    const role = this.state.roles.get(roleName)
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
        await refetchKeys(config)
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
