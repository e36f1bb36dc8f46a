import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runAction } from '../helpers/action.js'
import { ROOT } from '../helpers/cli.js'

function workspace(manifest: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-ws-'))
  mkdirSync(path.join(dir, '.git'))
  writeFileSync(path.join(dir, 'airflow-secrets.yaml'), manifest)
  return dir
}

describe('the Action with command: validate', () => {
  test('a clean manifest sets ok=true and a green summary', async () => {
    const run = await runAction(
      { command: 'validate', manifest: 'examples/airflow-secrets.yaml' },
      { GITHUB_WORKSPACE: ROOT }
    )
    expect(run.exitCode).toBeUndefined()
    expect(run.outputs.ok).toBe('true')
    expect(JSON.parse(run.outputs.problems as string)).toEqual([])
    expect(run.summary).toContain(
      '✅ `examples/airflow-secrets.yaml`: valid, no problems'
    )
  })

  test('problems become annotations on their lines, capped at 10 per kind', async () => {
    const ids = Array.from(
      { length: 12 },
      (_, i) => `  "bad id ${i}": { conn_type: http }`
    )
    const dir = workspace(`version: 1\nconnections:\n${ids.join('\n')}\n`)
    const run = await runAction(
      { command: 'validate' },
      { GITHUB_WORKSPACE: dir }
    )
    const annotations = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::error title='))
    expect(annotations).toHaveLength(10)
    expect(annotations[0]).toBe(
      "::error title=conn-id-invalid,file=airflow-secrets.yaml,line=3,col=3::connection id \"bad id 0\" may only use letters A-Z a-z, digits, '_', '.' and '-' to be valid in every Airflow entry point; rename it"
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.ok).toBe('false')
    expect(JSON.parse(run.outputs.problems as string)).toHaveLength(12)
    // The summary has the whole table, not only the annotated ten.
    expect(run.summary.match(/conn-id-invalid/g)).toHaveLength(12)
  })

  test('a bad command input fails with the expected values', async () => {
    const run = await runAction(
      { command: 'sync-everything' },
      { GITHUB_WORKSPACE: ROOT }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs['error-message']).toBe(
      "Invalid command 'sync-everything'. Expected one of: validate, plan, apply, drift, provision-plan, provision, check-access."
    )
    expect(run.stdout).toContain(
      '::error::airflow-vault-sync failed: Invalid command'
    )
  })

  test('a missing manifest fails with its name', async () => {
    const run = await runAction(
      { manifest: 'nope.yaml' },
      { GITHUB_WORKSPACE: ROOT }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs['error-message']).toContain(
      'cannot read nope.yaml: no such file'
    )
    expect(run.summary).toContain('cannot read nope.yaml')
  })
})
