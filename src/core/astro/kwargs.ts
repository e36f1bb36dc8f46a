/**
 * AIRFLOW__SECRETS__BACKEND_KWARGS for one Deployment (airflow.md §4.1-4.3).
 * mount_point, the three paths and kv_engine_version come from `vault:` so
 * Airflow reads exactly where the sync writes (validation already refuses
 * them in backend_kwargs); namespace too when `vault.namespace` is set.
 * A path set to null stays JSON null: VaultBackend then never asks Vault.
 * Keys come out in one canonical order, so equal kwargs give equal JSON
 * and therefore equal fingerprints.
 */
import { MANAGED_KWARGS } from '../vault-backend/kwargs.js'

export type KwargValue = string | number | boolean | null
export type BackendKwargsValues = Record<string, KwargValue>

/** The parts of the manifest's `vault:` section the kwargs need. */
export interface VaultLocation {
  mount: string
  namespace?: string
  connections_path: string | null
  variables_path: string | null
  config_path: string | null
}

const LEADING = [...MANAGED_KWARGS, 'url', 'auth_type', 'auth_mount_point']
const TRAILING = ['namespace']

function rank(key: string): [number, string] {
  const lead = LEADING.indexOf(key)
  if (lead >= 0) return [lead, '']
  if (TRAILING.includes(key)) return [LEADING.length + 1, key]
  return [LEADING.length, key]
}

/** Managed keys, url, auth_type, auth_mount_point, the rest A-Z, namespace. */
export function orderKwargs(kwargs: BackendKwargsValues): BackendKwargsValues {
  const keys = Object.keys(kwargs).sort((a, b) => {
    const [ra, ka] = rank(a)
    const [rb, kb] = rank(b)
    return ra !== rb ? ra - rb : ka < kb ? -1 : ka > kb ? 1 : 0
  })
  const out: BackendKwargsValues = {}
  for (const k of keys) out[k] = kwargs[k] as KwargValue
  return out
}

/**
 * @param deploymentKwargs shared backend_kwargs merged with the
 *   Deployment's own, `{env}`/`{file}` values already resolved.
 */
export function backendKwargs(
  vault: VaultLocation,
  kvVersion: 1 | 2,
  deploymentKwargs: BackendKwargsValues
): BackendKwargsValues {
  const managed: BackendKwargsValues = {
    mount_point: vault.mount,
    connections_path: vault.connections_path,
    variables_path: vault.variables_path,
    config_path: vault.config_path,
    kv_engine_version: kvVersion
  }
  if (vault.namespace !== undefined) managed.namespace = vault.namespace
  for (const [key, value] of Object.entries(deploymentKwargs)) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      // JSON has no Infinity/NaN; JSON.stringify would write null.
      throw new Error(`backend_kwargs ${key} is not a finite number`)
    }
  }
  return orderKwargs({ ...deploymentKwargs, ...managed })
}

/** The exact string stored in AIRFLOW__SECRETS__BACKEND_KWARGS. */
export function canonicalKwargsJson(kwargs: BackendKwargsValues): string {
  return JSON.stringify(orderKwargs(kwargs))
}
