/**
 * Sync with Astro: the Vault side is the suite's target (OpenBao in the
 * real tier, a fresh KV v2 mount per test), the Astro side our test server.
 */
import {
  SEED_IDS,
  startAstroTestServer,
  type AstroTestServer
} from '../../devserver/astro/index.js'
import { openTarget, type Target } from '../vault-devserver/helpers/target.js'
import { manifestFor, project, type SyncProject } from './fixture.js'

let t: Target
let mount: string
let astro: AstroTestServer
beforeAll(async () => {
  t = await openTarget({ mounts: [] })
})
afterAll(() => t.close())
beforeEach(async () => {
  mount = await t.mountKv(2, 'airflow')
  astro = await startAstroTestServer()
})
afterEach(() => astro.close())

const ROLE_SECRET = 'astro-kw4rgs-s3cret/id'

function astroProject(): SyncProject {
  const p = project(t.url, t.rootToken)
  Object.assign(p.env, {
    ASTRO_API_URL: astro.url,
    ASTRO_API_TOKEN: astro.token,
    ROLE_ID: 'airflow-prod',
    SECRET_ID: ROLE_SECRET
  })
  p.write(
    manifestFor(mount) +
      `astro:
  organization_id: ${astro.organizationId}
  deployments:
    - id: ${SEED_IDS.standard}
    - id: ${SEED_IDS.dedicated}
    - id: ${SEED_IDS.hybrid}
    - id: ${SEED_IDS.remote}
  backend_kwargs:
    url: https://vault.example.com:8200
    auth_type: approle
    role_id: { env: ROLE_ID }
    secret_id: { env: SECRET_ID }
`
  )
  return p
}

test('apply points every Deployment at Vault, keeping everything else', async () => {
  const p = astroProject()
  const run = await p.run('apply', '--json')
  expect(run.stdout).not.toContain(ROLE_SECRET)
  const json = JSON.parse(run.stdout)
  expect(json.ok).toBe(true)
  const actions = json.astro.deployments.map(
    (d: { id: string; action: string }) => [d.id, d.action]
  )
  expect(actions).toEqual([
    [SEED_IDS.standard, 'update'],
    [SEED_IDS.dedicated, 'update'],
    [SEED_IDS.hybrid, 'update'],
    [SEED_IDS.remote, 'skipped']
  ])
  expect(json.astro.deployments[3].helm_values).toContain('secretBackend')
  // Only environment variables moved, and no other variable was lost.
  for (const change of astro.changes) {
    expect(change.changed).toEqual([])
    expect(change.dropped).toEqual([])
    expect(change.env.removed).toEqual([])
    expect(change.env.secretsWiped).toEqual([])
  }
  const stored = astro.store.get(SEED_IDS.standard)
  const kwargs = stored?.environmentVariables?.find(
    (v) => v.key === 'AIRFLOW__SECRETS__BACKEND_KWARGS'
  )
  expect(kwargs?.isSecret).toBe(true)
  expect(JSON.parse(kwargs?.value ?? '{}')).toMatchObject({
    mount_point: mount,
    connections_path: 'connections',
    kv_engine_version: 2,
    auth_type: 'approle',
    secret_id: ROLE_SECRET
  })
  expect(astro.counters.posts(SEED_IDS.remote)).toBe(0)
})

test('a rerun makes no POST; a changed role updates only the kwargs and fingerprint', async () => {
  const p = astroProject()
  await p.run('apply')
  const posts = (): number =>
    [SEED_IDS.standard, SEED_IDS.dedicated, SEED_IDS.hybrid]
      .map((id) => astro.counters.posts(id))
      .reduce((a, b) => a + b)
  expect(posts()).toBe(3)
  const again = await p.json('apply')
  expect(again.ok).toBe(true)
  expect(posts()).toBe(3)
  expect((await p.run('drift')).code).toBe(0)

  p.env.ROLE_ID = 'airflow-prod-v2'
  const drift = await p.run('drift', '--json')
  expect(JSON.parse(drift.stdout).drift).toBe(true)
  expect(drift.code).toBe(1)
  const changed = JSON.parse((await p.run('apply', '--json')).stdout)
  const standard = changed.astro.deployments[0]
  expect(standard.variables).toEqual([
    { key: 'AIRFLOW__SECRETS__BACKEND', action: 'unchanged' },
    { key: 'AIRFLOW__SECRETS__BACKEND_KWARGS', action: 'update' },
    { key: 'AIRFLOW_VAULT_SYNC_FINGERPRINT', action: 'update' }
  ])
  const last = astro.changes[astro.changes.length - 1]
  expect(last?.env.changed.sort()).toEqual([
    'AIRFLOW_VAULT_SYNC_FINGERPRINT',
    'AIRFLOW__SECRETS__BACKEND_KWARGS'
  ])
})

test('without ASTRO_API_TOKEN, a manifest with astro: is a problem before any write', async () => {
  const p = astroProject()
  delete p.env.ASTRO_API_TOKEN
  const run = await p.run('apply')
  expect(run.code).toBe(1)
  expect(run.stdout).toContain('astro-token-missing')
  // Nothing was written: the mount lists nothing.
  expect((await t.root.list(`${mount}/metadata/`)).status).toBe(404)
})

test('an Astro error is a remote failure that says what to fix', async () => {
  const p = astroProject()
  p.env.ASTRO_API_TOKEN = 'not-a-real-token'
  const run = await p.run('apply')
  expect(run.code).toBe(3)
  expect(run.stdout).toMatch(/Deployment .*failed: .*401/)
  expect(run.stdout).not.toContain(ROLE_SECRET)
})

test('wait: healthy polls the Deployment after the update until it is HEALTHY', async () => {
  const { runSync } = await import('../../src/sync/run.js')
  const p = astroProject()
  const text =
    manifestFor(mount) +
    `astro:
  organization_id: ${astro.organizationId}
  wait: healthy
  deployments:
    - id: ${SEED_IDS.standard}
  backend_kwargs: { url: 'https://vault.example.com', auth_type: approle, role_id: { env: ROLE_ID }, secret_id: { env: SECRET_ID } }
`
  const report = await runSync({
    command: 'apply',
    text,
    validate: {
      file: 'm.yaml',
      manifestDir: p.dir,
      repoRoot: p.dir,
      values: { env: (n) => p.env[n], file: () => undefined }
    },
    connection: {
      address: t.url,
      skipVerify: false,
      auth: { method: 'token', token: t.rootToken },
      timeoutMs: 5000,
      concurrency: 4
    },
    astro: { baseUrl: astro.url, token: astro.token, waitIntervalMs: 5 }
  })
  expect(report.astro?.[0]?.posted).toBe(true)
  expect(report.astro?.[0]?.waited?.status).toBe('HEALTHY')
})
