/**
 * Issue #14 item 1: a pull request gets the plan role, which plans from
 * fingerprints through our CLI, reads no value and can write or delete
 * nothing; only the default branch in production gets the apply role. On
 * the dev server and, under `npm run test:real`, on OpenBao, with tokens
 * from a loopback issuer.
 */
import { cli, type CliRun } from '../helpers/cli.js'
import { uniq } from '../vault-devserver/helpers/target.js'
import {
  call,
  provisionManifest,
  startServers,
  type Servers
} from './fixture.js'
import {
  APPLY,
  PLAN,
  PR,
  PRODUCTION,
  ciEnv,
  jwtLogin,
  jwtProvision,
  provisionWithRoles,
  startIssuer,
  type Issuer
} from './jwt-roles-fixture.js'

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

test('a pull request plans with the plan role from fingerprints, and gets 403 on a write, a delete and a value', async () => {
  const p = await provisionWithRoles(servers, issuer, jwtMount)
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
