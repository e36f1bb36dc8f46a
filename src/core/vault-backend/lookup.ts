import type { SecretKind } from '../sync/desired.js'

/** The kwargs that decide where VaultBackend looks (airflow.md §4.2). */
export interface LookupKwargs {
  mount_point: string | null
  connections_path: string | null
  variables_path: string | null
  config_path: string | null
  kv_engine_version: 1 | 2
}

const BASE: Record<SecretKind, keyof LookupKwargs> = {
  connection: 'connections_path',
  variable: 'variables_path',
  config: 'config_path'
}

/**
 * VaultBackend's path composition (provider ≥ 3.3, airflow.md §4.4): no
 * base path means no lookup; without a mount_point the key's first segment
 * is the mount. Returns the HTTP path below /v1/, or null for no request.
 */
export function vaultBackendPath(
  kwargs: LookupKwargs,
  kind: SecretKind,
  key: string
): string | null {
  const base = kwargs[BASE[kind]] as string | null
  if (base === null) return null
  let mount = kwargs.mount_point
  let rest = key
  if (!mount) {
    const slash = key.indexOf('/')
    if (slash < 0) return null
    mount = key.slice(0, slash)
    rest = key.slice(slash + 1)
  }
  const trimmed = base.replace(/\/+$/, '')
  const secretPath = trimmed === '' ? rest : `${trimmed}/${rest}`
  // hvac quotes mount and path with quote(…, safe="/").
  const quote = (s: string): string =>
    s.split('/').map(encodeURIComponent).join('/')
  return kwargs.kv_engine_version === 2
    ? `${quote(mount)}/data/${quote(secretPath)}`
    : `${quote(mount)}/${quote(secretPath)}`
}
