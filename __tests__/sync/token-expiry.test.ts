import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import { runSync } from '../../src/sync/run.js'
import { reportJson, syncExitCode } from '../../src/sync/report.js'
import {
  admin,
  appRole,
  jwtRole,
  manyVariables,
  oidcToken,
  staticToken,
  syncRequest
} from './token-setup.js'
import { project } from './fixture.js'
import { devOnly } from '../vault-devserver/helpers/target.js'

// Token expiry is a dev-server fault: skipped in the real tier.
const test = devOnly

// Expiry is injected: a real Vault's tokens would need the test to wait.
let dev: VaultDevServer
beforeEach(async () => {
  dev = await startVaultDevServer({ mounts: [{ path: 'airflow', version: 2 }] })
})
afterEach(async () => dev.close())

const TEXT = manyVariables(40)
/** Login, mounts, 3 lists, capabilities: then 80 writes (data + metadata). */
const MID_APPLY = 30

async function expectAllWritten(): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const key = `v${String(i).padStart(3, '0')}`
    const { data } = (await admin(dev, `airflow/data/variables/${key}`)) as {
      data: { data: { value: string } }
    }
    expect(data.data.value).toBe(`value-${i}`)
  }
  const versions = Object.values(dev.counters.snapshot().versionsByKey)
  expect(versions).toHaveLength(40)
  expect(versions.every((v) => v === 1)).toBe(true)
}

const logins = (): number =>
  dev.counters.snapshot().requests.byMethodAndKind['POST auth-login'] ?? 0

test('an AppRole token expiring mid-apply: one re-login, every secret written once', async () => {
  const auth = await appRole(dev)
  const tokens: string[] = []
  dev.faults.set({ expireTokensAfterRequests: MID_APPLY })
  const report = await runSync(
    syncRequest(dev, TEXT, auth, { onToken: (t) => tokens.push(t) })
  )
  expect(report.remoteError).toBeUndefined()
  expect(syncExitCode(report)).toBe(0)
  expect(report.vault?.outcome?.written).toHaveLength(40)
  expect(report.vault?.relogins).toBe(1)
  expect(reportJson(report)).toMatchObject({ vault: { relogins: 1 } })
  expect(logins()).toBe(2)
  // Vault did refuse the expired token; those requests were sent again.
  expect(dev.counters.snapshot().requests.byStatus['403']).toBeGreaterThan(0)
  // Both tokens went to the front end to be masked.
  expect(new Set(tokens).size).toBe(2)
  await expectAllWritten()
})

test('two thirds into its TTL, a login token is replaced before Vault refuses it', async () => {
  const auth = await appRole(dev, { token_ttl: '60s' })
  let calls = 0
  // Past the first request, the client believes 45 of the 60 s are gone.
  const clock = (): number => Date.now() + (++calls > 1 ? 45_000 : 0)
  const report = await runSync(syncRequest(dev, TEXT, auth, { clock }))
  expect(syncExitCode(report)).toBe(0)
  expect(report.vault?.relogins).toBe(1)
  expect(dev.counters.snapshot().requests.byStatus['403']).toBeUndefined()
  await expectAllWritten()
})

test('JWT: a new OIDC token is fetched for the re-login when the front end can', async () => {
  const key = await jwtRole(dev)
  let fetched = 0
  dev.faults.set({ expireTokensAfterRequests: MID_APPLY })
  const report = await runSync(
    syncRequest(
      dev,
      TEXT,
      { method: 'jwt', role: 'ci', jwt: oidcToken(key), mount: 'jwt' },
      { refreshJwt: async () => (fetched++, oidcToken(key)) }
    )
  )
  expect(syncExitCode(report)).toBe(0)
  expect(fetched).toBe(1)
  expect(report.vault?.relogins).toBe(1)
  await expectAllWritten()
})

test('a re-login refused (single-use secret_id) is not retried: exit 3, exact account', async () => {
  const auth = await appRole(dev, {}, 1)
  dev.faults.set({ expireTokensAfterRequests: MID_APPLY })
  const report = await runSync(syncRequest(dev, TEXT, auth))
  expect(syncExitCode(report)).toBe(3)
  expect(logins()).toBe(2)
  const outcome = report.vault?.outcome
  const written = outcome?.written.length ?? 0
  const failed = outcome?.failed.length ?? 0
  const skipped = outcome?.skipped.length ?? 0
  expect(written + failed + skipped).toBe(40)
  expect(skipped).toBeGreaterThan(0)
  expect(report.remoteError).toContain(
    'the Vault token expired mid-run and logging in again (approle at auth/approle) failed: invalid role or secret ID'
  )
  expect(report.remoteError).toContain('a secret_id limited to one use')
  expect(report.remoteError).toContain(`stopped after ${written} secret(s)`)
})

test('a static token expiring mid-apply: exit 3, an exact account; a fresh token converges', async () => {
  const p = project(dev.url, await staticToken(dev))
  p.write(TEXT)
  dev.counters.reset()
  dev.faults.set({ expireTokensAfterRequests: MID_APPLY })
  const run = await p.run('apply', '--json')
  expect(run.code).toBe(3)
  const json = JSON.parse(run.stdout) as {
    error: string
    vault: { written: number; failed: unknown[]; not_attempted: string[] }
  }
  const { written, failed, not_attempted: notAttempted } = json.vault
  expect(written).toBeGreaterThan(0)
  expect(notAttempted.length).toBeGreaterThan(0)
  expect(written + failed.length + notAttempted.length).toBe(40)
  expect(json.error).toContain(
    `the Vault token expired (or was revoked) mid-run after ${written} secret(s) were written`
  )
  expect(json.error).toContain('AppRole/JWT, which log in again')
  for (const key of notAttempted) {
    const reply = await fetch(`${dev.url}/v1/airflow/data/variables/${key}`, {
      headers: { 'X-Vault-Token': dev.rootToken }
    })
    expect(reply.status).toBe(404)
  }
  p.env.VAULT_TOKEN = await staticToken(dev)
  expect((await p.run('apply')).code).toBe(0)
  expect(
    (await p.json('plan')).vault?.changes.every((c) => c.action === 'unchanged')
  ).toBe(true)
  await expectAllWritten()
})

test('a renewable static token low on TTL is renewed once, with renew-self', async () => {
  const token = await staticToken(dev, { ttl: '90s' })
  dev.counters.reset()
  let calls = 0
  // After the lookup at the start, the client believes 65 of 90 s are gone.
  const clock = (): number => Date.now() + (++calls > 1 ? 65_000 : 0)
  const report = await runSync(
    syncRequest(dev, TEXT, { method: 'token', token }, { clock })
  )
  expect(syncExitCode(report)).toBe(0)
  expect(report.vault?.renewals).toBe(1)
  // renew-self is the only token POST a static-token run makes.
  expect(dev.counters.snapshot().requests.byMethodAndKind['POST auth']).toBe(1)
  await expectAllWritten()
})

test('the CLI says how often the token was replaced', async () => {
  const auth = await appRole(dev)
  if (auth.method !== 'approle') throw new Error('approle expected')
  const p = project(dev.url, '')
  delete p.env.VAULT_TOKEN
  Object.assign(p.env, {
    VAULT_ROLE_ID: auth.roleId,
    VAULT_SECRET_ID: auth.secretId
  })
  p.write(TEXT)
  dev.faults.set({ expireTokensAfterRequests: MID_APPLY })
  const run = await p.run('apply')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain(
    'Vault token: 1 re-login(s), 0 renewal(s) during the run.'
  )
})
