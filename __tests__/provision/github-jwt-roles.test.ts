/**
 * Issue #14 item 1: pull requests get a plan role that reads no value and
 * can write or delete nothing; only the default branch (and, when bound,
 * the production environment) gets the apply role; both roles bind the
 * repository's and owner's ids. On the dev server and, under
 * `npm run test:real`, on OpenBao, with tokens from a loopback issuer.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, type CliRun } from '../helpers/cli.js'
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

const PLAN = 'airflow-vault-sync-plan'
const APPLY = 'airflow-vault-sync-apply'
const PR = { ref: 'refs/pull/42/merge', sub: `repo:${REPO.name}:pull_request` }
const PRODUCTION = {
  environment: 'production',
  sub: `repo:${REPO.name}:environment:production`
}

let servers: Servers
let issuer: Issuer
let jwtMount: string
beforeEach(async () => {
  servers = await startServers()
  issuer = await startIssuer()
  jwtMount = servers.real ? uniq('jwt') : 'jwt'
})
afterEach(async () => {
  await issuer.close()
  await servers.close()
})

/** A provisioned project whose apply role also needs environment: production. */
async function provisioned(): Promise<ReturnType<typeof provisionProject>> {
  const provision = jwtProvision(issuer, {
    mount: jwtMount,
    approle: servers.approle,
    lines: '    ref: refs/heads/main\n    environment: production\n'
  })
  const p = provisionProject(servers, { provision, astro: false })
  p.write(provisionManifest(undefined, { mount: servers.mount, provision }))
  const run = await p.run(
    'provision',
    '--credentials-file',
    join(mkdtempSync(join(tmpdir(), 'avs-creds-')), 'approle.json')
  )
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return p
}

test('a pull request plans with the plan role from fingerprints, and gets 403 on a write, a delete and a value', async () => {
  const p = await provisioned()
  const operator = { ...p.env }
  const as = (
    role: string,
    claims: Record<string, unknown>
  ): Record<string, string> =>
    ciEnv(operator, jwtMount, role, issuer.token(claims))
  const run = (
    env: Record<string, string>,
    command: string,
    ...args: string[]
  ): Promise<CliRun> =>
    cli([command, '-f', 'airflow-secrets.yaml', ...args], { cwd: p.dir, env })
  // The default branch, in the production environment: apply.
  const apply = await run(as(APPLY, PRODUCTION), 'apply')
  expect(apply.stderr).toBe('')
  expect(apply.code).toBe(0)
  // The pull request: an honest plan without reading a value.
  const plan = await run(as(PLAN, PR), 'plan')
  expect(plan.stderr).toBe('')
  expect(plan.code).toBe(0)
  expect(plan.stdout).toContain(
    '0 to create, 0 to update, 0 to delete, 6 unchanged'
  )
  p.write(
    provisionManifest(undefined, {
      mount: servers.mount,
      provision: jwtProvision(issuer, {
        mount: jwtMount,
        approle: servers.approle,
        lines: '    ref: refs/heads/main\n    environment: production\n'
      })
    }).replace('retries: 3', 'retries: 4')
  )
  const changed = JSON.parse((await run(as(PLAN, PR), 'plan', '--json')).stdout)
  expect(changed.vault.changes).toContainEqual(
    expect.objectContaining({
      key: 'retries',
      action: 'update',
      fields: ['value (by fingerprint)']
    })
  )
  const drift = await run(as(PLAN, { ref: 'refs/heads/main' }), 'drift')
  expect(drift.stdout).toContain(
    'variable retries changed in Vault: value (by fingerprint)'
  )
  // The same token, by hand: no write, no delete, no value.
  const pr = await jwtLogin(servers.vault.url, jwtMount, PLAN, issuer.token(PR))
  expect(pr.status).toBe(200)
  const m = servers.mount
  const url = servers.vault.url
  const write = await call(
    url,
    'POST',
    `${m}/data/variables/retries`,
    pr.token,
    {
      data: { value: 'pwned' }
    }
  )
  expect(write.status).toBe(403)
  const create = await call(url, 'POST', `${m}/data/variables/new`, pr.token, {
    data: { value: 'x' }
  })
  expect(create.status).toBe(403)
  expect(
    (await call(url, 'DELETE', `${m}/data/variables/retries`, pr.token)).status
  ).toBe(403)
  expect(
    (await call(url, 'DELETE', `${m}/metadata/variables/retries`, pr.token))
      .status
  ).toBe(403)
  expect(
    (await call(url, 'GET', `${m}/data/connections/warehouse`, pr.token)).status
  ).toBe(403)
  // apply with the pull request's token is refused before any write.
  const prApply = await run(as(PLAN, PR), 'apply')
  expect(prApply.code).toBe(3)
  expect(prApply.stderr).toContain('nothing was written')
  // And the pull request may not log in to the apply role at all.
  const refused = await jwtLogin(url, jwtMount, APPLY, issuer.token(PR))
  expect(refused.status).toBe(400)
  expect((await run(as(APPLY, PR), 'plan')).stderr).toContain(
    `jwt login at auth/${jwtMount} failed`
  )
})

test('the apply role refuses the default branch without the environment, and any token of another repository id', async () => {
  await provisioned()
  const url = servers.vault.url
  const main = { ref: 'refs/heads/main' }
  expect(
    (await jwtLogin(url, jwtMount, APPLY, issuer.token(PRODUCTION))).status
  ).toBe(200)
  const noEnv = await jwtLogin(url, jwtMount, APPLY, issuer.token(main))
  expect(noEnv.status).toBe(400)
  expect(noEnv.error).toContain('environment')
  // The plan role still lets main plan and drift.
  expect((await jwtLogin(url, jwtMount, PLAN, issuer.token(main))).status).toBe(
    200
  )
  // A repository recreated under the same name has another id.
  for (const other of [
    { repository_id: '700101' },
    { repository_owner_id: '900201' }
  ]) {
    for (const role of [PLAN, APPLY]) {
      const r = await jwtLogin(
        url,
        jwtMount,
        role,
        issuer.token({ ...PRODUCTION, ...other })
      )
      expect(r.status).toBe(400)
      expect(r.error).toContain(Object.keys(other)[0])
    }
  }
  // Another branch gets neither role.
  const feature = { ref: 'refs/heads/feature', ...PRODUCTION }
  expect(
    (await jwtLogin(url, jwtMount, APPLY, issuer.token({ ...feature }))).status
  ).toBe(400)
  expect(
    (
      await jwtLogin(
        url,
        jwtMount,
        PLAN,
        issuer.token({ ref: 'refs/heads/feature' })
      )
    ).status
  ).toBe(400)
})
