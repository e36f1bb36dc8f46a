/**
 * The GitHub JWT roles through our CLI, on the dev server and (npm run
 * test:real) on OpenBao: apply, prune and drift with the apply role, plan
 * with the plan role, a rerun of provision that changes nothing, and what
 * neither CI identity may do.
 */
import { cli } from '../helpers/cli.js'
import { uniq } from '../vault-devserver/helpers/target.js'
import {
  call,
  provisionManifest,
  provisionProject,
  startServers,
  type Servers
} from './fixture.js'
import {
  REPO,
  ciEnv,
  jwtLogin,
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

test('the apply role logs CI in with the sync policy, enough for apply, prune and drift; the plan role plans; neither provisions', async () => {
  const mount = servers.real ? uniq('jwt') : 'jwt'
  const provision = jwtProvision(issuer, { mount, approle: servers.approle })
  const p = provisionProject(servers, { provision })
  const manifest = provisionManifest(servers.astro, {
    mount: servers.mount,
    provision
  }).replace('  kv_version: 2\n', '  kv_version: 2\n  prune: true\n')
  p.write(manifest)
  const run = await p.run('provision', '--plan')
  expect(run.code).toBe(0)
  // The plan names both roles with what they bind, and prints the policies.
  expect(run.stdout).toContain('create    jwt-role airflow-vault-sync-plan')
  expect(run.stdout).toContain(
    '      bound ref: refs/heads/main, refs/pull/*/merge'
  )
  expect(run.stdout).toContain('create    jwt-role airflow-vault-sync-apply')
  expect(run.stdout).toContain('      bound ref: refs/heads/main\n')
  expect(run.stdout).toContain('      bound repository_id: 700100')
  expect(run.stdout).toContain(
    `Policy airflow-vault-sync-plan-${servers.mount} (the CI plan identity, read-only)`
  )
  expect((await p.run('provision')).code).toBe(0)
  const operator = { ...p.env }
  const main = issuer.token()
  Object.assign(p.env, ciEnv(operator, mount, 'airflow-vault-sync-apply', main))
  delete p.env.VAULT_TOKEN
  const apply = await p.run('apply')
  expect(apply.stderr).toBe('')
  expect(apply.code).toBe(0)
  p.write(manifest.replace('  retries: 3\n', ''))
  const prune = await p.run('apply', '--json')
  expect(prune.code).toBe(0)
  expect(JSON.parse(prune.stdout).vault.changes).toContainEqual(
    expect.objectContaining({ key: 'retries', action: 'delete' })
  )
  const drift = await p.run('drift')
  expect(drift.stdout).toContain('No drift')
  expect(drift.code).toBe(0)
  // A pull request's merge ref may plan with the plan role.
  const pr = issuer.token({ ref: 'refs/pull/42/merge' })
  const plan = await cli(['plan', '-f', 'airflow-secrets.yaml'], {
    cwd: p.dir,
    env: ciEnv(operator, mount, 'airflow-vault-sync-plan', pr)
  })
  expect(plan.stderr).toBe('')
  expect(plan.code).toBe(0)
  // The single role of an earlier provision, which let pull requests
  // write, is retired by the next provision.
  const url = servers.vault.url
  const legacy = await call(
    url,
    'POST',
    `auth/${mount}/role/airflow-vault-sync`,
    servers.vault.rootToken,
    {
      role_type: 'jwt',
      user_claim: 'repository',
      bound_audiences: ['https://github.com/octo-org'],
      bound_claims_type: 'glob',
      bound_claims: {
        repository: REPO.name,
        ref: ['refs/heads/main', 'refs/pull/*/merge']
      },
      token_policies: [`airflow-vault-sync-${servers.mount}`]
    }
  )
  expect(legacy.status).toBe(204)
  expect((await jwtLogin(url, mount, 'airflow-vault-sync', pr)).status).toBe(
    200
  )
  const retire = await cli(['provision'], { cwd: p.dir, env: operator })
  expect(retire.stdout).toContain('  delete    jwt-role airflow-vault-sync\n')
  expect(retire.stdout).toContain('jwt-role airflow-vault-sync: deleted')
  expect((await jwtLogin(url, mount, 'airflow-vault-sync', pr)).status).toBe(
    400
  )
  // A rerun of provision is a no-op.
  const rerun = await cli(['provision', '--json'], {
    cwd: p.dir,
    env: operator
  })
  expect(JSON.parse(rerun.stdout)).toMatchObject({
    ok: true,
    vault: { changes: 0 }
  })
  // The sync identity may not provision: it is not an admin.
  const denied = await p.run('provision')
  expect(denied.code).toBe(3)
  // sys/mounts and sys/auth are read together: either refusal may come first.
  expect(denied.stderr).toMatch(/permission denied: GET sys\/(mounts|auth)/)
  // Another branch's token is refused by the role's bound claims.
  p.env.VAULT_JWT = issuer.token({ ref: 'refs/heads/feature' })
  const refused = await p.run('plan')
  expect(refused.code).toBe(3)
  expect(refused.stderr).toContain(`jwt login at auth/${mount} failed`)
  // The sync identity cannot touch what is outside its paths.
  const login = await jwtLogin(
    servers.vault.url,
    mount,
    'airflow-vault-sync-apply',
    main
  )
  const outside = await call(
    servers.vault.url,
    'POST',
    `${servers.mount}/data/elsewhere/x`,
    login.token,
    { data: { a: 'b' } }
  )
  expect(outside.status).toBe(403)
  const policy = await call(
    servers.vault.url,
    'POST',
    'sys/policies/acl/mine',
    login.token,
    {
      policy: 'path "*" { capabilities = ["sudo"] }'
    }
  )
  expect(policy.status).toBe(403)
})
