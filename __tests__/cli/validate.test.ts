import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { cli } from '../helpers/cli.js'

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-validate-'))
  mkdirSync(path.join(dir, '.git'))
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

describe('validate', () => {
  test('the example manifest is clean', async () => {
    const run = await cli(['validate', '-f', 'examples/airflow-secrets.yaml'])
    expect(run.stdout).toBe('examples/airflow-secrets.yaml: no problems\n')
    expect(run.code).toBe(0)
  })

  test('text output names file, line and column of each problem', async () => {
    const dir = project({
      'airflow-secrets.yaml':
        'version: 1\nconnections:\n  db:\n    conn_type: postgres\n    prot: 5432\n'
    })
    const run = await cli(['validate'], { cwd: dir })
    expect(run.stdout).toBe(
      'airflow-secrets.yaml:5:5 error schema-unknown-key unknown key "prot"; did you mean "port"?\n' +
        'airflow-secrets.yaml: 1 error, 0 warnings\n'
    )
    expect(run.code).toBe(1)
  })

  test('--json gives the documented shape', async () => {
    const dir = project({ 'm.yaml': 'version: 1\nvariables:\n  "a/b": x\n' })
    const run = await cli(['validate', '-f', 'm.yaml', '--json'], { cwd: dir })
    expect(JSON.parse(run.stdout)).toEqual({
      command: 'validate',
      ok: false,
      problems: [
        {
          severity: 'error',
          code: 'variable-key-invalid',
          message: expect.stringContaining("contains '/'"),
          file: 'm.yaml',
          line: 3,
          column: 3,
          path: 'variables["a/b"]'
        }
      ]
    })
    expect(run.code).toBe(1)
  })

  test('warnings alone exit 0', async () => {
    const dir = project({
      'm.yaml': 'version: 1\nvariables:\n  Region: eu\n  region: us\n'
    })
    const run = await cli(['validate', '-f', 'm.yaml'], { cwd: dir })
    expect(run.stdout).toContain('m.yaml:4:3 warning key-case-collision')
    expect(run.code).toBe(0)
  })

  test('a missing env value is not a validate problem', async () => {
    const dir = project({
      'm.yaml':
        'version: 1\nconnections:\n  smtp:\n    uri: { env: SMTP_URI }\n'
    })
    const run = await cli(['validate', '-f', 'm.yaml'], { cwd: dir })
    expect(run.code).toBe(0)
  })

  test('a present env value is checked like a literal, without showing it', async () => {
    const dir = project({
      'm.yaml':
        'version: 1\nconnections:\n  smtp:\n    uri: { env: SMTP_URI }\n'
    })
    const secret = 's3cr3t-p%40ss'
    const env = { SMTP_URI: `smtp://user:${secret}@mail.example.com:99999` }
    const run = await cli(['validate', '-f', 'm.yaml'], { cwd: dir, env })
    expect(run.stdout).toContain('m.yaml:4:10 error uri-invalid-port')
    expect(run.stdout).toContain('env SMTP_URI')
    expect(run.stdout).not.toContain('s3cr3t')
    expect(run.code).toBe(1)
  })

  test('a file reference is read relative to the manifest', async () => {
    const dir = project({
      'deploy/m.yaml':
        'version: 1\nconnections:\n  db:\n    uri: { file: db.uri }\n',
      'deploy/db.uri': 'postgres://db.example.com:5432x/a\n'
    })
    const run = await cli(['validate', '-f', 'deploy/m.yaml'], { cwd: dir })
    expect(run.stdout).toContain('deploy/m.yaml:4:10 error uri-invalid-port')
  })

  test('a symlink that leads out of the repository is not read', async () => {
    const outside = project({ 'db.uri': 'postgres://db.example.com:5432x/a' })
    const dir = project({
      'm.yaml': 'version: 1\nconnections:\n  db:\n    uri: { file: link.uri }\n'
    })
    const { symlinkSync } = await import('node:fs')
    symlinkSync(path.join(outside, 'db.uri'), path.join(dir, 'link.uri'))
    const run = await cli(['validate', '-f', 'm.yaml'], { cwd: dir })
    expect(run.stdout).not.toContain('uri-invalid-port')
  })

  test('JSON manifests are accepted, with positions', async () => {
    const dir = project({
      'm.json':
        '{\n  "version": 1,\n  "connections": {\n    "db": { "conn_type": "postgres", "port": "5432" }\n  }\n}\n'
    })
    const run = await cli(['validate', '-f', 'm.json'], { cwd: dir })
    expect(run.stdout).toContain(
      'm.json:4:46 error schema-invalid-type expected a whole number, got a string'
    )
  })
})

describe('usage errors exit 2', () => {
  test.each([
    [['validate', '--bogus'], "Unknown option '--bogus'"],
    [['validat'], 'unknown command "validat"'],
    [
      ['validate', '-f', 'does-not-exist.yaml'],
      'cannot read does-not-exist.yaml: no such file'
    ],
    [['validate', '-f', 'examples'], 'examples is a directory']
  ])('%j', async (args, message) => {
    const run = await cli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stdout).toBe('')
  })
})
