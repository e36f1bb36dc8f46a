/**
 * The plan role reads no value: plan and drift compare the fingerprint
 * apply recorded for the current version, and say so when they cannot (a
 * version someone else wrote; KV v1, which keeps no metadata). On the dev
 * server and, under `npm run test:real`, on OpenBao.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, type CliRun } from '../helpers/cli.js'
import { uniq } from '../vault-devserver/helpers/target.js'
import { PASSWORD } from '../sync/fixture.js'
import {
  call,
  provisionManifest,
  provisionProject,
  startServers,
  type Servers
} from './fixture.js'
import {
  ciEnv,
  jwtProvision,
  startIssuer,
  type Issuer
} from './jwt-roles-fixture.js'

let servers: Servers
let issuer: Issuer
beforeEach(async () => {
  servers = await startServers()
  issuer = await startIssuer()
})
afterEach(async () => {
  await issuer.close()
  await servers.close()
})

/** Provision (KV v1 or v2), then a CLI for the plan and the apply role. */
async function setUp(kv: 1 | 2): Promise<{
  plan(command: string, ...args: string[]): Promise<CliRun>
  apply(command: string, ...args: string[]): Promise<CliRun>
}> {
  const mount = servers.real ? uniq('jwt') : 'jwt'
  const provision = jwtProvision(issuer, { mount, approle: servers.approle })
  const p = provisionProject(servers, { provision, astro: false, kv })
  p.write(provisionManifest(undefined, { kv, mount: servers.mount, provision }))
  const creds = join(mkdtempSync(join(tmpdir(), 'avs-creds-')), 'c.json')
  expect((await p.run('provision', '--credentials-file', creds)).code).toBe(0)
  const as =
    (role: string, claims: Record<string, unknown>) =>
    (command: string, ...args: string[]): Promise<CliRun> =>
      cli([command, '-f', 'airflow-secrets.yaml', ...args], {
        cwd: p.dir,
        env: ciEnv(p.env, mount, role, issuer.token(claims))
      })
  return {
    plan: as('airflow-vault-sync-plan', { ref: 'refs/pull/7/merge' }),
    apply: as('airflow-vault-sync-apply', {})
  }
}

test('a version written by someone else cannot be compared without a value; apply compares it and only re-marks it', async () => {
  const ci = await setUp(2)
  expect((await ci.apply('apply')).code).toBe(0)
  // An operator writes the same value again: a version this tool did not write.
  const path = `${servers.mount}/data/variables/environment`
  const root = servers.vault.rootToken
  const url = servers.vault.url
  const same = { data: { value: 'production' } }
  expect((await call(url, 'POST', path, root, same)).status).toBe(200)
  const plan = JSON.parse((await ci.plan('plan', '--json')).stdout)
  expect(plan.vault.changes).toContainEqual(
    expect.objectContaining({
      key: 'environment',
      action: 'update',
      compared: false,
      note: expect.stringContaining(
        'version 2 was not written by this tool, and this token reads no values'
      )
    })
  )
  expect(JSON.stringify(plan)).not.toContain(PASSWORD)
  const drift = await ci.plan('drift')
  expect(drift.stdout).toContain(
    'variable environment changed in Vault: cannot compare (version 2 was not written by this tool'
  )
  // The apply role reads it, finds it equal, and records a fingerprint only.
  expect((await ci.apply('apply')).code).toBe(0)
  const meta = await call(
    url,
    'GET',
    `${servers.mount}/metadata/variables/environment`,
    root
  )
  expect((meta.body.data as { current_version: number }).current_version).toBe(
    2
  )
  // Idempotent: the marks are current, so a rerun writes nothing.
  const rerun = JSON.parse((await ci.apply('apply', '--json')).stdout)
  expect(rerun.vault.written).toBe(0)
  const again = await ci.plan('plan')
  expect(again.stdout).toContain('0 to update, 0 to delete, 6 unchanged')
})

test('on KV v1 the plan role lists names, reads no value, and says it cannot compare', async () => {
  const ci = await setUp(1)
  expect((await ci.apply('apply')).code).toBe(0)
  const plan = await ci.plan('plan')
  expect(plan.code).toBe(0)
  expect(plan.stdout).toContain(
    '~ variable retries: cannot compare (KV v1 keeps no fingerprint, and this token reads no values'
  )
  expect(plan.stdout).toContain('0 to create, 6 to update')
})
