import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import {
  airflowLogin,
  call,
  provisionManifest,
  provisionProject,
  startServers,
  type Servers
} from './fixture.js'
import { SEED_IDS } from '../../devserver/astro/index.js'
import { devOnly } from '../vault-devserver/helpers/target.js'

// A fresh, empty server per test (fixed names, the whole mount table
// checked); against OpenBao the same flows run in provision-e2e and
// check-access. Skipped in the real tier.
const test = devOnly

let servers: Servers
beforeEach(async () => {
  servers = await startServers({ devOnly: true })
})
afterEach(() => servers.close())

async function mounts(): Promise<string[]> {
  const res = await call(
    servers.vault.url,
    'GET',
    'sys/mounts',
    servers.vault.rootToken
  )
  return Object.keys(res.body.data as object)
}

test('provision --plan lists every mount, policy, role and secret-id, and writes nothing', async () => {
  const p = provisionProject(servers)
  const run = await p.run('provision', '--plan')
  expect(run.code).toBe(0)
  for (const line of [
    'create    mount airflow/',
    'create    auth auth/approle/',
    'create    policy airflow-airflow',
    'create    approle airflow-production',
    'create    approle airflow-staging',
    'issue     secret-id production (',
    'none issued yet',
    'Deployment staging (',
    'would get new credentials',
    'Policy airflow-vault-sync-airflow (the CI sync identity; printed only'
  ])
    expect(run.stdout).toContain(line)
  expect(await mounts()).not.toContain('airflow/')
  expect(servers.astro.changes).toHaveLength(0)
})

test('an edited policy or role setting is planned as a diff and put back', async () => {
  const p = provisionProject(servers)
  expect((await p.run('provision')).code).toBe(0)
  await call(
    servers.vault.url,
    'POST',
    'sys/policies/acl/airflow-airflow',
    servers.vault.rootToken,
    {
      policy: 'path "airflow/*" {\n  capabilities = ["read", "list"]\n}\n'
    }
  )
  p.write(
    provisionManifest(servers.astro, {
      provision:
        'provision:\n  approle: { token_ttl: 45m, secret_id_bound_cidrs: [127.0.0.1/32] }\n'
    })
  )
  const plan = await p.run('provision', '--plan')
  expect(plan.stdout).toContain('update    policy airflow-airflow')
  expect(plan.stdout).toContain('- path "airflow/*" {')
  expect(plan.stdout).toContain('+ path "airflow/data/connections/*" {')
  expect(plan.stdout).toMatch(
    /update {4}approle airflow-production\n {6}token_ttl\n/
  )
  // Role changes need no new secret-id: the Deployments stay as they are.
  expect(plan.stdout).toContain('unchanged secret-id production')
  const apply = await p.run('provision', '--json')
  expect(apply.code).toBe(0)
  expect(JSON.parse(apply.stdout).vault.done).toEqual([
    'policy airflow-airflow: updated',
    'approle airflow-production: updated',
    'approle airflow-staging: updated'
  ])
  const role = await call(
    servers.vault.url,
    'GET',
    'auth/approle/role/airflow-staging',
    servers.vault.rootToken
  )
  expect((role.body.data as { token_ttl: number }).token_ttl).toBe(2700)
})

test('a mount of another KV version is a conflict that stops before any write', async () => {
  await call(
    servers.vault.url,
    'POST',
    'sys/mounts/airflow',
    servers.vault.rootToken,
    {
      type: 'kv',
      options: { version: '1' }
    }
  )
  const p = provisionProject(servers, { kv: 2 })
  const run = await p.run('provision')
  expect(run.code).toBe(3)
  expect(run.stdout).toContain(
    'conflict: "airflow/" is KV v1 but vault.kv_version is 2; fix kv_version, or upgrade the mount (vault kv enable-versioning airflow/)'
  )
  expect(run.stdout).toContain('Nothing was written.')
  const auth = await call(
    servers.vault.url,
    'GET',
    'sys/auth',
    servers.vault.rootToken
  )
  expect(Object.keys(auth.body.data as object)).not.toContain('approle/')
})

