import type { Change } from '../sync/plan.js'
import { countActions } from '../sync/plan.js'
import type { FieldChange } from '../sync/changed-fields.js'
import type { DriftItem } from '../sync/drift.js'
import { REDACTED } from '../redact.js'

const SIGN = { create: '+', update: '~', delete: '-', unchanged: ' ' } as const

/**
 * `host: a → b, password`: names always, values only for safe fields. A
 * safe field read from a secret (`login: { env: … }`) arrives redacted;
 * its old value, read from Vault, is then taken for a secret as well.
 */
export function describeFields(fields: readonly FieldChange[]): string {
  return fields
    .map((f) =>
      f.from !== undefined && !isRedacted(f.from) && !isRedacted(f.to)
        ? `${f.field}: ${f.from} → ${f.to}`
        : f.field
    )
    .join(', ')
}

const isRedacted = (value: string | undefined): boolean =>
  value?.includes(REDACTED) ?? false

/** One line per change that does something; unchanged ones are counted. */
export function renderChangesText(changes: readonly Change[]): string {
  const lines = changes
    .filter((c) => c.action !== 'unchanged')
    .map((c) => {
      const detail = c.action === 'update' ? describeFields(c.fields) : c.path
      const note = c.note ? ` (${c.note})` : ''
      return `  ${SIGN[c.action]} ${c.kind} ${c.key}: ${detail}${note}`
    })
  const n = countActions(changes)
  lines.push(
    `Plan: ${n.create} to create, ${n.update} to update, ${n.delete} to delete, ${n.unchanged} unchanged.`
  )
  return lines.join('\n') + '\n'
}

const DRIFT_WORDS = {
  missing: 'missing from Vault',
  deleted: 'deleted in Vault',
  changed: 'changed in Vault',
  orphaned: 'written by this tool, no longer in the manifest',
  unmanaged: 'not in the manifest (left alone)'
} as const

export function renderDriftText(items: readonly DriftItem[]): string {
  if (items.length === 0) return 'No drift: Vault matches the manifest.\n'
  const lines = items.map((d) => {
    const fields = d.fields.length > 0 ? `: ${describeFields(d.fields)}` : ''
    return `  ! ${d.kind} ${d.key} ${DRIFT_WORDS[d.drift]}${fields}`
  })
  lines.push(
    `Drift: ${items.length} difference(s) between the manifest and Vault.`
  )
  return lines.join('\n') + '\n'
}
