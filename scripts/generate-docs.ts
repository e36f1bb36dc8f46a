/**
 * Rewrites the Action's inputs and outputs tables in README.md from
 * action.yml, so the two cannot drift apart:
 *
 *   npx tsx scripts/generate-docs.ts
 *
 * The tables live between `<!-- action-docs:start -->` and
 * `<!-- action-docs:end -->`. __tests__/docs/readme.test.ts renders them
 * again in memory and fails `npm test` when README.md differs, e.g. after a
 * new input was added to action.yml without running this script.
 *
 * The tables are compact (one row per line, no column padding) and sit
 * inside prettier-ignore comments, so `prettier --check` leaves them as this
 * script writes them and a new input changes one line of the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const START = '<!-- action-docs:start -->'
export const END = '<!-- action-docs:end -->'

interface ActionInput {
  description?: unknown
  required?: unknown
  default?: unknown
}

interface ActionOutput {
  description?: unknown
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`action.yml: ${what} must be a mapping`)
  }
  return value as Record<string, unknown>
}

/** One table cell: a single line, pipes escaped, whitespace collapsed. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

function code(text: string): string {
  const ticks = text.includes('`') ? '``' : '`'
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${text}${pad}${ticks}`
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

function table(header: string[], rows: string[][]): string {
  return [
    row(header),
    row(header.map((h) => '-'.repeat(Math.max(3, h.length)))),
    ...rows.map(row)
  ].join('\n')
}

/** The inputs and outputs of action.yml as markdown (without the markers). */
export function renderActionDocs(actionYmlText: string): string {
  const action = asRecord(parse(actionYmlText), 'the file')
  const inputs = asRecord(action.inputs, 'inputs')
  const outputs = asRecord(action.outputs, 'outputs')
  const inputRows = Object.entries(inputs).map(([name, raw]) => {
    const input = asRecord(raw, `inputs.${name}`) as ActionInput
    const fallback =
      input.default === undefined || input.default === null
        ? ''
        : code(String(input.default))
    const required = input.required === true ? 'yes' : 'no'
    return [
      code(name),
      cell(String(input.description ?? '')),
      cell(fallback),
      required
    ]
  })
  const outputRows = Object.entries(outputs).map(([name, raw]) => {
    const output = asRecord(raw, `outputs.${name}`) as ActionOutput
    return [code(name), cell(String(output.description ?? ''))]
  })
  return [
    '<!-- Generated from action.yml by scripts/generate-docs.ts; do not edit. -->',
    '<!-- prettier-ignore-start -->',
    '',
    '### Inputs',
    '',
    table(['Input', 'Description', 'Default', 'Required'], inputRows),
    '',
    '### Outputs',
    '',
    table(['Output', 'Description'], outputRows),
    '',
    '<!-- prettier-ignore-end -->'
  ].join('\n')
}

/** README with the text between the markers replaced by `block`. */
export function replaceBlock(readme: string, block: string): string {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`README.md needs the markers ${START} and ${END}, in order`)
  }
  if (readme.indexOf(START, start + 1) !== -1) {
    throw new Error(`README.md has ${START} more than once`)
  }
  return `${readme.slice(0, start)}${START}\n\n${block}\n\n${readme.slice(end)}`
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function main(): void {
  const readmePath = path.join(ROOT, 'README.md')
  const actionText = readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
  const readme = readFileSync(readmePath, 'utf8')
  const next = replaceBlock(readme, renderActionDocs(actionText))
  if (next === readme) {
    process.stdout.write('README.md is up to date with action.yml\n')
  } else {
    writeFileSync(readmePath, next)
    process.stdout.write('README.md: rewrote the action-docs block\n')
  }
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  main()
}
