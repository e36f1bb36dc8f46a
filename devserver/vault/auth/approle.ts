/**
 * AppRole (`builtin/credential/approle`; vault-api.md §6.3, §7.7): roles
 * with token settings, role-id and secret-id issuance, and `login`, with
 * Vault's user lockout in front of it.
 */
import type { VaultRequest } from '../http/request.js'
import { type Result, fail, logical } from '../http/response.js'
import { stringField } from '../http/fields.js'
import type { Backend, RequestContext, Route } from '../state.js'
import { multiError } from '../util/go.js'
import { Lockout } from './lockout.js'
import {
  type AppRoleState,
  writeRole,
  readRole,
  deleteRole,
  readRoleId,
  writeRoleId
} from './approle-roles.js'
import {
  destroySecretId,
  issueSecretId,
  listSecretIds
} from './approle-secrets.js'
import { destroyAccessor, lookupAccessor } from './approle-accessors.js'

const NAME = /^[\w .@-]+$/

export class AppRoleBackend implements Backend {
  private readonly state: AppRoleState = {
    roles: new Map(),
    secrets: new Map()
  }
  private readonly lockout = new Lockout()

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
    if (rel === 'role/' && req.operation === 'list') {
      return r({
        list: () => logical({ keys: [...this.state.roles.keys()].sort() })
      })
    }
    const m =
      /^role\/([^/]+)(?:\/(role-id|secret-id|custom-secret-id|secret-id\/destroy|secret-id-accessor\/lookup|secret-id-accessor\/destroy))?\/?$/.exec(
        rel
      )
    const name = m?.[1]?.toLowerCase()
    if (name === undefined || !NAME.test(name) || name.endsWith('.'))
      return undefined
    switch (m?.[2]) {
      case undefined:
        return r(
          {
            read: () => readRole(this.state, name),
            update: (c) => writeRole(this.state, c, name),
            delete: () => deleteRole(this.state, name)
          },
          { exists: () => this.state.roles.has(name) }
        )
      case 'role-id':
        return r({
          read: () => readRoleId(this.state, name),
          update: (c) => writeRoleId(this.state, c, name)
        })
      case 'secret-id':
        return r({
          update: (c) => issueSecretId(this.state, c, name, false),
          list: () => listSecretIds(this.state, name)
        })
      case 'custom-secret-id':
        return r({ update: (c) => issueSecretId(this.state, c, name, true) })
      case 'secret-id-accessor/lookup':
        return r({ update: (c) => lookupAccessor(this.state, c, name) })
      case 'secret-id-accessor/destroy':
        return r({ update: (c) => destroyAccessor(this.state, c, name) })
      default:
        return r({ update: (c) => destroySecretId(this.state, c, name) })
    }
  }

  private login(ctx: RequestContext): Result {
    const roleId = stringField(ctx.req.data, 'role_id').trim()
    // OpenBao's alias lookahead returns this as a plain error, not an error
    // response, so it surfaces as a 500 (Vault: 400).
    if (roleId === '') return fail(500, 'missing role_id')
    // request_handling.go: a locked alias gets ErrPermissionDenied, which
    // the core wraps in a multi-error.
    if (this.lockout.isLocked(roleId, ctx.state.lockout)) {
      return fail(403, multiError(['permission denied']))
    }
    const invalid = (): Result => {
      this.lockout.failed(roleId, ctx.state.lockout)
      return fail(400, 'invalid role or secret ID')
    }
    const role = [...this.state.roles.values()].find((r) => r.roleId === roleId)
    if (role === undefined) return invalid()
    if (role.bindSecretId) {
      const secretId = stringField(ctx.req.data, 'secret_id').trim()
      if (secretId === '') return fail(400, 'missing secret_id')
      const forRole = this.state.secrets.get(role.name)
      const entry = forRole?.get(secretId)
      if (
        entry === undefined ||
        (entry.expiresAt !== 0 && Date.now() >= entry.expiresAt)
      ) {
        if (entry) forRole?.delete(secretId)
        return invalid()
      }
      if (entry.numUses > 0 && --entry.numUses === 0) forRole?.delete(secretId)
    }
    this.lockout.succeeded(roleId)
    const policies = role.tokenNoDefaultPolicy
      ? role.tokenPolicies
      : [...role.tokenPolicies, 'default']
    const token = ctx.state.tokens.create({
      policies,
      nsPath: ctx.ns.path,
      nsId: ctx.ns.id,
      path: `${ctx.mount.path}login`,
      displayName: ctx.mount.path.replace(/^auth\//, '').replace(/\/$/, ''),
      meta: { role_name: role.name },
      ttl: role.tokenTtl || role.tokenPeriod || undefined,
      maxTtl: role.tokenMaxTtl || undefined,
      numUses: role.tokenNumUses
    })
    return logical(null, { auth: ctx.state.tokens.authBlock(token) })
  }
}
