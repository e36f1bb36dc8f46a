/**
 * The Vault objects provision owns, planned against what Vault has: the KV
 * mount, the auth mounts, the three policies, the AppRoles and the optional
 * GitHub JWT plan and apply roles. A conflict (the path held by another engine) stops the
 * run before any write; everything else converges.
 */
import type { Manifest } from '../manifest/schema.js'
import type { ProvisionSettings } from '../manifest/provision-schema.js'
import { appRoleStep, authMount, jwtRoleStep } from './plan-roles.js'
import {
  createsSyncPolicy,
  planPolicyName,
  readerPolicyName,
  roleNames,
  syncPolicyName
} from './names.js'
import { planPolicy, readerPolicy, syncPolicy } from './policies.js'
import { policyDiff, samePolicy } from './policy-diff.js'
import { overlappingMount, type ProvisionState } from './state.js'
import { changedFields, step, type Step } from './step.js'

export interface VaultPlan {
  kvVersion: 1 | 2
  steps: Step[]
  /** Each stops the run before the first write. */
  conflicts: string[]
}

export function planVault(
  manifest: Manifest,
  provision: ProvisionSettings,
  state: ProvisionState
): VaultPlan {
  const conflicts: string[] = []
  const steps: Step[] = []
  const mount = manifest.vault.mount
  const existing = state.mounts[`${mount}/`]
  let kvVersion: 1 | 2 = manifest.vault.kv_version ?? 2
  if (existing === undefined) {
    const overlap = overlappingMount(state.mounts, mount)
    if (overlap) {
      conflicts.push(
        `vault.mount "${mount}" overlaps the existing mount "${overlap}"; choose a mount path outside it`
      )
    } else if (!provision.create_mount) {
      conflicts.push(
        `there is no mount at "${mount}/" and provision.create_mount is false; enable it (vault secrets enable -path=${mount} kv-v2) or set create_mount: true`
      )
    }
    steps.push(
      step(
        'mount',
        `sys/mounts/${mount}`,
        `${mount}/`,
        'create',
        [`KV v${kvVersion}`],
        {
          type: 'kv',
          options: { version: String(kvVersion) },
          description: 'Airflow secrets, synced by airflow-vault-sync'
        }
      )
    )
  } else if (existing.type !== 'kv' && existing.type !== 'generic') {
    conflicts.push(
      `"${mount}/" is already a ${existing.type} engine, not KV; set vault.mount to another path`
    )
  } else {
    const found = existing.version === '2' ? 2 : 1
    if (manifest.vault.kv_version !== undefined && found !== kvVersion) {
      conflicts.push(
        `"${mount}/" is KV v${found} but vault.kv_version is ${kvVersion}; fix kv_version${found === 1 ? `, or upgrade the mount (vault kv enable-versioning ${mount}/)` : ''}`
      )
    }
    kvVersion = found
    steps.push(step('mount', `sys/mounts/${mount}`, `${mount}/`, 'unchanged'))
  }
  steps.push(authMount(state, provision.approle.mount, 'approle', conflicts))
  const reader = readerPolicyName(manifest)
  steps.push(policyStep(state, reader, readerPolicy(manifest, kvVersion)))
  if (createsSyncPolicy(provision)) {
    const name = syncPolicyName(manifest)
    steps.push(policyStep(state, name, syncPolicy(manifest, kvVersion)))
    const plan = planPolicyName(manifest)
    steps.push(policyStep(state, plan, planPolicy(manifest, kvVersion)))
  }
  for (const role of roleNames(manifest)) {
    steps.push(appRoleStep(state, provision, role, reader))
  }
  const jwt = provision.github_jwt
  if (jwt) {
    steps.push(authMount(state, jwt.mount, 'jwt', conflicts))
    const cfg = { oidc_discovery_url: jwt.issuer, bound_issuer: jwt.issuer }
    const path = `auth/${jwt.mount}/config`
    const current = state.jwtConfig
    if (current && changedFields(current, cfg).length > 0) {
      conflicts.push(
        `auth/${jwt.mount}/ trusts ${current.bound_issuer || current.oidc_discovery_url || 'other keys'}, not ${jwt.issuer}; set provision.github_jwt.mount to a JWT mount of its own`
      )
    }
    steps.push(
      step(
        'jwt-config',
        path,
        jwt.mount,
        current ? 'unchanged' : 'create',
        [],
        cfg
      )
    )
    steps.push(
      jwtRoleStep(state, jwt, 'plan', planPolicyName(manifest)),
      jwtRoleStep(state, jwt, 'apply', syncPolicyName(manifest))
    )
    if (state.legacyJwtRole) {
      const role = state.legacyJwtRole
      steps.push(
        step('jwt-role', `auth/${jwt.mount}/role/${role}`, role, 'delete', [
          'the single role of an earlier provision, with the sync policy: pull requests could write with it'
        ])
      )
    }
  }
  return { kvVersion, steps, conflicts }
}

function policyStep(state: ProvisionState, name: string, hcl: string): Step {
  const path = `sys/policies/acl/${name}`
  const current = state.policies[name]
  if (current === null || current === undefined)
    return step('policy', path, name, 'create', [], { policy: hcl })
  if (samePolicy(current, hcl)) return step('policy', path, name, 'unchanged')
  return step('policy', path, name, 'update', policyDiff(current, hcl), {
    policy: hcl
  })
}
