/**
 * AppRole (`builtin/credential/approle`; vault-api.md §6.3, §7.7): roles
 * with token settings, role-id and secret-id issuance, and `login`, with
 * Vault's user lockout in front of it.
 */
import type { VaultRequest } from '../http/request.js'
import { type Result, fail, logical, nil } from '../http/response.js'
import {
  boolField,
  durationField,
  intField,
  isError,
  stringField,
  stringListField
} from '../http/fields.js'
import type { Backend, RequestContext, Route } from '../state.js'
import { multiError } from '../util/go.js'
import { uuid } from '../util/ids.js'
import { Lockout } from './lockout.js'

interface Role {
  name: string
  roleId: string
  bindSecretId: boolean
  secretIdTtl: number
  secretIdNumUses: number
  tokenPolicies: string[]
  tokenTtl: number
  tokenMaxTtl: number
  tokenNumUses: number
  tokenPeriod: number
  tokenNoDefaultPolicy: boolean
  secretIdBoundCidrs: string[]
  tokenBoundCidrs: string[]
}

interface SecretId {
  accessor: string
  expiresAt: number
  numUses: number
  metadata: Record<string, string>
}

const NAME = /^[\w .@-]+$/

export class AppRoleBackend implements Backend {
  private readonly roles = new Map<string, Role>()
  private readonly secrets = new Map<string, Map<string, SecretId>>()
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
      return r({ list: () => logical({ keys: [...this.roles.keys()].sort() }) })
    }
    const m =
      /^role\/([^/]+)(?:\/(role-id|secret-id|custom-secret-id|secret-id\/destroy))?\/?$/.exec(
        rel
      )
    const name = m?.[1]?.toLowerCase()
    if (name === undefined || !NAME.test(name) || name.endsWith('.'))
      return undefined
    switch (m?.[2]) {
      case undefined:
        return r(
          {
            read: () => this.readRole(name),
            update: (c) => this.writeRole(c, name),
            delete: () => this.deleteRole(name)
          },
          { exists: () => this.roles.has(name) }
        )
      case 'role-id':
        return r({
          read: () => this.readRoleId(name),
          update: (c) => this.writeRoleId(c, name)
        })
      case 'secret-id':
        return r({
          update: (c) => this.issueSecretId(c, name, false),
          list: () => this.listSecretIds(name)
        })
      case 'custom-secret-id':
        return r({ update: (c) => this.issueSecretId(c, name, true) })
      default:
        return r({ update: (c) => this.destroySecretId(c, name) })
    }
  }

  private writeRole(ctx: RequestContext, name: string): Result {
    const d = ctx.req.data
    const existing = this.roles.get(name)
    const role: Role = existing ?? {
      name,
      roleId: uuid(),
      bindSecretId: true,
      secretIdTtl: 0,
      secretIdNumUses: 0,
      tokenPolicies: [],
      tokenTtl: 0,
      tokenMaxTtl: 0,
      tokenNumUses: 0,
      tokenPeriod: 0,
      tokenNoDefaultPolicy: false,
      secretIdBoundCidrs: [],
      tokenBoundCidrs: []
    }
    const next = { ...role }
    const policies = stringListField(
      d,
      d.token_policies !== undefined ? 'token_policies' : 'policies'
    )
    const bind = boolField(d, 'bind_secret_id')
    const fields = {
      secretIdTtl: durationField(d, 'secret_id_ttl'),
      secretIdNumUses: intField(d, 'secret_id_num_uses'),
      tokenTtl: durationField(
        d,
        d.token_ttl !== undefined ? 'token_ttl' : 'ttl'
      ),
      tokenMaxTtl: durationField(
        d,
        d.token_max_ttl !== undefined ? 'token_max_ttl' : 'max_ttl'
      ),
      tokenNumUses: intField(d, 'token_num_uses'),
      tokenPeriod: durationField(
        d,
        d.token_period !== undefined ? 'token_period' : 'period'
      )
    }
    const noDefault = boolField(d, 'token_no_default_policy')
    const secretCidrs = stringListField(d, 'secret_id_bound_cidrs')
    const tokenCidrs = stringListField(d, 'token_bound_cidrs')
    for (const f of [
      policies,
      bind,
      noDefault,
      secretCidrs,
      tokenCidrs,
      ...Object.values(fields)
    ]) {
      if (isError(f)) return f
    }
    if (Array.isArray(policies))
      next.tokenPolicies = policies.map((p) => p.toLowerCase())
    if (typeof bind === 'boolean') next.bindSecretId = bind
    for (const [k, v] of Object.entries(fields)) {
      if (typeof v === 'number')
        (next as unknown as Record<string, number>)[k] = v
    }
    if (typeof noDefault === 'boolean') next.tokenNoDefaultPolicy = noDefault
    if (Array.isArray(secretCidrs)) next.secretIdBoundCidrs = secretCidrs
    if (Array.isArray(tokenCidrs)) next.tokenBoundCidrs = tokenCidrs
    if (
      existing === undefined &&
      typeof d.role_id === 'string' &&
      d.role_id !== ''
    ) {
      next.roleId = d.role_id
    }
    if (
      !next.bindSecretId &&
      next.secretIdBoundCidrs.length === 0 &&
      next.tokenBoundCidrs.length === 0
    ) {
      return fail(400, 'at least one constraint should be enabled on the role')
    }
    if (next.tokenMaxTtl > 0 && next.tokenTtl > next.tokenMaxTtl) {
      return fail(400, 'token_ttl should not be greater than token_max_ttl')
    }
    this.roles.set(name, next)
    return nil
  }

  private readRole(name: string): Result {
    const role = this.roles.get(name)
    if (role === undefined) return nil
    return logical({
      bind_secret_id: role.bindSecretId,
      local_secret_ids: false,
      period: role.tokenPeriod,
      policies: role.tokenPolicies,
      secret_id_bound_cidrs: role.secretIdBoundCidrs,
      secret_id_num_uses: role.secretIdNumUses,
      secret_id_ttl: role.secretIdTtl,
      token_bound_cidrs: role.tokenBoundCidrs,
      token_explicit_max_ttl: 0,
      token_max_ttl: role.tokenMaxTtl,
      token_no_default_policy: role.tokenNoDefaultPolicy,
      token_num_uses: role.tokenNumUses,
      token_period: role.tokenPeriod,
      token_policies: role.tokenPolicies,
      token_ttl: role.tokenTtl,
      token_type: 'default'
    })
  }

  private deleteRole(name: string): Result {
    this.roles.delete(name)
    this.secrets.delete(name)
    return nil
  }

  private readRoleId(name: string): Result {
    const role = this.roles.get(name)
    return role ? logical({ role_id: role.roleId }) : nil
  }

  private writeRoleId(ctx: RequestContext, name: string): Result {
    const role = this.roles.get(name)
    if (role === undefined) return fail(400, `role "${name}" does not exist`)
    const id = stringField(ctx.req.data, 'role_id')
    if (id === '') return fail(400, 'missing role_id')
    role.roleId = id
    return nil
  }

  private issueSecretId(
    ctx: RequestContext,
    name: string,
    custom: boolean
  ): Result {
    const role = this.roles.get(name)
    if (role === undefined) return fail(400, `role "${name}" does not exist`)
    const d = ctx.req.data
    const ttl = durationField(d, 'ttl')
    const numUses = intField(d, 'num_uses')
    if (isError(ttl)) return ttl
    if (isError(numUses)) return numUses
    let metadata: Record<string, string> = {}
    if (typeof d.metadata === 'string' && d.metadata !== '') {
      try {
        metadata = JSON.parse(d.metadata) as Record<string, string>
      } catch {
        return fail(400, 'failed to parse metadata: invalid character')
      }
    }
    const secretId = custom ? stringField(d, 'secret_id') : uuid()
    if (secretId === '') return fail(400, 'missing secret_id')
    const effectiveTtl = ttl || role.secretIdTtl
    const uses = numUses ?? role.secretIdNumUses
    const entry: SecretId = {
      accessor: uuid(),
      expiresAt: effectiveTtl > 0 ? Date.now() + effectiveTtl * 1000 : 0,
      numUses: uses,
      metadata
    }
    let forRole = this.secrets.get(name)
    if (forRole === undefined) this.secrets.set(name, (forRole = new Map()))
    forRole.set(secretId, entry)
    return logical({
      secret_id: secretId,
      secret_id_accessor: entry.accessor,
      secret_id_num_uses: uses,
      secret_id_ttl: effectiveTtl
    })
  }

  private listSecretIds(name: string): Result {
    const accessors = [...(this.secrets.get(name)?.values() ?? [])].map(
      (s) => s.accessor
    )
    return logical({ keys: accessors.sort() })
  }

  private destroySecretId(ctx: RequestContext, name: string): Result {
    this.secrets.get(name)?.delete(stringField(ctx.req.data, 'secret_id'))
    return nil
  }

  private login(ctx: RequestContext): Result {
    const roleId = stringField(ctx.req.data, 'role_id').trim()
    if (roleId === '') return fail(400, 'missing role_id')
    // request_handling.go: a locked alias gets ErrPermissionDenied, which
    // the core wraps in a multi-error.
    if (this.lockout.isLocked(roleId, ctx.state.lockout)) {
      return fail(403, multiError(['permission denied']))
    }
    const invalid = (): Result => {
      this.lockout.failed(roleId, ctx.state.lockout)
      return fail(400, 'invalid role or secret ID')
    }
    const role = [...this.roles.values()].find((r) => r.roleId === roleId)
    if (role === undefined) return invalid()
    if (role.bindSecretId) {
      const secretId = stringField(ctx.req.data, 'secret_id').trim()
      if (secretId === '') return fail(400, 'missing secret_id')
      const forRole = this.secrets.get(role.name)
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
