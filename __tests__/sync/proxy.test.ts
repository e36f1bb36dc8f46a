/**
 * A runner behind a proxy: the CLI's Vault requests (HTTPS, tunnelled
 * with CONNECT) and Astro requests (plain http here, forwarded) go
 * through HTTPS_PROXY / HTTP_PROXY unless NO_PROXY lists the host, and a
 * proxy that refuses is named, without its credentials.
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
import { makeTestCa, type TestCa } from '../helpers/test-ca.js'
import { startTestProxy, type TestProxy } from '../helpers/proxy.js'
import { manifestFor, project, type SyncProject } from './fixture.js'
import { devOnly } from '../vault-devserver/helpers/target.js'

// The proxy is the subject, in front of a dev server with this suite's test CA (OpenBao's TLS: tls.test.ts): skipped in the real tier.
const test = devOnly

let ca: TestCa
let vault: VaultDevServer
let astro: AstroTestServer
let proxy: TestProxy
beforeAll(async () => {
  ca = makeTestCa()
  vault = await startVaultDevServer({
    mounts: [{ path: 'airflow', version: 2 }],
    tls: ca.server
  })
  astro = await startAstroTestServer()
})
beforeEach(async () => {
  proxy = await startTestProxy()
})
afterEach(() => proxy.close())
afterAll(async () => {
  await vault.close()
  await astro.close()
  ca.remove()
})

const port = (url: string): string => new URL(url).port

function proxiedProject(proxyUrl: string): SyncProject {
  const p = project(vault.url, vault.rootToken)
  Object.assign(p.env, {
    VAULT_CACERT: ca.caFile,
    HTTPS_PROXY: proxyUrl,
    HTTP_PROXY: proxyUrl,
    ASTRO_API_URL: astro.url,
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
    auth_type: token
`
  )
  return p
}

test('Vault and Astro requests go through the proxy, and apply succeeds', async () => {
  const p = proxiedProject(proxy.url)
  const run = await p.run('apply')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(proxy.seen).toContain(`CONNECT 127.0.0.1:${port(vault.url)}`)
  const astroPrefix = `GET ${astro.url}/`
  expect(proxy.seen.some((line) => line.startsWith(astroPrefix))).toBe(true)
  expect(proxy.seen.some((line) => line.startsWith('POST '))).toBe(true)
})

test('NO_PROXY that lists the host keeps every request off the proxy', async () => {
  const p = proxiedProject(proxy.url)
  p.env.NO_PROXY = 'example.com, 127.0.0.1'
  const run = await p.run('plan')
  expect(run.code).toBe(0)
  expect(proxy.seen).toEqual([])
})

test('NO_PROXY with a port bypasses only that port', async () => {
  const p = proxiedProject(proxy.url)
  p.env.no_proxy = `127.0.0.1:${port(vault.url)}`
  const run = await p.run('plan')
  expect(run.code).toBe(0)
  expect(proxy.seen.some((line) => line.startsWith('CONNECT'))).toBe(false)
  expect(proxy.seen.length).toBeGreaterThan(0)
})

test('credentials in the proxy URL are sent to it and never printed', async () => {
  const credentials = { user: 'runner', password: 'pr0xy-s3cret' }
  const guarded = await startTestProxy({ credentials })
  try {
    const p = proxiedProject(guarded.url)
    const run = await p.run('plan')
    expect(run.code).toBe(0)
    expect(guarded.seen.length).toBeGreaterThan(0)
    const wrong = proxiedProject(guarded.url.replace('s3cret', 'guess'))
    const refused = await wrong.run('plan')
    expect(refused.code).toBe(3)
    expect(refused.stderr).toContain(
      `the proxy http://127.0.0.1:${port(guarded.url)} refused the tunnel`
    )
    expect(refused.stderr).toContain('407')
    expect(refused.stderr + refused.stdout).not.toMatch(/guess|runner/)
  } finally {
    await guarded.close()
  }
})

test('a proxy that refuses the Astro API is named too, without retries', async () => {
  const credentials = { user: 'runner', password: 'pr0xy-s3cret' }
  const guarded = await startTestProxy({ credentials })
  try {
    const p = proxiedProject(guarded.url.replace('s3cret', 'guess'))
    p.env.NO_PROXY = `127.0.0.1:${port(vault.url)}`
    const run = await p.run('apply')
    expect(run.code).toBe(3)
    expect(run.stdout + run.stderr).toContain(
      `the proxy http://127.0.0.1:${port(guarded.url)} answered 407`
    )
    expect(run.stdout + run.stderr).not.toMatch(/guess|runner/)
    expect(guarded.seen).toHaveLength(1)
  } finally {
    await guarded.close()
  }
})

test('a proxy that is not listening is named: exit 3', async () => {
  const url = proxy.url
  await proxy.close()
  const run = await proxiedProject(url).run('plan')
  expect(run.code).toBe(3)
  expect(run.stderr).toContain(`the proxy ${url} cannot be reached`)
  expect(run.stderr).toContain('HTTPS_PROXY')
})

test('a malformed proxy setting is a usage error that does not echo it', async () => {
  const p = proxiedProject('http://user:hunter2@[bad')
  const run = await p.run('plan')
  expect(run.code).toBe(2)
  expect(run.stderr).toContain('HTTPS_PROXY is not a proxy address')
  expect(run.stderr).not.toContain('hunter2')
})

test('only the given environment counts: a proxy in process.env is ignored', async () => {
  const saved = process.env.HTTPS_PROXY
  process.env.HTTPS_PROXY = proxy.url
  try {
    const p = project(vault.url, vault.rootToken)
    p.env.VAULT_CACERT = ca.caFile
    p.write(manifestFor('airflow'))
    const run = await p.run('plan')
    expect(run.code).toBe(0)
    expect(proxy.seen).toEqual([])
  } finally {
    if (saved === undefined) delete process.env.HTTPS_PROXY
    else process.env.HTTPS_PROXY = saved
  }
})
