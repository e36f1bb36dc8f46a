/** The renderer-level escaping functions, one per target format. */
import {
  escapeLine,
  escapeTerminal
} from '../../src/core/render/escape-text.js'
import { mdCode, mdText } from '../../src/core/render/escape-markdown.js'

test('escapeTerminal keeps lines, escapes controls, and no line starts with ::', () => {
  const out = escapeTerminal('a\u001b[2J\n::error::x\n  ::warning::y\r\n')
  expect(out).toBe(
    'a\\u001b[2J\n\\u003a:error::x\n  \\u003a:warning::y\\u000d\n'
  )
})

test('--json output is still JSON after escapeTerminal (C1 and U+2028 included)', () => {
  const value = { said: 'csi\u009b31m sep\u2028 esc\u001b' }
  const json = escapeTerminal(JSON.stringify(value, null, 2))
  expect(JSON.parse(json)).toEqual(value)
  expect(json).not.toMatch(/[\u0080-\u009f\u2028]/)
})

test('escapeLine makes one line', () => {
  expect(escapeLine('a\nb\rc')).toBe('a\\u000ab\\u000dc')
})

test('mdText shows markdown, HTML and mentions as text', () => {
  expect(mdText('<b>x</b> **y** [l](u) | @bob AIRFLOW__X _z_\nnext')).toBe(
    '&lt;b&gt;x&lt;/b&gt; \\*\\*y\\*\\* \\[l\\](u) \\| @\u2060bob AIRFLOW__X \\_z\\_ next'
  )
})

test('mdCode cannot be closed from inside', () => {
  expect(mdCode('a`b')).toBe('``a`b``')
  expect(mdCode('`x`')).toBe('`` `x` ``')
  expect(mdCode('a|b')).toBe('`a\\|b`')
  expect(mdCode('a|b', false)).toBe('`a|b`')
})
