/**
 * Workflow hygiene a user inherits by copying our examples: pinned actions,
 * secrets passed by name, and a reusable workflow that cannot be called
 * from pull_request_target (which would run a fork's code with this
 * repository's secrets and Vault login).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { workflowRuleProblems } from '../../tools/real-systems/workflow-rules.js'

const dir = mkdtempSync(join(tmpdir(), 'workflow-rules-'))
function problems(text: string): string[] {
  const file = join(dir, 'w.yml')
  writeFileSync(file, text)
  return workflowRuleProblems(file).map((p) => p.slice(file.length))
}

const SHA = 'fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09'

test('a third-party action pinned by SHA with its tag passes; our own Action by tag passes', () => {
  expect(problems(`      - uses: actions/checkout@${SHA} # v5.1.0\n`)).toEqual(
    []
  )
  expect(
    problems('      - uses: airflow-vault-sync/airflow-vault-sync@v0\n')
  ).toEqual([])
  expect(problems('        uses: ./\n')).toEqual([])
})

test.each([
  ['a tag', '      - uses: actions/checkout@v5\n'],
  ['a SHA without its tag', `      - uses: actions/checkout@${SHA}\n`],
  ['a short SHA', '      - uses: actions/checkout@fbc6f39 # v5.1.0\n']
])('%s is a finding at its line', (_what, line) => {
  expect(problems(`on: push\n${line}`)).toEqual([
    ':2: pin actions/checkout@' +
      line.split('@')[1]?.split(/\s/)[0] +
      ' by commit SHA with its tag in a comment (uses: owner/action@<sha> # vX.Y.Z)'
  ])
})

test('toJSON(secrets) is a finding, naming secrets one by one is not', () => {
  expect(
    problems('        SECRETS_ENV: ${{ toJSON(secrets) }}\n')
  ).toHaveLength(1)
  expect(problems('        PW: ${{ secrets.WAREHOUSE_PASSWORD }}\n')).toEqual(
    []
  )
})

test('the reusable workflow refuses pull_request_target before any job runs', () => {
  const wf = parse(
    readFileSync('.github/workflows/airflow-secrets.yml', 'utf8')
  ) as {
    jobs: Record<
      string,
      {
        needs?: string | string[]
        steps?: Array<{ if?: string; run?: string }>
      }
    >
  }
  const first = wf.jobs.validate?.steps?.[0]
  expect(first?.if).toBe("github.event_name == 'pull_request_target'")
  expect(first?.run).toContain('exit 1')
  for (const [name, job] of Object.entries(wf.jobs)) {
    if (name === 'validate') continue
    expect([job.needs].flat()).toContain('validate')
  }
})
