import { countBySeverity, type Problem } from '../problems.js'
import { plural } from './text.js'
import { mdCode, mdText } from './escape-markdown.js'

/** A table cell: plain text, or text shown as code. */
export type Cell = string | { code: string }

/** Each cell escaped for its kind (escape-markdown.ts), in one place. */
export function cell(value: Cell): string {
  return typeof value === 'string' ? mdText(value) : mdCode(value.code)
}

/**
 * A markdown table of at most `maxRows` rows; the rest are counted, so the
 * job summary (1 MiB) and a PR comment (65,536 characters) stay in bounds.
 */
export function table(
  header: string[],
  rows: Cell[][],
  maxRows: number
): string {
  const shown = rows.slice(0, maxRows)
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...shown.map((row) => `| ${row.map(cell).join(' | ')} |`)
  ]
  if (rows.length > shown.length) {
    lines.push('', `…and ${rows.length - shown.length} more not shown.`)
  }
  return lines.join('\n')
}

export function renderProblemsMarkdown(
  file: string,
  problems: readonly Problem[],
  maxRows = 500
): string {
  const { errors, warnings } = countBySeverity(problems)
  const status =
    errors > 0
      ? `❌ ${mdCode(file, false)}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
      : warnings > 0
        ? `⚠️ ${mdCode(file, false)}: valid, with ${plural(warnings, 'warning')}`
        : `✅ ${mdCode(file, false)}: valid, no problems`
  if (problems.length === 0) return `${status}\n`
  const rows = problems.map((p) => [
    p.severity === 'error' ? '❌ error' : '⚠️ warning',
    `${p.line}:${p.column}`,
    { code: p.code },
    p.message
  ])
  return `${status}\n\n${table(['Severity', 'Line', 'Code', 'Message'], rows, maxRows)}\n`
}
