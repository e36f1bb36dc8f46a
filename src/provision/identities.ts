/**
 * Whose access check-access proves: Airflow's own identity. With
 * `provision:` that is each provisioned AppRole, logged in once with a
 * one-use, five-minute secret-id the operator's token issues (no
 * long-lived credential is created). Without it, the credentials in the
 * Deployments' kwargs, as Airflow would log in.
 */
import type { Manifest } from '../core/manifest/schema.js'
import type { ValueRef } from '../core/manifest/value-ref.js'
import { isValueRef } from '../core/manifest/value-ref.js'
import { recipients } from '../core/provision/names.js'
import type { VaultAuth } from '../clients/vault/session.js'
import type { VaultAdmin } from '../clients/vault/admin.js'
import { TOOL_NAME } from '../version.js'

export interface Identity {
  who: string
  auth: VaultAuth
}

export async function provisionedIdentities(
  manifest: Manifest,
  admin: VaultAdmin
): Promise<Identity[]> {
  const mount = manifest.provision?.approle.mount ?? 'approle'
  const out: Identity[] = []
  const roles = new Map<string, string[]>()
  for (const r of recipients(manifest))
    roles.set(r.role, [...(roles.get(r.role) ?? []), r.label])
  for (const [role, labels] of roles) {
    const roleId = await admin.roleId(mount, role)
    // Not tagged managed-by: provision must never count it as a hand-off.
    const { secretId } = await admin.issueSecretId(
      mount,
      role,
      { purpose: 'check-access', 'issued-by': TOOL_NAME },
      { ttl: '5m', num_uses: 1 }
    )
    out.push({
      who: `AppRole ${role} (${labels.join(', ')})`,
      auth: { method: 'approle', roleId, secretId, mount }
    })
  }
  return out
}

/** The identities the Deployments' kwargs give Airflow, deduplicated. */
export function kwargsIdentities(
  manifest: Manifest,
  read: (ref: ValueRef) => string
): Identity[] {
  const astro = manifest.astro
  if (!astro) return []
  const seen = new Map<string, Identity>()
  for (const d of astro.deployments) {
    const kw = { ...astro.backend_kwargs, ...(d.backend_kwargs ?? {}) }
    const value = (k: string): string | undefined => {
      const v = kw[k]
      if (isValueRef(v)) return read(v)
      return typeof v === 'string' ? v : undefined
    }
    const type = value('auth_type') ?? 'token'
    const mount = value('auth_mount_point') ?? 'approle'
    let auth: VaultAuth | undefined
    const roleId = value('role_id')
    const secretId = value('secret_id')
    const token = value('token')
    if (type === 'approle' && roleId && secretId)
      auth = { method: 'approle', roleId, secretId, mount }
    if (type === 'token' && token) auth = { method: 'token', token }
    if (!auth) continue
    const key = JSON.stringify(auth)
    const who = `the ${type} login of Deployment ${d.name ?? d.id}`
    const prior = seen.get(key)
    seen.set(
      key,
      prior
        ? { ...prior, who: `${prior.who}, ${d.name ?? d.id}` }
        : { who, auth }
    )
  }
  return [...seen.values()]
}
