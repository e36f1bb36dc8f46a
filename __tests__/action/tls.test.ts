/**
 * The Action against an HTTPS Vault with a private CA, and behind a proxy
 * as on a self-hosted runner: `vault-ca-cert` makes the certificate
 * trusted, VAULT_SKIP_VERIFY is a warning on every run, HTTPS_PROXY is
 * honoured.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import { runAction } from '../helpers/action.js'
import { startTestProxy } from '../helpers/proxy.js'
import { makeTestCa, type TestCa } from '../helpers/test-ca.js'

let ca: TestCa
let vault: VaultDevServer
beforeAll(async () => {
  ca = makeTestCa()
  vault = await startVaultDevServer({
    mounts: [{ path: 'airflow', version: 2 }],
    tls: ca.server
  })
})
afterAll(async () => {
  await vault.close()
  ca.remove()
})

function workspace(): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-action-tls-'))
  mkdirSync(path.join(dir, '.git'))
  writeFileSync(
    path.join(dir, 'airflow-secrets.yaml'),
    'version: 1\nvault: { mount: airflow }\nvariables: { environment: ci }\n'
  )
  return { GITHUB_WORKSPACE: dir }
}

const inputs = (): Record<string, string> => ({
  command: 'plan',
  'vault-address': vault.url,
  'vault-token': vault.rootToken
})

test('without vault-ca-cert the step fails and says what to set', async () => {
  const run = await runAction(inputs(), workspace())
  expect(run.exitCode).toBe(1)
  expect(run.outputs['error-message']).toContain('certificate not trusted')
  expect(run.outputs['error-message']).toContain('the vault-ca-cert input')
})

test('vault-ca-cert makes the certificate trusted', async () => {
  const run = await runAction(
    { ...inputs(), 'vault-ca-cert': ca.caFile },
    workspace()
  )
  expect(run.exitCode).toBeUndefined()
  expect(run.outputs.ok).toBe('true')
  expect(run.outputs.changed).toBe('true')
})

test('a vault-ca-cert that cannot be read fails the step, naming it', async () => {
  const missing = path.join(ca.dir, 'missing.pem')
  const run = await runAction(
    { ...inputs(), 'vault-ca-cert': missing },
    workspace()
  )
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toContain(`VAULT_CACERT: cannot read ${missing}`)
})

test('VAULT_SKIP_VERIFY connects and is a warning on every run', async () => {
  for (let i = 0; i < 2; i++) {
    const run = await runAction(inputs(), {
      ...workspace(),
      VAULT_SKIP_VERIFY: 'true'
    })
    expect(run.exitCode).toBeUndefined()
    expect(run.stdout).toContain('::warning::VAULT_SKIP_VERIFY is set')
  }
})

test('behind a proxy: HTTPS_PROXY carries the Vault requests', async () => {
  const proxy = await startTestProxy()
  try {
    const run = await runAction(
      { ...inputs(), 'vault-ca-cert': ca.caFile },
      { ...workspace(), HTTPS_PROXY: proxy.url }
    )
    expect(run.exitCode).toBeUndefined()
    expect(run.outputs.ok).toBe('true')
    expect(proxy.seen).toContain(`CONNECT 127.0.0.1:${new URL(vault.url).port}`)
  } finally {
    await proxy.close()
  }
})
