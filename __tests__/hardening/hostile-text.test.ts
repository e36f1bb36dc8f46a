/**
 * Issue #14 item 6: text from servers and manifest keys cannot forge log
 * lines, workflow commands, terminal escapes, markdown or HTML. The CLI
 * escapes control characters; the Action's error-message and annotations
 * are one line; the job summary escapes every cell and code span.
 */
import { runAction } from '../helpers/action.js'
import { cli } from '../helpers/cli.js'
import { project } from '../sync/fixture.js'
import { startHostileVault } from './servers.js'

let hostile: Awaited<ReturnType<typeof startHostileVault>>
beforeAll(async () => {
  hostile = await startHostileVault()
})
afterAll(async () => hostile.close())

const MANIFEST =
  'version: 1\nvault: { mount: airflow, kv_version: 2 }\nvariables: { a: b }\n'
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/

// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001f]/

function expectNoForgery(text: string): void {
  expect(text).not.toMatch(CONTROL)
  expect(text).not.toMatch(/^\s*::/m)
}

test.each([[[]], [['--json']]])(
  'the CLI escapes what Vault says (%j)',
  async (args) => {
    const p = project(hostile.url, 'hvs.x')
    p.write(MANIFEST)
    const run = await p.run('plan', ...args)
    expect(run.code).toBe(3)
    expect(run.stderr + run.stdout).toContain('pwned')
    expectNoForgery(run.stdout)
    expectNoForgery(run.stderr)
  }
)

test('the Action: error-message and annotations are one line, the summary is inert', async () => {
  const p = project(hostile.url, 'hvs.x')
  p.write(MANIFEST)
  const run = await runAction(
    {
      command: 'plan',
      manifest: 'airflow-secrets.yaml',
      'vault-address': hostile.url,
      'vault-token': 'hvs.x'
    },
    { ...p.env, GITHUB_WORKSPACE: p.dir }
  )
  const message = run.outputs['error-message'] ?? ''
  expect(message).toContain('pwned')
  expect(message).not.toContain('\n')
  expectNoForgery(message)
  // Workflow commands escape \n as %0A; the runner would unescape it.
  for (const line of run.stdout
    .split('\n')
    .filter((l) => /^::(error|warning)/.test(l)))
    expect(
      decodeURIComponent(line.replace(/%(?![0-9A-F]{2})/g, '%25'))
    ).not.toMatch(CONTROL_OR_NEWLINE)
  expectNoForgery(run.summary)
  expect(run.summary).not.toContain('<img')
  expect(run.summary).not.toMatch(/(^|[^\\])\*\*bold/)
  expect(run.summary).not.toMatch(/(^|[^&#\w])@octocat/)
})

test('manifest keys are escaped in every cell and code span', async () => {
  const p = project(hostile.url, 'hvs.x')
  p.write(
    'version: 1\nvault: { mount: airflow }\nvariables: { a: b }\n"<img src=x onerror=alert(1)> | @octocat": 1\n'
  )
  const run = await runAction(
    { command: 'validate', manifest: 'airflow-secrets.yaml' },
    { ...p.env, GITHUB_WORKSPACE: p.dir }
  )
  expect(run.summary).toContain('schema-unknown-key')
  expect(run.summary).not.toContain('<img')
  expect(run.summary).not.toMatch(/[^\\]\| @octocat/)
})

test.each([
  ['variables', 'a\u001b[31mb'],
  ['variables', '.'],
  ['config', 'line\nbreak'],
  ['connections', '.']
])('%s key %j is a validation error at its line', async (section, key) => {
  const p = project(hostile.url, 'hvs.x')
  const value = section === 'connections' ? '{ conn_type: http }' : 'x'
  p.write(`version: 1\n${section}:\n  ${JSON.stringify(key)}: ${value}\n`)
  const run = await cli(['validate', '-f', 'airflow-secrets.yaml', '--json'], {
    cwd: p.dir,
    env: p.env
  })
  const problems = (
    JSON.parse(run.stdout) as {
      problems: Array<{ line: number; code: string }>
    }
  ).problems
  expect(problems.map((x) => x.line)).toEqual([3])
  expect(run.code).toBe(1)
})
