/**
 * The real `bao` CLI (OpenBao 2.7.2, a vault-CLI clone) against
 * `npm run vault:dev`: `kv list` sends the LIST verb, which the dev server
 * used to refuse before any handler ran (issue #18). Configured the way a
 * user of the vault CLI would, with VAULT_ADDR and VAULT_TOKEN.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { envBin, ensureToolsEnv } from '../../tools/real-systems/envs.js'
import {
  type DevProcess,
  startDevProcess
} from '../vault-devserver/helpers/dev-process.js'
import { Client } from '../vault-devserver/helpers/target.js'

let dev: DevProcess
let home: string
const bao = envBin(ensureToolsEnv(), 'bao')

beforeAll(async () => {
  dev = await startDevProcess(['--mount', 'airflow:2', '--mount', 'legacy:1'])
  // bao keeps a token helper file in HOME; give it a throwaway one.
  home = mkdtempSync(join(tmpdir(), 'bao-cli-'))
  const root = new Client(dev.url, dev.token)
  for (const key of ['a', 'b', 'team/c'])
    await root.post(`airflow/data/connections/${key}`, {
      data: { conn_uri: key }
    })
  await root.post('legacy/variables/v1', { value: 'one' })
})
afterAll(async () => {
  await dev.stop()
  rmSync(home, { recursive: true, force: true })
})

function run(...args: string[]): {
  code: number | null
  out: string
  err: string
} {
  const r = spawnSync(bao, args, {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      VAULT_ADDR: dev.url,
      VAULT_TOKEN: dev.token
    },
    encoding: 'utf8'
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

test('bao kv list on a KV v2 mount lists the folder, subfolders with /', () => {
  const r = run('kv', 'list', '-format=json', 'airflow/connections')
  expect(r.err).toBe('')
  expect(r.code).toBe(0)
  expect((JSON.parse(r.out) as string[]).sort()).toEqual(['a', 'b', 'team/'])
})

test('bao kv list on a KV v1 mount', () => {
  const r = run('kv', 'list', '-format=json', 'legacy/variables')
  expect(r.code).toBe(0)
  expect(JSON.parse(r.out)).toEqual(['v1'])
})

test('bao kv list of an empty folder exits 2, as against Vault', () => {
  const r = run('kv', 'list', 'airflow/nothing-here')
  expect(r.code).toBe(2)
  expect(r.err).toContain('No value found at airflow/metadata/nothing-here')
})

test('bao kv get reads the secret and its metadata', () => {
  const r = run('kv', 'get', '-format=json', 'airflow/connections/team/c')
  expect(r.code).toBe(0)
  const body = JSON.parse(r.out) as {
    data: { data: unknown; metadata: { version: number } }
  }
  expect(body.data.data).toEqual({ conn_uri: 'team/c' })
  expect(body.data.metadata.version).toBe(1)
})

test('bao kv put -cas, then kv get -version', () => {
  expect(
    run('kv', 'put', '-cas=1', 'airflow/connections/a', 'conn_uri=a2').code
  ).toBe(0)
  expect(
    run('kv', 'put', '-cas=1', 'airflow/connections/a', 'conn_uri=a3').code
  ).toBe(2)
  const r = run(
    'kv',
    'get',
    '-format=json',
    '-version=1',
    'airflow/connections/a'
  )
  expect((JSON.parse(r.out) as { data: { data: unknown } }).data.data).toEqual({
    conn_uri: 'a'
  })
})

test('bao policy list lists the ACL policies', () => {
  const r = run('policy', 'list', '-format=json')
  expect(r.code).toBe(0)
  expect(JSON.parse(r.out)).toEqual(expect.arrayContaining(['default', 'root']))
})
