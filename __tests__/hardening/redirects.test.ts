/**
 * Issue #14 item 2: a redirect is followed only to the same scheme, host
 * and port (Vault's HA standby); anywhere else the run stops with exit 3,
 * naming the target without its query, and nothing reaches that server.
 */
import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import {
  SEED_IDS,
  startAstroTestServer,
  type AstroTestServer
} from '../../devserver/astro/index.js'
import { checkRedirect } from '../../src/clients/net/redirect-policy.js'
import { manifestFor, project } from '../sync/fixture.js'
import { startCollector, startRedirector, type Collector } from './servers.js'

let vault: VaultDevServer
let collector: Collector
beforeEach(async () => {
  vault = await startVaultDevServer({
    mounts: [{ path: 'airflow', version: 2 }]
  })
  collector = await startCollector()
})
afterEach(async () => {
  await vault.close()
  await collector.close()
})

const elsewhere = (req: { url?: string }): string =>
  `${collector.url}${req.url}?signature=s3cr3t-sig`

test('the Vault token is never sent to another origin', async () => {
  const front = await startRedirector(vault.url, elsewhere)
  const p = project(front.url, vault.rootToken)
  p.write(manifestFor('airflow'))
  const run = await p.run('plan')
  await front.close()
  expect(run.code).toBe(3)
  expect(run.stderr).toContain(`redirected to ${collector.url}/v1/`)
  expect(run.stderr).not.toContain('s3cr3t-sig')
  expect(collector.connections()).toBe(0)
})

test('an AppRole login body is never sent to another origin', async () => {
  const front = await startRedirector(vault.url, elsewhere)
  const p = project(front.url, '')
  delete p.env.VAULT_TOKEN
  Object.assign(p.env, { VAULT_ROLE_ID: 'role', VAULT_SECRET_ID: 'sid-5ecret' })
  p.write(manifestFor('airflow'))
  const run = await p.run('apply')
  await front.close()
  expect(run.code).toBe(3)
  expect(run.stderr).toContain(`${collector.url}/v1/auth/approle/login`)
  expect(collector.connections()).toBe(0)
})

test("a same-origin redirect (an HA standby's) is followed, body and all", async () => {
  const seen = new Set<string>()
  const front = await startRedirector(vault.url, (req, self) => {
    const key = `${req.method} ${req.url}`
    if (seen.has(key)) return undefined
    seen.add(key)
    return `${self}${req.url}`
  })
  const p = project(front.url, vault.rootToken)
  p.write(manifestFor('airflow'))
  const apply = await p.run('apply')
  expect(apply.stderr).toBe('')
  expect(apply.code).toBe(0)
  const drift = await p.run('drift')
  await front.close()
  expect(drift.code).toBe(0)
  expect(front.redirected()).toBeGreaterThan(5)
})

test('https to http is another origin, even on the same host and port', () => {
  expect(() =>
    checkRedirect('Vault', 'https://vault:8200/v1/a', 'http://vault:8200/v1/a')
  ).toThrow('redirected to http://vault:8200/v1/a')
  expect(() =>
    checkRedirect('Vault', 'https://vault/v1/a', 'https://vault:443/v1/b?x=1')
  ).not.toThrow()
})

describe('the Astro API', () => {
  let astro: AstroTestServer
  beforeEach(async () => {
    astro = await startAstroTestServer()
  })
  afterEach(async () => astro.close())

  test('its token is never sent to another origin', async () => {
    const front = await startRedirector(astro.url, elsewhere)
    const p = project(vault.url, vault.rootToken)
    Object.assign(p.env, {
      ASTRO_API_URL: front.url,
      ASTRO_API_TOKEN: astro.token
    })
    p.write(
      manifestFor('airflow') +
        `astro:
  organization_id: ${astro.organizationId}
  deployments:
    - id: ${SEED_IDS.standard}
  backend_kwargs:
    url: https://vault.example.com:8200
`
    )
    const run = await p.run('apply')
    await front.close()
    expect(run.code).toBe(3)
    expect(run.stdout + run.stderr).toContain(`redirected to ${collector.url}/`)
    expect(run.stdout + run.stderr).not.toContain('s3cr3t-sig')
    expect(collector.connections()).toBe(0)
  })
})
