import type { Change } from '../sync/plan.js'
import { countActions } from '../sync/plan.js'
import type { DriftItem } from '../sync/drift.js'
import type { SecretKind } from '../sync/desired.js'
import { describeFields } from './sync-text.js'
import { table } from './markdown.js'

const KINDS: Array<[SecretKind, string]> = [
  ['connection', 'Connections'],
  ['variable', 'Variables'],
  ['config', 'Config']
]
const ICON = {
  create: '➕ create',
  update: '✏️ update',
  delete: '🗑️ delete',
  unchanged: 'unchanged'
} as const

/**
 * The plan as the job summary and PR comment show it: one table per kind,
 * changes first, with field names and never a value (beyond safe fields).
 */
export function renderChangesMarkdown(
  changes: readonly Change[],
  maxRows: number
): string {
  const n = countActions(changes)
  const parts = [
    `**Plan:** ${n.create} to create, ${n.update} to update, ${n.delete} to delete, ${n.unchanged} unchanged.`
  ]
  for (const [kind, title] of KINDS) {
    const mine = changes.filter(
      (c) => c.kind === kind && c.action !== 'unchanged'
    )
    const same = changes.filter(
      (c) => c.kind === kind && c.action === 'unchanged'
    ).length
    if (mine.length === 0 && same === 0) continue
    parts.push(`### ${title}`)
    if (mine.length > 0) {
      const rows = mine.map((c) => [
        ICON[c.action],
        { code: c.key },
        c.action === 'update' ? describeFields(c.fields) : (c.note ?? '')
      ])
      parts.push(table(['Action', 'Key', 'Fields'], rows, maxRows))
    }
    if (same > 0) parts.push(`${same} unchanged.`)
  }
  return parts.join('\n\n') + '\n'
}

export function renderDriftMarkdown(
  items: readonly DriftItem[],
  maxRows: number
): string {
  if (items.length === 0)
    return '✅ **No drift:** Vault matches the manifest.\n'
  const rows = items.map((d) => [
    d.drift,
    d.kind,
    { code: d.key },
    describeFields(d.fields)
  ])
  return `⚠️ **Drift:** ${items.length} difference(s) between the manifest and Vault.\n\n${table(['Drift', 'Kind', 'Key', 'Fields'], rows, maxRows)}\n`
}
