/**
 * hvac 2.4.0, the client Airflow's VaultBackend uses, against
 * `npm run vault:dev`: its `list_secrets` sends the LIST verb, which the
 * dev server used to refuse (issue #18). The Python runs in the Airflow
 * 3.3 environment of the real-systems tier.
 */
import { spawnSync } from 'node:child_process'
import { ensureAirflowEnv } from '../../tools/real-systems/envs.js'
import {
  type DevProcess,
  startDevProcess
} from '../vault-devserver/helpers/dev-process.js'
import { Client } from '../vault-devserver/helpers/target.js'

let dev: DevProcess
const python = ensureAirflowEnv('3.3').python

beforeAll(async () => {
  dev = await startDevProcess(['--mount', 'airflow:2', '--mount', 'legacy:1'])
  const root = new Client(dev.url, dev.token)
  for (const key of ['warehouse', 'smtp', 'team/s3'])
    await root.post(`airflow/data/connections/${key}`, {
      data: { conn_uri: key }
    })
  await root.post('legacy/variables/env', { value: 'prod' })
})
afterAll(() => dev.stop())

/** Runs `body` with `c`, an hvac.Client, and prints its JSON result. */
function hvac(body: string): unknown {
  const script = [
    'import json, os, hvac',
    "c = hvac.Client(url=os.environ['AVS_URL'], token=os.environ['AVS_TOKEN'])",
    'def main():',
    ...body.split('\n').map((line) => `    ${line}`),
    'print(json.dumps(main()))'
  ].join('\n')
  const r = spawnSync(python, ['-c', script], {
    env: { PATH: process.env.PATH, AVS_URL: dev.url, AVS_TOKEN: dev.token },
    encoding: 'utf8'
  })
  if (r.status !== 0) throw new Error(`hvac failed (${r.status}): ${r.stderr}`)
  return JSON.parse(r.stdout)
}

test('hvac is the pinned 2.4.0', () => {
  expect(
    hvac("import importlib.metadata\nreturn importlib.metadata.version('hvac')")
  ).toBe('2.4.0')
})

test('kv.v2.list_secrets returns the keys, folders with /', () => {
  const keys = hvac(
    "r = c.secrets.kv.v2.list_secrets(path='connections', mount_point='airflow')\nreturn sorted(r['data']['keys'])"
  )
  expect(keys).toEqual(['smtp', 'team/', 'warehouse'])
})

test('kv.v1.list_secrets on a KV v1 mount', () => {
  const keys = hvac(
    "return c.secrets.kv.v1.list_secrets(path='variables', mount_point='legacy')['data']['keys']"
  )
  expect(keys).toEqual(['env'])
})

test('an empty folder raises InvalidPath, as against Vault', () => {
  const raised = hvac(
    [
      'try:',
      "    c.secrets.kv.v2.list_secrets(path='nothing', mount_point='airflow')",
      'except hvac.exceptions.InvalidPath:',
      "    return 'InvalidPath'",
      "return 'listed'"
    ].join('\n')
  )
  expect(raised).toBe('InvalidPath')
})

test('read_secret_version reads what was listed', () => {
  const data = hvac(
    "return c.secrets.kv.v2.read_secret_version(path='connections/team/s3', mount_point='airflow', raise_on_deleted_version=True)['data']['data']"
  )
  expect(data).toEqual({ conn_uri: 'team/s3' })
})

test('sys.list_acl_policies lists with the LIST verb too', () => {
  const keys = hvac("return c.sys.list_acl_policies()['data']['keys']")
  expect(keys).toEqual(expect.arrayContaining(['default', 'root']))
})
