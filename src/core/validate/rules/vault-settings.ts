import { error, type PathProblem } from '../../problems.js'
import type { VaultSettings } from '../../manifest/schema.js'

const PATH_KEYS = ['connections_path', 'variables_path', 'config_path'] as const

/**
 * The mount and base paths compose Vault paths as VaultBackend does
 * (airflow.md §4.4). Overlapping paths would let a variable overwrite a
 * connection, and make prune and drift ambiguous.
 */
export function vaultSettingsProblems(vault: VaultSettings): PathProblem[] {
  const problems: PathProblem[] = []
  if (/^\/|\/$/.test(vault.mount) || vault.mount.includes('..')) {
    problems.push(
      error(
        'vault-path-invalid',
        ['vault', 'mount'],
        `mount ${JSON.stringify(vault.mount)} must be a mount path without leading or trailing '/', such as "airflow"`
      )
    )
  }
  const seen = new Map<string, string>()
  for (const key of PATH_KEYS) {
    const value = vault[key]
    if (value === null) continue
    if (
      value.startsWith('/') ||
      value.endsWith('/') ||
      value.split('/').includes('..')
    ) {
      problems.push(
        error(
          'vault-path-invalid',
          ['vault', key],
          `${key} ${JSON.stringify(value)} must be a relative path without leading or trailing '/' or '..'`
        )
      )
    }
    const other = seen.get(value)
    if (other !== undefined) {
      problems.push(
        error(
          'vault-paths-overlap',
          ['vault', key],
          `${key} is the same path as ${other}; give each kind its own path, or set one to null`
        )
      )
    }
    seen.set(value, key)
  }
  return problems
}
