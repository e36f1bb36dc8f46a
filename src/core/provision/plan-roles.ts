/** The auth side of the plan: auth mounts, AppRoles, the GitHub JWT roles. */
import type { ProvisionSettings } from '../manifest/provision-schema.js'
import { durationSeconds } from './duration.js'
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

type GithubJwt = NonNullable<ProvisionSettings['github_jwt']>

/** What a pull request's token carries as `ref`. */
export const PULL_REQUEST_REF = 'refs/pull/*/merge'

/**
 * The claims each role binds. Both: the repository by name and by id, and
 * its owner's id, so a repository recreated under the name (or an owner
 * re-registered) cannot log in. The plan role adds pull requests' merge
 * refs to `ref`; the apply role never sees them, and also binds the
 * environment (a reviewer gate) and the reusable workflow when given.
 */
export function jwtRoleClaims(
  jwt: GithubJwt,
  which: 'plan' | 'apply'
): Record<string, string | string[]> {
  const claims: Record<string, string | string[]> = {
    repository: jwt.repository
  }
  if (jwt.repository_id !== undefined) claims.repository_id = jwt.repository_id
  if (jwt.repository_owner_id !== undefined)
    claims.repository_owner_id = jwt.repository_owner_id
  const refs = [jwt.ref ?? []].flat()
  if (which === 'plan') {
    // allow_any_ref without a ref: any branch may plan, as it may apply.
    if (refs.length > 0 || !jwt.allow_any_ref)
      claims.ref = [...refs, PULL_REQUEST_REF]
    return claims
  }
  if (refs.length > 0) claims.ref = jwt.ref as string | string[]
  if (jwt.environment !== undefined) claims.environment = jwt.environment
  if (jwt.job_workflow_ref !== undefined)
    claims.job_workflow_ref = jwt.job_workflow_ref
  return claims
}

export function jwtRoleStep(
  state: ProvisionState,
  jwt: GithubJwt,
  which: 'plan' | 'apply',
  policy: string
): Step {
  const claims = jwtRoleClaims(jwt, which)
  const glob = Object.values(claims)
    .flat()
    .some((v) => v.includes('*'))
  const desired = {
    role_type: 'jwt',
    user_claim: 'repository',
    bound_audiences: [...jwt.bound_audiences].sort(),
    bound_claims: claims,
    bound_claims_type: glob ? 'glob' : 'string',
    token_policies: [policy],
    token_ttl: durationSeconds(jwt.token_ttl)
  }
  const role = which === 'plan' ? jwt.plan_role : jwt.apply_role
  const path = `auth/${jwt.mount}/role/${role}`
  const current = state.jwtRoles[role]
  const shown = describeClaims(claims)
  if (!current) return step('jwt-role', path, role, 'create', shown, desired)
  const changed = changedFields(current, desired)
  return changed.length === 0
    ? step('jwt-role', path, role, 'unchanged', shown)
    : step('jwt-role', path, role, 'update', [...changed, ...shown], desired)
}

/** One "bound ref: …" line per claim, for the plan. */
function describeClaims(claims: Record<string, string | string[]>): string[] {
  return Object.entries(claims).map(
    ([k, v]) => `bound ${k}: ${[v].flat().join(', ')}`
  )
}
