import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runAction } from '../helpers/action.js'
import {
  airflowLogin,
  provisionManifest,
  startServers,
  storedKwargs,
  DEPLOYMENTS,
  type Servers
} from '../provision/fixture.js'

let servers: Servers
beforeEach(async () => {
  servers = await startServers({ devOnly: true })
})
afterEach(() => servers.close())

function workspace(manifest: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-action-provision-'))
  mkdirSync(path.join(dir, '.git'))
  writeFileSync(path.join(dir, 'airflow-secrets.yaml'), manifest)
  return dir
}

/** Registered with ::add-mask:: before any other line shows it. */
function maskedBeforeUse(stdout: string, value: string): boolean {
  const lines = stdout.split('\n')
  const mask = lines.indexOf(`::add-mask::${value}`)
  const used = lines.findIndex(
    (l) => !l.startsWith('::add-mask::') && l.includes(value)
  )
  return mask >= 0 && used === -1
}

test('provision without astro: sets masked role-id and secret-id outputs that log in', async () => {
  const dir = workspace(provisionManifest(undefined))
  const env = {
    GITHUB_WORKSPACE: dir,
    VAULT_ADDR: servers.vault.url,
    VAULT_TOKEN: servers.vault.rootToken
  }
  const plan = await runAction({ command: 'provision-plan' }, env)
  expect(plan.exitCode).toBeUndefined()
  expect(plan.outputs['secret-id']).toBeUndefined()
  expect(plan.summary).toContain('| 🔑 issue | secret-id |')
  expect(plan.summary).toContain('```hcl\n# Airflow')
  const run = await runAction({ command: 'provision' }, env)
  expect(run.exitCode).toBeUndefined()
  const creds = {
    role_id: run.outputs['role-id'] as string,
    secret_id: run.outputs['secret-id'] as string
  }
  expect((await airflowLogin(servers.vault.url, creds)).status).toBe(200)
  expect(maskedBeforeUse(run.stdout, creds.secret_id)).toBe(true)
  expect(maskedBeforeUse(run.stdout, creds.role_id)).toBe(true)
  expect(run.summary).not.toContain(creds.secret_id)
  expect(run.outputs.plan).not.toContain(creds.secret_id)
  expect(run.summary).toContain('set as the step outputs role-id and secret-id')
})

test('provision with astro: and check-access through the Action', async () => {
  const dir = workspace(provisionManifest(servers.astro))
  const env = {
    GITHUB_WORKSPACE: dir,
    VAULT_ADDR: servers.vault.url,
    VAULT_TOKEN: servers.vault.rootToken,
    ASTRO_API_URL: servers.astro.url,
    ASTRO_API_TOKEN: servers.astro.token
  }
  const run = await runAction({ command: 'provision' }, env)
  expect(run.exitCode).toBeUndefined()
  expect(run.outputs.ok).toBe('true')
  expect(run.outputs.changed).toBe('true')
  for (const id of DEPLOYMENTS) {
    const kw = storedKwargs(servers.astro, id)
    expect(maskedBeforeUse(run.stdout, kw.secret_id as string)).toBe(true)
    expect(run.summary).not.toContain(kw.secret_id as string)
  }
  const check = await runAction({ command: 'check-access' }, env)
  expect(check.exitCode).toBeUndefined()
  expect(check.summary).toContain('ok: reads every managed secret')
  const rerun = await runAction({ command: 'provision' }, env)
  expect(rerun.outputs.changed).toBe('false')
  const bad = await runAction(
    { command: 'provision', 'rotate-secret-id': 'maybe' },
    env
  )
  expect(bad.exitCode).toBe(1)
  expect(bad.outputs['error-message']).toBe(
    "Invalid rotate-secret-id 'maybe'. Expected one of: true, false."
  )
})
