/**
 * The two policies provision writes (vault-api.md §7.5). Least privilege:
 * Airflow's VaultBackend only ever reads one secret by its full path, so
 * it gets `read` on the managed paths and nothing else; the sync identity
 * gets what plan, apply, prune and drift use, and no more.
 */
import type { Manifest } from '../manifest/schema.js'

type KvVersion = 1 | 2
type Rule = [path: string, capabilities: string[]]

/** The base paths VaultBackend reads (null ones are never asked). */
export function managedBases(manifest: Manifest): string[] {
  const v = manifest.vault
  return [v.connections_path, v.variables_path, v.config_path]
    .filter((p): p is string => p !== null)
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
}

/** `mount/data/base/*`, or `mount/data/*` for a base of "" (keys at the top). */
function under(mount: string, prefix: string, base: string): string {
  return [mount, prefix, base, '*'].filter((s) => s !== '').join('/')
}

function folder(mount: string, prefix: string, base: string): string {
  return [mount, prefix, base].filter((s) => s !== '').join('/')
}

function render(header: string[], rules: Rule[]): string {
  const lines = header.map((h) => `# ${h}`)
  for (const [path, caps] of rules) {
    const list = caps.map((c) => `"${c}"`).join(', ')
    lines.push(`path "${path}" {`, `  capabilities = [${list}]`, '}')
  }
  return lines.join('\n') + '\n'
}

export function readerRules(manifest: Manifest, kv: KvVersion): Rule[] {
  const mount = manifest.vault.mount
  return managedBases(manifest).map((base) => [
    under(mount, kv === 2 ? 'data' : '', base),
    ['read']
  ])
}

export function readerPolicy(manifest: Manifest, kv: KvVersion): string {
  return render(
    [
      `Airflow's VaultBackend: read-only on what airflow-vault-sync manages`,
      `in ${manifest.vault.mount}/ (KV v${kv}). No list, no write.`,
      'Written by `airflow-vault-sync provision`; edits are overwritten.'
    ],
    readerRules(manifest, kv)
  )
}

export function syncRules(manifest: Manifest, kv: KvVersion): Rule[] {
  const { mount, prune, prune_mode: mode } = manifest.vault
  const rules: Rule[] = []
  for (const base of managedBases(manifest)) {
    if (kv === 1) {
      const data = ['create', 'read', 'update', 'list']
      if (prune !== false) data.push('delete')
      rules.push([under(mount, '', base), data])
      if (base !== '') rules.push([folder(mount, '', base), ['list']])
      continue
    }
    const data = ['create', 'read', 'update']
    if (prune !== false && mode === 'soft') data.push('delete')
    // create+update: ownership marks go into custom_metadata.
    const meta = ['create', 'read', 'update', 'list']
    if (prune !== false && mode === 'destroy') meta.push('delete')
    rules.push([under(mount, 'data', base), data])
    rules.push([under(mount, 'metadata', base), meta])
    if (base !== '') rules.push([folder(mount, 'metadata', base), ['list']])
  }
  // The KV version is found the way the vault CLI finds it.
  rules.push([`sys/internal/ui/mounts/${mount}`, ['read']])
  return rules
}

export function syncPolicy(manifest: Manifest, kv: KvVersion): string {
  return render(
    [
      `airflow-vault-sync plan, apply${manifest.vault.prune !== false ? ', prune' : ''} and drift`,
      `on ${manifest.vault.mount}/ (KV v${kv}), for the CI identity.`,
      'Written by `airflow-vault-sync provision`; edits are overwritten.'
    ],
    syncRules(manifest, kv)
  )
}

/**
 * The plan identity, which pull requests get: a same-repository pull
 * request can change the workflow and run anything with this token, so
 * it reads no value. On KV v2, plan compares the fingerprints apply
 * records in custom_metadata (metadata read); on KV v1, which has no
 * metadata, it lists names and says it cannot compare the rest.
 */
export function planRules(manifest: Manifest, kv: KvVersion): Rule[] {
  const mount = manifest.vault.mount
  const rules: Rule[] = []
  for (const base of managedBases(manifest)) {
    if (kv === 2) {
      rules.push([
        under(mount, 'metadata', base),
        base === '' ? ['read', 'list'] : ['read']
      ])
      if (base !== '') rules.push([folder(mount, 'metadata', base), ['list']])
    } else {
      rules.push([
        base === '' ? `${mount}/` : folder(mount, '', base),
        ['list']
      ])
    }
  }
  rules.push([`sys/internal/ui/mounts/${mount}`, ['read']])
  // Plan asks which values it may read before reading any.
  rules.push(['sys/capabilities-self', ['update']])
  return rules
}

export function planPolicy(manifest: Manifest, kv: KvVersion): string {
  return render(
    [
      `airflow-vault-sync plan and drift on ${manifest.vault.mount}/ (KV v${kv}), for pull requests:`,
      kv === 2
        ? 'metadata (fingerprints, ownership) and names only; no value, no write.'
        : 'names only (KV v1 keeps no fingerprint); no value, no write.',
      'Written by `airflow-vault-sync provision`; edits are overwritten.'
    ],
    planRules(manifest, kv)
  )
}
