/**
 * `npm run lint` runs actionlint over our workflows and examples. These
 * tests show it would catch what matters to a user copying an example: an
 * input the Action does not have, and a shell script that word-splits.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { lintWorkflows } from '../../tools/real-systems/lint-tools.js'

const root = mkdtempSync(join(tmpdir(), 'workflow-lint-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A project laid out like ours, with one workflow in `folder`. */
function project(folder: string, workflow: string): string {
  const at = mkdtempSync(join(root, 'p-'))
  // actionlint resolves `uses: ./` from the project root: .git and .github/workflows mark it
  mkdirSync(join(at, '.git'))
  mkdirSync(join(at, '.github', 'workflows'), { recursive: true })
  copyFileSync('action.yml', join(at, 'action.yml'))
  mkdirSync(join(at, 'dist'))
  writeFileSync(join(at, 'dist', 'index.js'), '')
  mkdirSync(join(at, folder), { recursive: true })
  writeFileSync(join(at, folder, 'check.yml'), workflow)
  return at
}

const job = (step: string): string =>
  `on: pull_request\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    steps:\n${step}`

test.each([
  ['.github/workflows', './'],
  ['examples/workflows', 'airflow-vault-sync/airflow-vault-sync@v0']
])(
  'an input action.yml lacks is a finding in %s (uses: %s)',
  (folder, uses) => {
    const step = `      - uses: ${uses}\n        with:\n          manifests: a.yaml\n`
    const r = lintWorkflows(project(folder, job(step)))
    expect(r.ok).toBe(false)
    expect(r.output).toContain(
      `${folder}/check.yml:8:11: input "manifests" is not defined in action "airflow-vault-sync"`
    )
  }
)

test('shellcheck runs on every run: script', () => {
  const r = lintWorkflows(
    project('.github/workflows', job('      - run: echo $MANIFEST\n'))
  )
  expect(r.ok).toBe(false)
  expect(r.output).toContain('SC2086')
})

test('a correct example passes', () => {
  const step =
    '      - uses: airflow-vault-sync/airflow-vault-sync@v0\n        with:\n          manifest: a.yaml\n          command: plan\n'
  const r = lintWorkflows(project('examples/workflows', job(step)))
  expect(r.output).toBe('')
  expect(r.ok).toBe(true)
})
