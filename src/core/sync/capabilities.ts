import type { Change } from './plan.js'

/** One path and the capabilities apply will use on it (vault-api.md §7.4-7.5). */
export interface NeededAccess {
  path: string
  capabilities: string[]
}

export function neededAccess(
  changes: readonly Change[],
  mount: string,
  kvVersion: 1 | 2,
  pruneMode: 'soft' | 'destroy'
): NeededAccess[] {
  const needs = new Map<string, Set<string>>()
  const need = (path: string, capability: string): void => {
    const set = needs.get(path) ?? new Set<string>()
    set.add(capability)
    needs.set(path, set)
  }
  for (const change of changes) {
    const data =
      kvVersion === 2
        ? `${mount}/data/${change.path}`
        : `${mount}/${change.path}`
    const metadata = `${mount}/metadata/${change.path}`
    if (change.action === 'create') need(data, 'create')
    if (change.action === 'update') need(data, 'update')
    if (change.action === 'delete') {
      if (kvVersion === 2 && pruneMode === 'destroy') need(metadata, 'delete')
      else need(data, 'delete')
    }
    // Metadata exists once the data is written, so marks (with the new
    // fingerprint) are an update.
    if (kvVersion === 2 && change.writeMarks && change.action !== 'delete')
      need(metadata, 'update')
  }
  return [...needs].map(([path, set]) => ({
    path,
    capabilities: [...set].sort()
  }))
}

/** The pairs a token lacks, given sys/capabilities-self's answer. */
export function missingAccess(
  needed: readonly NeededAccess[],
  granted: Record<string, string[]>
): NeededAccess[] {
  return needed.flatMap(({ path, capabilities }) => {
    const have = new Set(granted[path] ?? [])
    if (have.has('root')) return []
    const lacking = capabilities.filter((c) => !have.has(c) || have.has('deny'))
    return lacking.length > 0 ? [{ path, capabilities: lacking }] : []
  })
}

/** HCL that would grant the missing pairs, to paste into a policy. */
export function policyFor(missing: readonly NeededAccess[]): string {
  return missing
    .map(
      ({ path, capabilities }) =>
        `path "${path}" { capabilities = [${capabilities.map((c) => `"${c}"`).join(', ')}] }`
    )
    .join('\n')
}
