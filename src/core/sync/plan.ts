import type { KvRead } from './vault-state.js'
import type { DesiredSecret, SecretKind } from './desired.js'
import { changedFields, sameData, type FieldChange } from './changed-fields.js'
import { isOwned } from './ownership.js'
import type { VaultState } from './vault-state.js'

export type ChangeAction = 'create' | 'update' | 'delete' | 'unchanged'

export interface Change {
  kind: SecretKind
  key: string
  path: string
  action: ChangeAction
  fields: FieldChange[]
  /** KV v2: the version read, so a concurrent change fails the write. */
  cas?: number
  /** KV v2: ownership marks are missing and will be written. */
  writeMarks: boolean
  /** Why, where it is not obvious ("soft-deleted", "not owned"). */
  note?: string
  data?: Record<string, unknown>
}

export interface PlanOptions {
  manifestFile: string
  prune: boolean | 'all'
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
    const marked = !v2 || isOwned(read.customMetadata, options.manifestFile)
    if (sameData(read.data, secret.data)) {
      return { ...base, action: 'unchanged', fields: [], writeMarks: !marked }
    }
    const fields = changedFields(secret.kind, read.data, secret.data)
    return {
      ...base,
      action: 'update',
      fields,
      cas: read.version,
      writeMarks: !marked
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
