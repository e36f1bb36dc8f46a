/**
 * Every problem code a user can meet is explained in the README's
 * "Troubleshooting, by error code" table: the codes passed to error() and
 * warning(), set as `code:`, and the URI diagnostics' own code unions.
 * Found missing when this test was written: 35 codes, from the URI notes
 * to the new provision and file-reference checks.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const CODE = '([a-z0-9]+(?:-[a-z0-9]+)+)'
const PATTERNS = [
  new RegExp(`\\b(?:error|warning)\\(\\s*'${CODE}'`, 'g'),
  new RegExp(`\\bcode: '${CODE}'`, 'g')
]

function codesInSource(): Set<string> {
  const codes = new Set<string>()
  const files = (readdirSync('src/core', { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('src/core', f))
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const pattern of PATTERNS)
      for (const m of text.matchAll(pattern)) codes.add(m[1] ?? '')
  }
  const unions = readFileSync('src/core/airflow/uri-diagnostics.ts', 'utf8')
  for (const m of unions.matchAll(new RegExp(`^\\s*\\| '${CODE}'`, 'gm')))
    codes.add(m[1] ?? '')
  return codes
}

function codesInReadme(): Set<string> {
  const readme = readFileSync('README.md', 'utf8')
  const start = readme.indexOf('## Troubleshooting, by error code')
  const table = readme.slice(
    start,
    readme.indexOf('**Remote failures**', start)
  )
  return new Set(
    [...table.matchAll(new RegExp(`\`${CODE}\``, 'g'))].map((m) => m[1] ?? '')
  )
}

test('the scan finds the codes it should (so an empty list cannot pass)', () => {
  const codes = codesInSource()
  expect(codes.size).toBeGreaterThan(60)
  for (const known of [
    'yaml-syntax',
    'uri-invalid-port',
    'provision-jwt-unbound',
    'file-ref-in-git'
  ])
    expect(codes).toContain(known)
})

test('every problem code is in the troubleshooting table', () => {
  const documented = codesInReadme()
  expect([...codesInSource()].filter((c) => !documented.has(c)).sort()).toEqual(
    []
  )
})
