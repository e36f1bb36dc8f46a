import type { KvRead } from './vault-state.js'
import type { DesiredSecret, SecretKind } from './desired.js'
import { changedFields, sameData, type FieldChange } from './changed-fields.js'
import { isOwned } from './ownership.js'
import { hasCurrentMark } from './fingerprint.js'
import { unreadChange } from './plan-unread.js'
import type { VaultState } from './vault-state.js'

export type ChangeAction = 'create' | 'update' | 'delete' | 'unchanged'

export interface Change {
  kind: SecretKind
  key: string
  path: string
  action: ChangeAction
  fields: FieldChange[]
  /**
   * KV v2: the version read, so a concurrent change fails the write; on an
   * unchanged secret, the version its fingerprint is recorded for.
   */
  cas?: number
  /** KV v2: ownership marks are missing and will be written. */
  writeMarks: boolean
  /** Why, where it is not obvious ("soft-deleted", "not owned"). */
  note?: string
  /** False when neither the value nor a fingerprint could be compared. */
  compared?: false
  data?: Record<string, unknown>
}

export interface PlanOptions {
  manifestFile: string
  prune: boolean | 'all'
  /** Apply records fingerprints (recordsFingerprints): marks must be current. */
  fingerprints?: boolean
}

/** What apply would do, from what the reads found: no request here. */
export function planChanges(
  desired: readonly DesiredSecret[],
  state: VaultState,
  options: PlanOptions
): Change[] {
  const v2 = state.kvVersion === 2
  const changes = desired.map((secret): Change => {
    const read: KvRead = state.reads.get(secret.path) ?? { state: 'absent' }
    const base = {
      kind: secret.kind,
      key: secret.key,
      path: secret.path,
      data: secret.data
    }
    if (read.state === 'unread') return unreadChange(base, read, v2)
    if (read.state !== 'present') {
      const note = read.state === 'absent' ? undefined : `was ${read.state}`
      const cas = v2 ? (read.state === 'absent' ? 0 : read.version) : undefined
      return {
        ...base,
        action: 'create',
        fields: [],
        cas,
        writeMarks: v2,
        note
      }
    }
    // Marks are current when ours and fingerprinting this very version.
    const marked =
      !v2 ||
      (isOwned(read.customMetadata, options.manifestFile) &&
        (!options.fingerprints ||
          hasCurrentMark(read.customMetadata, read.version)))
    if (sameData(read.data, secret.data)) {
      const cas = read.version
      return {
        ...base,
        action: 'unchanged',
        fields: [],
        cas,
        writeMarks: !marked
      }
    }
    const fields = changedFields(secret.kind, read.data, secret.data)
    // Every write gets a new fingerprint, so its marks are written too.
    return {
      ...base,
      action: 'update',
      fields,
      cas: read.version,
      writeMarks: options.fingerprints ? v2 : !marked
    }
  })
  return [...changes, ...pruneChanges(desired, state, options)]
}

/** Secrets under managed paths the manifest no longer lists. */
function pruneChanges(
  desired: readonly DesiredSecret[],
  state: VaultState,
  options: PlanOptions
): Change[] {
  if (options.prune === false) return []
  const wanted = new Set(desired.map((d) => d.path))
  return state.extras
    .filter((extra) => !wanted.has(extra.path))
    .flatMap((extra): Change[] => {
      const owned = isOwned(extra.customMetadata, options.manifestFile)
      if (options.prune !== 'all' && !owned) return []
      return [
        {
          kind: extra.kind,
          key: extra.key,
          path: extra.path,
          action: 'delete',
          fields: [],
          writeMarks: false,
          note: owned ? undefined : 'not written by this tool (prune: all)'
        }
      ]
    })
}

export function countActions(
  changes: readonly Change[]
): Record<ChangeAction, number> {
  const counts: Record<ChangeAction, number> = {
    create: 0,
    update: 0,
    delete: 0,
    unchanged: 0
  }
  for (const change of changes) counts[change.action]++
  return counts
}
