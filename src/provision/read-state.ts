import type { Manifest } from '../core/manifest/schema.js'
import type { ProvisionSettings } from '../core/manifest/provision-schema.js'
import {
  createsSyncPolicy,
  planPolicyName,
  readerPolicyName,
  roleNames,
  syncPolicyName
} from '../core/provision/names.js'
import type { ProvisionState } from '../core/provision/state.js'
import type { VaultAdmin } from '../clients/vault/admin.js'

/** The one role provision made before the plan/apply split. */
const LEGACY_JWT_ROLE = 'airflow-vault-sync'

/**
 * Everything provision compares against, read before the first write.
 * Roles under an auth mount that does not exist yet are simply absent.
 */
export async function readProvisionState(
  admin: VaultAdmin,
  manifest: Manifest,
  provision: ProvisionSettings
): Promise<ProvisionState> {
  const [mounts, authMounts] = await Promise.all([
    admin.mounts('mounts'),
    admin.mounts('auth')
  ])
  const state: ProvisionState = {
    mounts,
    authMounts,
    policies: {},
    approles: {},
    secretIds: {},
    jwtRoles: {}
  }
  const policyNames = [readerPolicyName(manifest)]
  if (createsSyncPolicy(provision))
    policyNames.push(syncPolicyName(manifest), planPolicyName(manifest))
  for (const name of policyNames)
    state.policies[name] = await admin.policy(name)
  const approle = provision.approle.mount
  if (authMounts[`${approle}/`]?.type === 'approle') {
    for (const role of roleNames(manifest)) {
      state.approles[role] = await admin.appRole(approle, role)
      state.secretIds[role] = state.approles[role]
        ? await admin.managedSecretIds(approle, role)
        : []
    }
  }
  const jwt = provision.github_jwt
  if (jwt && authMounts[`${jwt.mount}/`]?.type === 'jwt') {
    state.jwtConfig = await admin.jwtConfig(jwt.mount)
    for (const role of [jwt.plan_role, jwt.apply_role])
      state.jwtRoles[role] = await admin.jwtRole(jwt.mount, role)
    const legacy = LEGACY_JWT_ROLE
    if (legacy !== jwt.plan_role && legacy !== jwt.apply_role) {
      const old = await admin.jwtRole(jwt.mount, legacy)
      if (old?.token_policies.includes(syncPolicyName(manifest)))
        state.legacyJwtRole = legacy
    }
  }
  return state
}
