import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import { runSync, type SyncRequest } from '../../src/sync/run.js'
import { reportJson, syncExitCode } from '../../src/sync/report.js'
import { KvClient } from '../../src/clients/vault/kv.js'
import { VaultSession } from '../../src/clients/vault/session.js'
import { readVaultState } from '../../src/sync/read-state.js'
import { applyChanges } from '../../src/sync/apply.js'
import { planChanges } from '../../src/core/sync/plan.js'
import { desiredSecrets } from '../../src/core/sync/desired.js'
import { validateManifest } from '../../src/core/validate/validate.js'
import type { ValueRef } from '../../src/core/manifest/value-ref.js'
import { manifestFor, project } from './fixture.js'
import { devOnly } from '../vault-devserver/helpers/target.js'

// Fault injection needs the dev server: skipped in the real tier.
const test = devOnly

// Fault injection needs our dev server; a real Vault cannot be told to fail.
let dev: VaultDevServer
beforeEach(async () => {
  dev = await startVaultDevServer({ mounts: [{ path: 'airflow', version: 2 }] })
})
afterEach(async () => dev.close())

const fastRetry = {
  attempts: 4,
  baseDelayMs: 5,
  maxDelayMs: 20,
  budgetMs: 5000
}

function bigManifest(n: number): string {
  const lines = ['version: 1', 'vault: { mount: airflow }', 'variables:']
  for (let i = 0; i < n; i++)
    lines.push(`  v${String(i).padStart(3, '0')}: value-${i}`)
  return lines.join('\n') + '\n'
}

function request(
  text: string,
  command: 'plan' | 'apply' | 'drift',
  concurrency = 8
): SyncRequest {
  return {
    command,
    text,
    validate: {
      file: 'm.yaml',
      manifestDir: '/repo',
      repoRoot: '/repo',
      values: { env: () => 'x', file: () => undefined }
    },
    connection: {
      address: dev.url,
      skipVerify: false,
      auth: { method: 'token' as const, token: dev.rootToken },
      timeoutMs: 2000,
      concurrency,
      retry: fastRetry
    }
  }
}

test('429 and 503 are retried: every secret lands, retries are counted', async () => {
  dev.faults.set({ errorRate: 0.2, errorStatuses: [429, 503], seed: 7 })
  const p = project(dev.url, dev.rootToken)
  p.write(manifestFor('airflow'))
  const apply = await p.json('apply')
  expect(apply.ok).toBe(true)
  expect(apply.vault?.retries).toBeGreaterThan(0)
  dev.faults.reset()
  const plan = await p.json('plan')
  expect(plan.vault?.changes.every((c) => c.action === 'unchanged')).toBe(true)
  // No KV version was written twice for the same change.
  expect(
    Object.values(dev.counters.snapshot().versionsByKey).every((v) => v === 1)
  ).toBe(true)
})

test('Vault dying mid-apply: exit 3, an exact account, and a rerun that converges', async () => {
  const text = bigManifest(60)
  const cut = setInterval(() => {
    if (dev.counters.snapshot().requests.total >= 40)
      dev.faults.set({ resetRate: 1 })
  }, 1)
  const first = await runSync(request(text, 'apply', 4))
  clearInterval(cut)
  expect(syncExitCode(first)).toBe(3)
  const outcome = first.vault?.outcome
  const total =
    (outcome?.written.length ?? 0) +
    (outcome?.failed.length ?? 0) +
    (outcome?.skipped.length ?? 0)
  expect(total).toBe(60)
  expect(outcome?.written.length).toBeGreaterThan(0)
  expect(outcome?.skipped.length).toBeGreaterThan(0)
  const json = reportJson(first) as {
    vault: { failed: unknown[]; not_attempted: string[] }
  }
  expect(json.vault.not_attempted.length).toBe(outcome?.skipped.length)
  dev.faults.reset()
  // Every secret reported written is in Vault.
  for (const w of outcome?.written ?? []) {
    const reply = await fetch(`${dev.url}/v1/airflow/data/${w.path}`, {
      headers: { 'X-Vault-Token': dev.rootToken }
    })
    expect(reply.status).toBe(200)
  }
  const second = await runSync(request(text, 'apply', 4))
  expect(syncExitCode(second)).toBe(0)
  const third = await runSync(request(text, 'plan', 4))
  expect(third.vault?.changes.every((c) => c.action === 'unchanged')).toBe(true)
  expect(
    Object.values(dev.counters.snapshot().versionsByKey).every((v) => v === 1)
  ).toBe(true)
})

