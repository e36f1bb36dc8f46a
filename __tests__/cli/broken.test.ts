import { cli } from '../helpers/cli.js'

/**
 * examples/broken.yaml holds one of each mistake validate catches. The
 * exact list (line, severity, code) is the contract: a rule that stops
 * firing, or fires twice, fails here.
 */
const EXPECTED: Array<[number, 'error' | 'warning', string]> = [
  [3, 'error', 'version-unsupported'],
  [4, 'error', 'schema-unknown-key'],
  [7, 'error', 'schema-invalid-type'],
  [8, 'error', 'vault-paths-overlap'],
  [10, 'error', 'conn-id-invalid'],
  [11, 'error', 'conn-id-dotdot'],
  [12, 'error', 'conn-id-too-long'],
  [14, 'warning', 'key-case-collision'],
  [15, 'error', 'yaml-duplicate-key'],
  [16, 'error', 'uri-invalid-port'],
  [17, 'error', 'uri-too-many-protocols'],
  [18, 'error', 'uri-auth-before-protocol'],
  [19, 'error', 'uri-extra-not-object'],
  [20, 'warning', 'uri-scheme-underscore'],
  [21, 'warning', 'uri-url-in-query'],
  [22, 'error', 'literal-secret'],
  [22, 'warning', 'uri-plus-in-password'],
  [23, 'error', 'conn-type-missing'],
  [24, 'error', 'schema-invalid-value'],
  [25, 'error', 'schema-invalid-type'],
  [26, 'error', 'conn-round-trip'],
  [27, 'warning', 'conn-airflow2-round-trip'],
  [27, 'warning', 'conn-airflow2-round-trip'],
  [28, 'error', 'literal-secret'],
  [29, 'error', 'conn-uri-and-fields'],
  [30, 'error', 'schema-unknown-key'],
  [31, 'error', 'env-name-invalid'],
  [35, 'error', 'file-ref-escapes-repo'],
  [37, 'error', 'variable-key-invalid'],
  [38, 'error', 'variable-key-invalid'],
  [40, 'warning', 'key-case-collision'],
  [42, 'error', 'config-key-invalid'],
  [43, 'error', 'file-ref-absolute'],
  [47, 'error', 'astro-duplicate-deployment'],
  [48, 'error', 'auth-param-missing'],
  [50, 'warning', 'backend-kwargs-localhost-url'],
  [51, 'error', 'auth-type-unknown'],
  [52, 'error', 'literal-secret'],
  [53, 'error', 'backend-kwargs-managed-key'],
  [54, 'error', 'backend-kwargs-unknown-key']
]

test('broken.yaml gives exactly the expected problems, in order', async () => {
  const run = await cli(['validate', '-f', 'examples/broken.yaml', '--json'])
  expect(run.code).toBe(1)
  const report = JSON.parse(run.stdout)
  expect(report.ok).toBe(false)
  const got = report.problems.map(
    (p: { line: number; severity: string; code: string }) => [
      p.line,
      p.severity,
      p.code
    ]
  )
  expect(got).toEqual(EXPECTED)
})

test('every problem names the file, a column and a manifest path', async () => {
  const run = await cli(['validate', '-f', 'examples/broken.yaml', '--json'])
  for (const p of JSON.parse(run.stdout).problems) {
    expect(p.file).toBe('examples/broken.yaml')
    expect(p.column).toBeGreaterThan(0)
    expect(p.message.length).toBeGreaterThan(20)
  }
})

test('literal secrets are reported without being repeated', async () => {
  const run = await cli(['validate', '-f', 'examples/broken.yaml'])
  for (const secret of ['hunter2', 'pa+ss', 'pa%2Bss', 'literal-secret-id']) {
    expect(run.stdout).not.toContain(secret)
  }
})
