import type { DesiredSecret, SecretKind } from './desired.js'
import { changedFields, sameData, type FieldChange } from './changed-fields.js'
import { isOwned } from './ownership.js'
import type { VaultState } from './vault-state.js'

/**
 * missing: never written or gone; deleted: soft-deleted or destroyed;
 * changed: edited out of band; orphaned: written by us, no longer listed;
 * unmanaged: under a managed path, not ours and not listed (never touched).
 */
export type DriftKind =
  'missing' | 'deleted' | 'changed' | 'orphaned' | 'unmanaged'

export interface DriftItem {
  kind: SecretKind
  key: string
  path: string
  drift: DriftKind
  fields: FieldChange[]
}

export function detectDrift(
  desired: readonly DesiredSecret[],
  state: VaultState,
  manifestFile: string
): DriftItem[] {
  const items: DriftItem[] = []
  for (const secret of desired) {
    const read = state.reads.get(secret.path) ?? { state: 'absent' as const }
    const base = { kind: secret.kind, key: secret.key, path: secret.path }
    if (read.state === 'absent')
      items.push({ ...base, drift: 'missing', fields: [] })
    else if (read.state === 'unread') {
      // Compared by fingerprint only: no field names, and said when not at all.
      const c = read.comparison
      if (c.verdict !== 'same') {
        const field =
          c.verdict === 'unknown'
            ? `cannot compare (${c.reason}; this token reads no values)`
            : 'value (by fingerprint)'
        items.push({ ...base, drift: 'changed', fields: [{ field }] })
      }
    } else if (read.state !== 'present')
      items.push({ ...base, drift: 'deleted', fields: [] })
    else if (!sameData(read.data, secret.data)) {
      const fields = changedFields(secret.kind, read.data, secret.data)
      items.push({ ...base, drift: 'changed', fields })
    }
  }
  const wanted = new Set(desired.map((d) => d.path))
  for (const extra of state.extras) {
    if (wanted.has(extra.path)) continue
    const drift = isOwned(extra.customMetadata, manifestFile)
      ? 'orphaned'
      : 'unmanaged'
    items.push({
      kind: extra.kind,
      key: extra.key,
      path: extra.path,
      drift,
      fields: []
    })
  }
  for (const folder of state.folders) {
    items.push({
      kind: folder.kind,
      key: folder.path,
      path: folder.path,
      drift: 'unmanaged',
      fields: []
    })
  }
  return items
}
