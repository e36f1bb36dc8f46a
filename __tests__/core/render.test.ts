import {
  renderProblemsMarkdown,
  table
} from '../../src/core/render/markdown.js'
import { renderProblemsText } from '../../src/core/render/text.js'
import { exitCodeForProblems } from '../../src/core/exit-code.js'
import type { Problem } from '../../src/core/problems.js'
import { nearest } from '../../src/core/validate/suggest.js'

const problem = (over: Partial<Problem>): Problem => ({
  code: 'schema-unknown-key',
  severity: 'error',
  message: 'unknown key "a|b"',
  file: 'm.yaml',
  line: 3,
  column: 5,
  path: 'x',
  ...over
})

test('markdown escapes pipes and cuts long tables with a count', () => {
  const rows = Array.from({ length: 5 }, (_, i) => [`a|${i}`, 'b\nc'])
  const out = table(['A', 'B'], rows, 3)
  expect(out.split('\n').slice(0, 3)).toEqual([
    '| A | B |',
    '| --- | --- |',
    '| a\\|0 | b c |'
  ])
  expect(out).toContain('…and 2 more not shown.')
})

test('the summary states the verdict first', () => {
  expect(renderProblemsMarkdown('m.yaml', [])).toBe(
    '✅ `m.yaml`: valid, no problems\n'
  )
  const md = renderProblemsMarkdown('m.yaml', [
    problem({}),
    problem({ severity: 'warning' })
  ])
  expect(md.split('\n')[0]).toBe('❌ `m.yaml`: 1 error, 1 warning')
  expect(md).toContain(
    '| ❌ error | 3:5 | `schema-unknown-key` | unknown key "a\\|b" |'
  )
})

test('text output is one line per problem and a count', () => {
  expect(renderProblemsText('m.yaml', [problem({ severity: 'warning' })])).toBe(
    'm.yaml:3:5 warning schema-unknown-key unknown key "a|b"\nm.yaml: 0 errors, 1 warning\n'
  )
})

test('only errors fail', () => {
  expect(exitCodeForProblems([problem({ severity: 'warning' })])).toBe(0)
  expect(exitCodeForProblems([problem({})])).toBe(1)
})

test.each([
  ['conections', 'connections'],
  ['prot', 'port'],
  ['pasword', 'password'],
  ['kv_verison', 'kv_version'],
  ['zzzz', undefined]
])('nearest(%s) is %s', (word, expected) => {
  const keys = ['connections', 'port', 'password', 'kv_version', 'variables']
  expect(nearest(word, keys)).toBe(expected)
})
