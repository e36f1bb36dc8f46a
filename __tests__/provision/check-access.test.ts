import {
  call,
  provisionProject,
  startServers,
  type Servers
} from './fixture.js'
import { manifestFor, project } from '../sync/fixture.js'

let servers: Servers
beforeEach(async () => {
  servers = await startServers()
})
afterEach(() => servers.close())

test('after provision, check-access proves each AppRole reads every managed path and nothing more', async () => {
  const p = provisionProject(servers)
  expect((await p.run('provision')).code).toBe(0)
  const run = await p.run('check-access')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(run.stdout).toContain('AppRole airflow-production (production')
  expect(run.stdout).toMatch(
    /ok: reads every managed secret.*\(10 paths checked\)/
  )
  // The one-use secret-ids it logged in with are spent: none is left over.
  const listed = await call(
    servers.vault.url,
    'GET',
    `auth/${servers.approle}/role/airflow-production/secret-id?list=true`,
    servers.vault.rootToken
  )
  expect((listed.body.data as { keys: string[] }).keys).toHaveLength(1)
})

test('too broad a policy fails: write and list are reported per path', async () => {
  const p = provisionProject(servers)
  expect((await p.run('provision')).code).toBe(0)
  await call(
    servers.vault.url,
    'POST',
    `sys/policies/acl/airflow-${servers.mount}`,
    servers.vault.rootToken,
    {
      policy: `path "${servers.mount}/*" { capabilities = ["create", "read", "update", "list"] }`
    }
  )
  const run = await p.run('check-access', '--json')
  expect(run.code).toBe(1)
  const json = JSON.parse(run.stdout)
  const findings = json.identities[0].findings
  expect(findings).toContainEqual(
    expect.objectContaining({
      what: 'connection warehouse',
      problem: 'may also create, update'
    })
  )
  expect(findings).toContainEqual(
    expect.objectContaining({
      what: 'folder connections/',
      problem: 'may list it'
    })
  )
  expect(findings).toContainEqual(
    expect.objectContaining({
      what: 'a path outside the managed ones',
      problem: 'may read it'
    })
  )
  expect(json.fix.hcl).toContain(`path "${servers.mount}/data/variables/*"`)
})

test('the Astro guide’s policy (secret/* while Airflow reads airflow/) fails, with the fix printed', async () => {
  // As the guide has it: a hand-made role, its credentials in the kwargs.
  const root = servers.vault.rootToken
  const url = servers.vault.url
  const mount = servers.mount
  const approle = servers.approle
  await call(url, 'POST', `sys/mounts/${mount}`, root, {
    type: 'kv',
    options: { version: '2' }
  })
  await call(url, 'POST', `sys/auth/${approle}`, root, { type: 'approle' })
  await call(url, 'POST', 'sys/policies/acl/astro_policy', root, {
    policy:
      'path "secret/*" {\n  capabilities = ["create", "read", "update", "patch", "delete", "list"]\n}'
  })
  await call(url, 'POST', `auth/${approle}/role/astro_role`, root, {
    token_policies: ['astro_policy']
  })
  await call(url, 'POST', `auth/${approle}/role/astro_role/role-id`, root, {
    role_id: 'astro_role'
  })
  const issued = await call(
    url,
    'POST',
    `auth/${approle}/role/astro_role/secret-id`,
    root
  )
  const secretId = (issued.body.data as { secret_id: string }).secret_id
  const p = project(url, root)
  delete p.env.VAULT_TOKEN // only Airflow's own credentials
  Object.assign(p.env, {
    ASTRO_API_URL: servers.astro.url,
    ASTRO_API_TOKEN: 'x',
    SECRET_ID: secretId
  })
  p.write(
    manifestFor(
      mount,
      `astro:
  organization_id: org
  deployments: [{ id: ${'clx5std00000108l1s9d2k4e7a'} }]
  backend_kwargs:
    url: https://vault.example.com:8200
    auth_type: approle
    auth_mount_point: ${approle}
    role_id: astro_role
    secret_id: { env: SECRET_ID }
`
    )
  )
  const run = await p.run('check-access')
  expect(run.code).toBe(1)
  expect(run.stdout).toContain(
    `connection warehouse (${mount}/data/connections/warehouse): cannot read it`
  )
  expect(run.stdout).toContain('a rule on "secret/*"')
  expect(run.stdout).toContain(
    `path "${mount}/data/connections/*" {\n  capabilities = ["read"]\n}`
  )
  expect(run.stdout + run.stderr).not.toContain(secretId)
})

test('check-access with provision: but no operator token says what to set', async () => {
  const p = provisionProject(servers)
  delete p.env.VAULT_TOKEN
  const run = await p.run('check-access')
  expect(run.code).toBe(3)
  expect(run.stderr).toContain('needs an operator token: set VAULT_TOKEN')
})

test('check-access before provision says to run provision', async () => {
  const p = provisionProject(servers)
  const run = await p.run('check-access')
  expect(run.code).toBe(3)
  expect(run.stderr).toContain(
    `there is no AppRole airflow-production at auth/${servers.approle}/; run \`airflow-vault-sync provision\` first`
  )
})
