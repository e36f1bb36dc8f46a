/**
 * AppRole administration (`path_role.go`; vault-api.md §7.7): roles and
 * their token settings, role-id (a UUID or a custom one) and secret-ids.
 */
import { type Result, fail, logical, nil } from '../http/response.js'
import {
  boolField,
  durationField,
  intField,
  isError,
  stringField,
  stringListField
} from '../http/fields.js'
import type { RequestContext } from '../state.js'
import { uuid } from '../util/ids.js'

export interface Role {
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

export interface SecretId {
  accessor: string
  expiresAt: number
  numUses: number
  metadata: Record<string, string>
}

/** One AppRole mount's state. */
export interface AppRoleState {
  roles: Map<string, Role>
  /** role name -> secret_id -> entry */
  secrets: Map<string, Map<string, SecretId>>
}

export function writeRole(
  state: AppRoleState,
  ctx: RequestContext,
  name: string
): Result {
  const d = ctx.req.data
  const existing = state.roles.get(name)
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
    tokenTtl: durationField(d, d.token_ttl !== undefined ? 'token_ttl' : 'ttl'),
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
  state.roles.set(name, next)
  return nil
}

export function readRole(state: AppRoleState, name: string): Result {
  const role = state.roles.get(name)
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

export function deleteRole(state: AppRoleState, name: string): Result {
  state.roles.delete(name)
  state.secrets.delete(name)
  return nil
}

export function readRoleId(state: AppRoleState, name: string): Result {
  const role = state.roles.get(name)
  return role ? logical({ role_id: role.roleId }) : nil
}

export function writeRoleId(
  state: AppRoleState,
  ctx: RequestContext,
  name: string
): Result {
  const role = state.roles.get(name)
  if (role === undefined) return fail(400, `role "${name}" does not exist`)
  const id = stringField(ctx.req.data, 'role_id')
  if (id === '') return fail(400, 'missing role_id')
  role.roleId = id
  return nil
}
