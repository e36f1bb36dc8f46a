import {
  airflowLogin,
  call,
  DEPLOYMENTS,
  provisionManifest,
  provisionProject,
  startServers,
  storedKwargs,
  type Servers
} from './fixture.js'
import { PASSWORD } from '../sync/fixture.js'

let servers: Servers
beforeEach(async () => {
  servers = await startServers()
})
afterEach(() => servers.close())

/** What Airflow's token may do: read every managed secret, nothing else. */
async function airflowCanOnlyRead(kv: 1 | 2, token: string): Promise<void> {
  const url = servers.vault.url
  const data = (p: string): string =>
    kv === 2 ? `${servers.mount}/data/${p}` : `${servers.mount}/${p}`
  const warehouse = await call(url, 'GET', data('connections/warehouse'), token)
  expect(warehouse.status).toBe(200)
  const secret = (
    kv === 2
      ? (warehouse.body.data as { data: Record<string, string> }).data
      : (warehouse.body.data as Record<string, string>)
  ).conn_uri
  expect(decodeURIComponent(secret ?? '')).toContain(PASSWORD)
  for (const p of ['variables/environment', 'config/sql_alchemy_conn'])
    expect((await call(url, 'GET', data(p), token)).status).toBe(200)
  const write = await call(url, 'POST', data('connections/evil'), token, {
    ...(kv === 2 ? { data: { conn_uri: 'x://' } } : { conn_uri: 'x://' })
  })
  expect(write.status).toBe(403)
  expect((await call(url, 'GET', data('other/thing'), token)).status).toBe(403)
  const folder = data('connections').replace('/data/', '/metadata/')
  expect((await call(url, 'GET', `${folder}/?list=true`, token)).status).toBe(
    403
  )
}

test.each([2, 1] as const)(
  'KV v%i: provision then apply: each Deployment’s AppRole reads every secret and nothing more',
  async (kv) => {
    const p = provisionProject(servers, { kv })
    const first = await p.run('provision', '--json')
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    const json = JSON.parse(first.stdout)
    expect(json.deployments.map((d: { status: string }) => d.status)).toEqual([
      'updated',
      'updated'
    ])
    expect(json.policies.reader.hcl).toContain(
      kv === 2
        ? `path "${servers.mount}/data/connections/*" {\n  capabilities = ["read"]\n}`
        : `path "${servers.mount}/connections/*" {\n  capabilities = ["read"]\n}`
    )
    expect((await p.run('apply')).code).toBe(0)
    for (const id of DEPLOYMENTS) {
      const kwargs = storedKwargs(servers.astro, id)
      expect(kwargs).toMatchObject({
        auth_type: 'approle',
        mount_point: servers.mount,
        kv_engine_version: kv
      })
      const login = await airflowLogin(servers.vault.url, kwargs)
      expect(login.status).toBe(200)
      await airflowCanOnlyRead(kv, login.token as string)
    }
    // Each Deployment has a role of its own.
    const roles = DEPLOYMENTS.map(
      (id) => storedKwargs(servers.astro, id).role_id
    )
    expect(new Set(roles).size).toBe(2)
    // The role_id and secret_id were handed over, never printed.
    for (const id of DEPLOYMENTS) {
      const kw = storedKwargs(servers.astro, id)
      expect(first.stdout).not.toContain(kw.secret_id as string)
      expect(first.stdout).not.toContain(kw.role_id as string)
    }
    // A rerun changes nothing: no write, no POST to Astro, no secret-id.
    const posts = servers.astro.changes.length
    const again = await p.run('provision', '--json')
    expect(again.code).toBe(0)
    const rerun = JSON.parse(again.stdout)
    expect(rerun.vault.changes).toBe(0)
    expect(rerun.vault.done).toEqual([])
    expect(servers.astro.changes.length).toBe(posts)
  }
)