test('without astro: the credentials go to a 0600 file, once; a rerun issues none', async () => {
  const p = provisionProject(servers, { astro: false })
  const refused = await p.run('provision')
  expect(refused.code).toBe(1)
  expect(refused.stdout).toContain('pass --credentials-file FILE')
  expect(await mounts()).not.toContain('airflow/')
  const file = path.join(p.dir, 'out', '..', 'approle.json')
  const first = await p.run('provision', '--credentials-file', file)
  expect(first.code).toBe(0)
  expect(first.stderr).toContain('inside the repository')
  expect(statSync(file).mode & 0o777).toBe(0o600)
  const creds = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>
  expect(creds.role).toBe('airflow-airflow')
  expect(first.stdout).not.toContain(creds.secret_id)
  expect((await airflowLogin(servers.vault.url, creds)).status).toBe(200)
  const again = await p.run('provision', '--credentials-file', file)
  expect(again.code).toBe(0)
  expect(again.stdout).toContain('nothing to change')
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(creds)
  expect(
    (await p.run('provision', '--rotate-secret-id', '--credentials-file', file))
      .code
  ).toBe(0)
  const rotated = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    string
  >
  expect(rotated.secret_id).not.toBe(creds.secret_id)
  expect((await airflowLogin(servers.vault.url, creds)).status).toBe(400)
  expect((await airflowLogin(servers.vault.url, rotated)).status).toBe(200)
})

test('a role_id in the kwargs next to provision: is a problem at its line', async () => {
  const p = provisionProject(servers)
  p.write(
    provisionManifest(servers.astro).replace(
      '    url: https://vault.example.com:8200\n',
      '    url: https://vault.example.com:8200\n    role_id: { env: ROLE_ID }\n'
    )
  )
  const run = await p.run('provision', '--json')
  expect(run.code).toBe(1)
  const problems = JSON.parse(run.stdout).problems as Array<{
    code: string
    line: number
  }>
  expect(problems.map((x) => x.code)).toEqual(['provisioned-credential'])
  expect(problems[0]?.line).toBe(31)
})

test('a credentials file in a missing directory is a usage error before anything is written', async () => {
  const p = provisionProject(servers, { astro: false })
  const run = await p.run(
    'provision',
    '--credentials-file',
    path.join(p.dir, 'no', 'such', 'dir', 'approle.json')
  )
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('no/such/dir does not exist; create it')
  expect(await mounts()).not.toContain('airflow/')
})

test('a Remote Execution Deployment gets no secret-id: its agents read Helm values, not the API', async () => {
  const p = provisionProject(servers)
  p.write(
    provisionManifest(servers.astro).replace(
      '      name: staging\n',
      `      name: staging\n    - id: ${SEED_IDS.remote}\n      name: remote\n`
    )
  )
  const first = await p.run('provision', '--json')
  expect(first.code).toBe(0)
  const json = JSON.parse(first.stdout)
  expect(json.deployments[2].reason).toContain('Remote Execution')
  expect(
    json.deployments.map(
      (d: { planned: string; status: string }) => `${d.planned} ${d.status}`
    )
  ).toEqual(['update updated', 'update updated', 'skipped unchanged'])
  expect(
    json.vault.steps.filter((s: { kind: string }) => s.kind === 'secret-id')
  ).toHaveLength(2)
  const again = JSON.parse((await p.run('provision', '--json')).stdout)
  expect(again.vault.done).toEqual([])
})

test('a mount path inside another mount, or an auth path held by another method, is a conflict', async () => {
  const root = servers.vault.rootToken
  await call(servers.vault.url, 'POST', 'sys/mounts/team', root, {
    type: 'kv',
    options: { version: '2' }
  })
  await call(servers.vault.url, 'POST', 'sys/auth/approle', root, {
    type: 'jwt'
  })
  const p = provisionProject(servers)
  p.write(provisionManifest(servers.astro, { mount: 'team/airflow' }))
  const run = await p.run('provision', '--json')
  expect(run.code).toBe(3)
  expect(JSON.parse(run.stdout).conflicts).toEqual([
    'vault.mount "team/airflow" overlaps the existing mount "team/"; choose a mount path outside it',
    'auth/approle/ is a jwt auth method, not approle; choose another mount'
  ])
  expect(await mounts()).not.toContain('team/airflow/')
})
