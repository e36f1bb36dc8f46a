/**
 * The CLI against a Vault that speaks HTTPS: untrusted until VAULT_CACERT
 * names the CA, VAULT_SKIP_VERIFY only when set (and warned about), and a
 * wrong CA file or host named in the message. In the real tier the Vault is
 * OpenBao's `-dev-tls` with the CA it makes; otherwise the dev server with
 * a CA made for this file (which also signs a certificate for another host).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startVaultDevServer } from '../../devserver/vault/index.js'
import { startOpenBao } from '../../tools/real-systems/openbao.js'
import { makeTestCa, type TestCa } from '../helpers/test-ca.js'
import { devOnly, serverKind } from '../vault-devserver/helpers/target.js'
import { manifestFor, project, type SyncProject } from './fixture.js'

interface TlsVault {
  url: string
  token: string
  caFile: string
  close(): Promise<void>
}

async function startTlsVault(ca: TestCa): Promise<TlsVault> {
  if (serverKind !== 'openbao') {
    const dev = await startVaultDevServer({ tls: ca.server })
    const { url, rootToken: token } = dev
    return { url, token, caFile: ca.caFile, close: () => dev.close() }
  }
  const bao = await startOpenBao({ tls: true })
  const dir = mkdtempSync(path.join(tmpdir(), 'bao-ca-'))
  const caFile = path.join(dir, 'vault-ca.pem')
  writeFileSync(caFile, bao.caCert ?? '')
  const close = async (): Promise<void> => {
    await bao.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return { url: bao.url, token: bao.token, caFile, close }
}

let ca: TestCa
let vault: TlsVault
beforeAll(async () => {
  ca = makeTestCa()
  vault = await startTlsVault(ca)
})
afterAll(async () => {
  await vault.close()
  ca.remove()
})

/** `secret/` is KV v2 on both servers, as in `vault server -dev`. */
function tlsProject(url = vault.url): SyncProject {
  const p = project(url, vault.token)
  p.write(manifestFor('secret'))
  return p
}

test('the server speaks https', () => {
  expect(vault.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
})

test('without VAULT_CACERT the certificate is not trusted: exit 3, and what to set', async () => {
  const run = await tlsProject().run('plan')
  expect(run.code).toBe(3)
  expect(run.stderr).toContain('certificate not trusted')
  expect(run.stderr).toContain('set VAULT_CACERT')
})

test('VAULT_CACERT makes it trusted: apply, then a clean plan', async () => {
  const p = tlsProject()
  p.env.VAULT_CACERT = vault.caFile
  const apply = await p.run('apply')
  expect(apply.stderr).toBe('')
  expect(apply.code).toBe(0)
  const plan = await p.json('plan')
  expect(plan.ok).toBe(true)
  expect(plan.vault?.changes.every((c) => c.action === 'unchanged')).toBe(true)
})

test('VAULT_SKIP_VERIFY=true connects, and warns on every run', async () => {
  const p = tlsProject()
  p.env.VAULT_SKIP_VERIFY = 'true'
  for (let i = 0; i < 2; i++) {
    const run = await p.run('plan')
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('VAULT_SKIP_VERIFY is set')
  }
  p.env.VAULT_SKIP_VERIFY = 'false'
  const refused = await p.run('plan')
  expect(refused.code).toBe(3)
  expect(refused.stderr).toContain('certificate not trusted')
})

test('a missing VAULT_CACERT file is a usage error naming the path', async () => {
  const p = tlsProject()
  p.env.VAULT_CACERT = path.join(p.dir, 'no-such-ca.pem')
  const run = await p.run('plan')
  expect(run.code).toBe(2)
  expect(run.stderr).toContain(`cannot read ${p.env.VAULT_CACERT}`)
  expect(run.stderr).toContain('PEM file of the CA')
})

test('a VAULT_CACERT file that is not a certificate is a usage error', async () => {
  const p = tlsProject()
  p.env.VAULT_CACERT = path.join(p.dir, 'ca.pem')
  writeFileSync(p.env.VAULT_CACERT, 'not a certificate\n')
  const run = await p.run('plan')
  expect(run.code).toBe(2)
  expect(run.stderr).toContain(`${p.env.VAULT_CACERT} holds no PEM certificate`)
})

// The CA made here signs a certificate for another host; OpenBao's own CA
// only signs one for this machine.
devOnly('a certificate for another host says so', async () => {
  const other = await startVaultDevServer({ tls: ca.otherHost })
  try {
    const p = tlsProject(other.url)
    p.env.VAULT_CACERT = ca.caFile
    const run = await p.run('plan')
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('does not name this host')
  } finally {
    await other.close()
  }
})

test('localhost is in the certificate too', async () => {
  const p = tlsProject(vault.url.replace('127.0.0.1', 'localhost'))
  p.env.VAULT_CACERT = vault.caFile
  const run = await p.run('plan')
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
})

test('https:// to a plain-http Vault says which of the two is wrong', async () => {
  // The real tier's plain OpenBao, or a plain dev server.
  const plain =
    serverKind === 'openbao'
      ? { url: process.env.VAULT_ADDR ?? '', close: async () => {} }
      : await startVaultDevServer()
  try {
    const p = tlsProject(plain.url.replace('http:', 'https:'))
    p.env.VAULT_CACERT = vault.caFile
    const run = await p.run('plan')
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('the TLS handshake failed')
  } finally {
    await plain.close()
  }
})
