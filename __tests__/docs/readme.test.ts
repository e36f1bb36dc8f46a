import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  END,
  START,
  renderActionDocs,
  replaceBlock
} from '../../scripts/generate-docs.js'
const ROOT = path.resolve(import.meta.dirname, '../..')

const read = (file: string): string =>
  readFileSync(path.join(ROOT, file), 'utf8')

test('README.md documents exactly the inputs and outputs of action.yml (npx tsx scripts/generate-docs.ts)', () => {
  const readme = read('README.md')
  const expected = replaceBlock(readme, renderActionDocs(read('action.yml')))
  expect(readme).toBe(expected)
})

test('every input and output of action.yml has a row', () => {
  const docs = renderActionDocs(read('action.yml'))
  const action = read('action.yml')
  const names = [...action.matchAll(/^ {2}([a-z][a-z0-9-]*):\s*$/gm)].map(
    (m) => m[1]
  )
  expect(names.length).toBeGreaterThan(5)
  for (const name of names) expect(docs).toContain(`| \`${name}\` |`)
})

const SAMPLE = `name: x
inputs:
  first:
    description: >-
      Two lines | with a pipe
      folded.
    required: true
  second:
    description: Has a default.
    default: '16'
outputs:
  ok:
    description: '"true" when fine.'
runs:
  using: node24
  main: dist/index.js
`

test('renderActionDocs makes one row per input and output, in order', () => {
  const docs = renderActionDocs(SAMPLE)
  expect(docs).toContain(
    '| `first` | Two lines \\| with a pipe folded. |  | yes |'
  )
  expect(docs).toContain('| `second` | Has a default. | `16` | no |')
  expect(docs).toContain('| `ok` | "true" when fine. |')
  expect(docs.indexOf('`first`')).toBeLessThan(docs.indexOf('`second`'))
})

test('a new input changes the block, so a stale README fails', () => {
  const before = renderActionDocs(SAMPLE)
  const after = renderActionDocs(
    SAMPLE.replace(
      'outputs:',
      '  prune:\n    description: Delete what the manifest no longer lists.\n    default: none\noutputs:'
    )
  )
  expect(after).not.toBe(before)
  const readme = replaceBlock(`# T\n\n${START}\n${END}\n`, before)
  expect(replaceBlock(readme, after)).not.toBe(readme)
  expect(replaceBlock(readme, before)).toBe(readme)
})

test('replaceBlock keeps the text around the markers and is idempotent', () => {
  const readme = `# Title\n\nbefore\n\n${START}\nold\n${END}\n\nafter\n`
  const once = replaceBlock(readme, 'NEW')
  expect(once).toBe(`# Title\n\nbefore\n\n${START}\n\nNEW\n\n${END}\n\nafter\n`)
  expect(replaceBlock(once, 'NEW')).toBe(once)
})

test('replaceBlock refuses a README without the markers', () => {
  expect(() => replaceBlock('# no markers\n', 'x')).toThrow(/markers/)
  expect(() => replaceBlock(`${END}\n${START}\n`, 'x')).toThrow(/markers/)
})
