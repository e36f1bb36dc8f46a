/**
 * Issue #14 item 4: DEBUG (read by the `debug` package that node-vault and
 * follow-redirects use) cannot turn on their output inside our process,
 * which printed request bodies and X-Vault-Token. Our own debug prints
 * request lines and status codes only.
 */
import { createRequire } from 'node:module'
import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import { manifestFor, PASSWORD, project } from '../sync/fixture.js'
import { spawnCli } from './real-cli.js'

const TOKEN = 'hvs.DebugCanaryToken0123456789'
let vault: VaultDevServer
beforeEach(async () => {
  vault = await startVaultDevServer({
    mounts: [{ path: 'airflow', version: 2 }],
    rootToken: TOKEN
  })
})
afterEach(async () => vault.close())

async function applyWith(env: Record<string, string>): Promise<string> {
  const p = project(vault.url, TOKEN)
  p.write(manifestFor('airflow'))
  const run = spawnCli(['apply', '-f', 'airflow-secrets.yaml'], {
    cwd: p.dir,
    env: { ...p.env, ...env }
  })
  const { code, stdout, stderr } = await run.done
  expect(code).toBe(0)
  return stdout + stderr
}

const SECRETS = [TOKEN, 'db-secret-9', 'm41l', PASSWORD.slice(0, 8)]

test.each(['*', 'node-vault', 'follow-redirects,axios'])(
  'DEBUG=%s prints nothing of a request',
  async (debug) => {
    const out = await applyWith({ DEBUG: debug, DEBUG_COLORS: '0' })
    for (const secret of SECRETS) expect(out).not.toContain(secret)
    expect(out).not.toMatch(/node-vault|follow-redirects|X-Vault-Token/i)
  },
  60_000
)

test('AIRFLOW_VAULT_SYNC_DEBUG prints request lines and status codes, never headers or bodies', async () => {
  const out = await applyWith({ AIRFLOW_VAULT_SYNC_DEBUG: '1', DEBUG: '*' })
  expect(out).toMatch(
    /debug: Vault (POST|PUT) \/v1\/airflow\/data\/connections\/warehouse 200/
  )
  for (const secret of SECRETS) expect(out).not.toContain(secret)
  expect(out).not.toMatch(/x-vault-token|content-type|conn_uri/i)
}, 60_000)

test('node-vault and follow-redirects share the one `debug` we silence', () => {
  const ours = createRequire(import.meta.url).resolve('debug')
  for (const user of ['node-vault', 'follow-redirects']) {
    const theirs = createRequire(
      createRequire(import.meta.url).resolve(user)
    ).resolve('debug')
    expect(theirs).toBe(ours)
  }
})
