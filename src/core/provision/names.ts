import type { Manifest } from '../manifest/schema.js'
import type { Deployment } from '../manifest/astro-schema.js'
import type { ProvisionSettings } from '../manifest/provision-schema.js'

/** Policy and role names must survive Vault's rules: lower-case, no '/'. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  return s === '' ? 'default' : s
}

export function readerPolicyName(manifest: Manifest): string {
  return (
    manifest.provision?.reader_policy ?? `airflow-${slug(manifest.vault.mount)}`
  )
}

export function syncPolicyName(manifest: Manifest): string {
  return (
    manifest.provision?.sync_policy.name ??
    `airflow-vault-sync-${slug(manifest.vault.mount)}`
  )
}

/** The CI plan identity's policy: read-only, and no value. */
export function planPolicyName(manifest: Manifest): string {
  return (
    manifest.provision?.plan_policy ??
    `airflow-vault-sync-plan-${slug(manifest.vault.mount)}`
  )
}

/** Whether the sync and plan policies are written to Vault, not only printed. */
export function createsSyncPolicy(provision: ProvisionSettings): boolean {
  return provision.sync_policy.create || provision.github_jwt !== undefined
}

/** Who gets a secret-id: a Deployment, or the file/outputs hand-off. */
export interface Recipient {
  /** Astro Deployment id; '' for the hand-off without astro:. */
  deploymentId: string
  label: string
  role: string
  /** Index in astro.deployments, for its kwargs. */
  index?: number
}

/** One AppRole per Deployment by default, so logins say who read. */
export function recipients(manifest: Manifest): Recipient[] {
  const template = manifest.provision?.approle.name
  const mount = slug(manifest.vault.mount)
  const deployments = manifest.astro?.deployments ?? []
  if (deployments.length === 0) {
    const role = (template ?? `airflow-${mount}`)
      .replaceAll('{deployment}', mount)
      .replaceAll('{mount}', mount)
    return [{ deploymentId: '', label: 'credentials hand-off', role }]
  }
  return deployments.map((d: Deployment, index) => ({
    deploymentId: d.id,
    label: d.name ? `${d.name} (${d.id})` : d.id,
    role: (template ?? 'airflow-{deployment}')
      .replaceAll('{deployment}', slug(d.name ?? d.id))
      .replaceAll('{mount}', mount),
    index
  }))
}

/** Each distinct role, in manifest order. */
export function roleNames(manifest: Manifest): string[] {
  return [...new Set(recipients(manifest).map((r) => r.role))]
}