test('rotation keeps the Deployment working at every step, and retires the old secret-id', async () => {
  const p = provisionProject(servers)
  expect((await p.run('provision')).code).toBe(0)
  expect((await p.run('apply')).code).toBe(0)
  const id = DEPLOYMENTS[0] as string
  const before = storedKwargs(servers.astro, id)
  const rotated = await p.run('provision', '--rotate-secret-id')
  expect(rotated.code).toBe(0)
  expect(rotated.stdout).toContain('old one')
  const after = storedKwargs(servers.astro, id)
  expect(after.secret_id).not.toBe(before.secret_id)
  expect(after.role_id).toBe(before.role_id)
  expect((await airflowLogin(servers.vault.url, after)).status).toBe(200)
  expect((await airflowLogin(servers.vault.url, before)).status).toBe(400)
  // Apply after rotation leaves the handed-over credentials alone.
  const posts = servers.astro.changes.length
  expect((await p.run('apply')).code).toBe(0)
  expect(servers.astro.changes.length).toBe(posts)
  expect(storedKwargs(servers.astro, id).secret_id).toBe(after.secret_id)
})

test('a failed Astro update during rotation leaves the old secret-id working', async () => {
  const p = provisionProject(servers)
  expect((await p.run('provision')).code).toBe(0)
  const before = DEPLOYMENTS.map((id) => storedKwargs(servers.astro, id))
  servers.astro.faults.set({
    failPaths: [
      { path: `deployments/${DEPLOYMENTS[1]}`, method: 'POST', status: 403 }
    ]
  })
  const run = await p.run('provision', '--rotate-secret-id', '--json')
  expect(run.code).toBe(3)
  const json = JSON.parse(run.stdout)
  expect(json.deployments.map((d: { status: string }) => d.status)).toEqual([
    'updated',
    'failed'
  ])
  const staging = storedKwargs(servers.astro, DEPLOYMENTS[1] as string)
  expect(staging.secret_id).toBe(before[1]?.secret_id)
  expect((await airflowLogin(servers.vault.url, staging)).status).toBe(200)
  // The first Deployment moved on; its old secret-id is gone.
  const prod = storedKwargs(servers.astro, DEPLOYMENTS[0] as string)
  expect((await airflowLogin(servers.vault.url, prod)).status).toBe(200)
  expect((await airflowLogin(servers.vault.url, before[0] ?? {})).status).toBe(
    400
  )
  // Once Astro answers again, a rerun with rotation converges.
  servers.astro.faults.set({ failPaths: [] })
  expect((await p.run('provision', '--rotate-secret-id')).code).toBe(0)
  const fixed = storedKwargs(servers.astro, DEPLOYMENTS[1] as string)
  expect((await airflowLogin(servers.vault.url, fixed)).status).toBe(200)
  expect((await airflowLogin(servers.vault.url, staging)).status).toBe(400)
})

test('apply cannot rewrite provisioned kwargs: it leaves the Deployment alone and says to run provision', async () => {
  const p = provisionProject(servers)
  expect((await p.run('provision')).code).toBe(0)
  const id = DEPLOYMENTS[0] as string
  const before = storedKwargs(servers.astro, id)
  p.write(
    provisionManifest(servers.astro, {
      mount: servers.mount,
      approle: servers.approle
    }).replace(
      'https://vault.example.com:8200',
      'https://vault2.example.com:8200'
    )
  )
  const posts = servers.astro.changes.length
  const apply = await p.run('apply')
  expect(apply.code).toBe(3)
  expect(apply.stdout).toContain('run `airflow-vault-sync provision`')
  expect(servers.astro.changes.length).toBe(posts)
  expect(storedKwargs(servers.astro, id)).toEqual(before)
  // provision sees the stale kwargs, issues a secret-id and hands them over.
  const run = await p.run('provision', '--json')
  expect(run.code).toBe(0)
  const after = storedKwargs(servers.astro, id)
  expect(after.url).toBe('https://vault2.example.com:8200')
  expect((await airflowLogin(servers.vault.url, after)).status).toBe(200)
  expect((await airflowLogin(servers.vault.url, before)).status).toBe(400)
  expect((await p.run('apply')).code).toBe(0)
})
