import { validateManifest } from '../../src/core/validate/validate.js'
import type { ValueSource } from '../../src/core/manifest/refs.js'

const options = { file: 'm.yaml', manifestDir: '/repo', repoRoot: '/repo' }

function problems(text: string, values?: ValueSource): string[] {
  return validateManifest(text, { ...options, values }).problems.map(
    (p) => `${p.line}:${p.column} ${p.severity} ${p.code}`
  )
}

test.each([
  ['no version', 'connections: {}\n', ['1:1 error version-missing']],
  ['a list, not a mapping', '- a\n', ['1:1 error manifest-not-mapping']],
  ['an empty file', '', ['1:1 error manifest-not-mapping']],
  [
    'postgresql is read as postgres',
    'version: 1\nconnections:\n  db: { conn_type: postgresql, host: h }\n',
    ['3:20 warning conn-type-normalized']
  ],
  [
    'a conn_type that cannot be a scheme',
    'version: 1\nconnections:\n  db: { conn_type: "my type", host: h }\n',
    ['3:20 error conn-type-invalid']
  ],
  [
    'a literal credential in extra',
    'version: 1\nconnections:\n  s3:\n    conn_type: aws\n    extra: { aws_secret_access_key: abc }\n',
    ['5:37 warning extra-literal-secret']
  ],
  [
    'token auth without a token only warns',
    'version: 1\nastro:\n  deployments: [{ id: d }]\n  backend_kwargs: { url: "https://v:8200", auth_type: token }\n',
    ['4:55 warning auth-param-missing']
  ],
  [
    'a kwargs namespace other than the vault one',
    'version: 1\nvault: { namespace: admin }\nastro:\n  deployments: [{ id: d }]\n  backend_kwargs: { url: "https://v", auth_type: approle, role_id: { env: R }, secret_id: { env: S }, namespace: other }\n',
    ['5:103 error backend-kwargs-managed-key']
  ],
  [
    'a mount with slashes',
    'version: 1\nvault: { mount: /airflow/ }\n',
    ['2:17 error vault-path-invalid']
  ]
])('%s', (_name, text, expected) => {
  expect(problems(text)).toEqual(expected)
})

test('a Deployment override is checked where it is written', () => {
  const text = [
    'version: 1',
    'astro:',
    '  deployments:',
    '    - id: prod',
    '    - id: dev',
    '      backend_kwargs: { auth_type: kubernetes }',
    '  backend_kwargs: { url: "https://v", auth_type: approle, role_id: { env: R }, secret_id: { env: S } }',
    ''
  ].join('\n')
  expect(problems(text)).toEqual(['6:36 error auth-param-missing'])
})

test('a value from the environment is validated, a missing one is not', () => {
  const text = 'version: 1\nconnections:\n  db: { uri: { env: DB_URI } }\n'
  const source = (value?: string): ValueSource => ({
    env: (name) => (name === 'DB_URI' ? value : undefined),
    file: () => undefined
  })
  expect(problems(text, source())).toEqual([])
  expect(problems(text, source('postgres://h:5432/db'))).toEqual([])
  expect(problems(text, source('postgres://h:x/db'))).toEqual([
    '3:14 error uri-invalid-port'
  ])
})

test('a file value loses one trailing newline unless raw', () => {
  const text = (raw: string): string =>
    `version: 1\nconnections:\n  db:\n    conn_type: postgres\n    host: { file: host.txt${raw} }\n`
  const files: ValueSource = {
    env: () => undefined,
    file: () => 'DB.example.com\n'
  }
  // Upper case comes back lower-cased from Airflow's parse: a round-trip error
  // that shows the file's value was read (without the newline, or it would
  // differ on the newline too).
  expect(problems(text(''), files)).toEqual(['5:11 error conn-round-trip'])
})

test('a valid manifest is returned, typed, with defaults', () => {
  const result = validateManifest(
    'version: 1\nvariables: { retries: 3 }\n',
    options
  )
  expect(result.problems).toEqual([])
  expect(result.manifest?.vault).toEqual({
    mount: 'secret',
    connections_path: 'connections',
    variables_path: 'variables',
    config_path: 'config',
    connection_format: 'uri',
    prune: false,
    prune_mode: 'soft'
  })
})