test.each([
  ['their edit', 'a conflict, not overwritten'],
  ['changed-in-manifest', 'written (our own write landed, its answer was lost)']
])(
  'a secret that became %j between the read and the write is %s',
  async (edit, outcomeKind) => {
    const text = manifestFor('airflow')
    const env: Record<string, string> = {
      WAREHOUSE_PASSWORD: 'a',
      SMTP_URI: 'smtp://h',
      DB_URI: 'x'
    }
    const validation = validateManifest(text, {
      file: 'm.yaml',
      manifestDir: '/r',
      repoRoot: '/r'
    })
    const manifest = validation.manifest!
    const read = (ref: ValueRef): string =>
      'env' in ref ? (env[ref.env] ?? '') : ''
    const session = await VaultSession.open(request(text, 'apply').connection)
    const kv = new KvClient(session.http, 'airflow', 2)
    const desired = desiredSecrets(manifest, read)
    await applyChanges(
      kv,
      planChanges(
        desired,
        await readVaultState(kv, manifest, desired, {
          concurrency: 4,
          extras: false
        }),
        { manifestFile: 'm.yaml', prune: false }
      ),
      { concurrency: 4, marks: {}, pruneMode: 'soft' }
    )
    env.DB_URI = 'changed-in-manifest'
    const desired2 = desiredSecrets(manifest, read)
    const plan = planChanges(
      desired2,
      await readVaultState(kv, manifest, desired2, {
        concurrency: 4,
        extras: false
      }),
      { manifestFile: 'm.yaml', prune: false }
    )
    // Someone edits the same secret after our read.
    await fetch(`${dev.url}/v1/airflow/data/config/sql_alchemy_conn`, {
      method: 'POST',
      headers: { 'X-Vault-Token': dev.rootToken },
      body: JSON.stringify({ data: { value: edit } })
    })
    const outcome = await applyChanges(kv, plan, {
      concurrency: 4,
      marks: {},
      pruneMode: 'soft'
    })
    await session.close()
    if (outcomeKind.startsWith('written')) {
      expect(outcome.failed).toEqual([])
      expect(outcome.written.map((w) => w.key)).toContain('sql_alchemy_conn')
      // No second version for the same change: 1 first apply + 1 that landed.
      expect(
        dev.counters.snapshot().versionsByKey['airflow/config/sql_alchemy_conn']
      ).toBe(2)
      return
    }
    expect(outcome.failed.map((f) => [f.key, f.error.split(' (')[0]])).toEqual([
      ['sql_alchemy_conn', 'changed in Vault after the plan read it']
    ])
    const now = await fetch(
      `${dev.url}/v1/airflow/data/config/sql_alchemy_conn`,
      { headers: { 'X-Vault-Token': dev.rootToken } }
    )
    expect(
      ((await now.json()) as { data: { data: { value: string } } }).data.data
        .value
    ).toBe('their edit')
  }
)

test('a sealed Vault is a remote failure that says so', async () => {
  dev.faults.set({ sealed: true })
  const report = await runSync(request(bigManifest(3), 'plan'))
  expect(syncExitCode(report)).toBe(3)
  expect(report.remoteError).toContain('sealed')
})

test('a token obtained by login is revoked at the end of the run', async () => {
  const admin = { 'X-Vault-Token': dev.rootToken }
  await fetch(`${dev.url}/v1/sys/auth/approle`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ type: 'approle' })
  })
  await fetch(`${dev.url}/v1/auth/approle/role/ci`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ token_policies: ['default'] })
  })
  const roleId = (
    (await (
      await fetch(`${dev.url}/v1/auth/approle/role/ci/role-id`, {
        headers: admin
      })
    ).json()) as { data: { role_id: string } }
  ).data.role_id
  const secretId = (
    (await (
      await fetch(`${dev.url}/v1/auth/approle/role/ci/secret-id`, {
        method: 'POST',
        headers: admin
      })
    ).json()) as { data: { secret_id: string } }
  ).data.secret_id
  const tokens: string[] = []
  const base = request(bigManifest(1), 'plan')
  await runSync({
    ...base,
    connection: {
      ...base.connection,
      auth: { method: 'approle', roleId, secretId, mount: 'approle' },
      onToken: (tk) => tokens.push(tk)
    }
  })
  expect(tokens).toHaveLength(1)
  const lookup = await fetch(`${dev.url}/v1/auth/token/lookup-self`, {
    headers: { 'X-Vault-Token': tokens[0] as string }
  })
  expect(lookup.status).toBe(403)
})

test('2,000 secrets through 5% 429/503 and reset connections: all correct, no version twice', async () => {
  dev.faults.set({
    errorRate: 0.05,
    errorStatuses: [429, 503],
    resetRate: 0.02,
    seed: 11
  })
  const text = bigManifest(2000)
  const report = await runSync(request(text, 'apply', 16))
  expect(report.remoteError).toBeUndefined()
  expect(report.vault?.outcome?.failed).toEqual([])
  expect(syncExitCode(report)).toBe(0)
  expect(report.vault?.retries).toBeGreaterThan(50)
  dev.faults.reset()
  const versions = Object.values(dev.counters.snapshot().versionsByKey)
  expect(versions).toHaveLength(2000)
  expect(versions.every((v) => v === 1)).toBe(true)
  const again = await runSync(request(text, 'plan', 16))
  expect(again.vault?.changes.every((c) => c.action === 'unchanged')).toBe(true)
})
