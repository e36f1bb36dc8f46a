/** The auth side of the plan: auth mounts, AppRoles, the GitHub JWT role. */
import type { Manifest } from '../manifest/schema.js'
import type { ProvisionSettings } from '../manifest/provision-schema.js'
import { durationSeconds } from './duration.js'
import { syncPolicyName } from './names.js'
import type { ProvisionState } from './state.js'
import { changedFields, step, type Step } from './step.js'

export function authMount(
  state: ProvisionState,
  mount: string,
  type: 'approle' | 'jwt',
  conflicts: string[]
): Step {
  const current = state.authMounts[`${mount}/`]
  if (current && current.type !== type) {
    conflicts.push(
      `auth/${mount}/ is a ${current.type} auth method, not ${type}; choose another mount`
    )
  }
  return step(
    'auth',
    `sys/auth/${mount}`,
    `auth/${mount}/`,
    current ? 'unchanged' : 'create',
    [type],
    {
      type,
      description: 'airflow-vault-sync'
    }
  )
}

export function appRoleStep(
  state: ProvisionState,
  provision: ProvisionSettings,
  role: string,
  policy: string
): Step {
  const a = provision.approle
  const desired = {
    token_policies: [policy],
    token_ttl: durationSeconds(a.token_ttl),
    token_max_ttl: durationSeconds(a.token_max_ttl),
    secret_id_ttl: durationSeconds(a.secret_id_ttl),
    // Every Airflow process logs in with it: no use limit.
    secret_id_num_uses: 0,
    bind_secret_id: true,
    secret_id_bound_cidrs: [...a.secret_id_bound_cidrs].sort(),
    token_bound_cidrs: [...a.token_bound_cidrs].sort()
  }
  const path = `auth/${a.mount}/role/${role}`
  const current = state.approles[role]
  if (!current) return step('approle', path, role, 'create', [], desired)
  const changed = changedFields(current, desired)
  return changed.length === 0
    ? step('approle', path, role, 'unchanged')
    : step('approle', path, role, 'update', changed, desired)
}

export function jwtRoleStep(
  state: ProvisionState,
  manifest: Manifest,
  jwt: NonNullable<ProvisionSettings['github_jwt']>
): Step {
  const claims: Record<string, string | string[]> = {
    repository: jwt.repository
  }
  if (jwt.ref !== undefined) claims.ref = jwt.ref
  const glob = [jwt.ref ?? []].flat().some((r) => r.includes('*'))
  const desired = {
    role_type: 'jwt',
    user_claim: 'repository',
    bound_audiences: [...jwt.bound_audiences].sort(),
    bound_claims: claims,
    bound_claims_type: glob ? 'glob' : 'string',
    token_policies: [syncPolicyName(manifest)],
    token_ttl: durationSeconds(jwt.token_ttl)
  }
  const path = `auth/${jwt.mount}/role/${jwt.role}`
  const current = state.jwtRole
  if (!current) return step('jwt-role', path, jwt.role, 'create', [], desired)
  const changed = changedFields(current, desired)
  return changed.length === 0
    ? step('jwt-role', path, jwt.role, 'unchanged')
    : step('jwt-role', path, jwt.role, 'update', changed, desired)
}
