import { connectionFromEnv } from '../../src/io/vault-env.js'
import { explainNetwork } from '../../src/clients/vault/explain.js'
import { devOnly } from '../vault-devserver/helpers/target.js'

// Unreachable addresses, no Vault is asked: skipped in the real tier.
const test = devOnly

function warnings(
  address: string,
  extra: Record<string, string> = {}
): string[] {
  const out: string[] = []
  connectionFromEnv(
    { VAULT_ADDR: address, VAULT_TOKEN: 't', ...extra },
    { concurrency: 1 },
    (w) => out.push(w)
  )
  return out
}

test.each([
  ['http://vault.internal:8200', 1],
  ['http://10.0.0.5:8200', 1],
  ['http://127.0.0.1:8200', 0],
  ['http://localhost:8200', 0],
  ['http://[::1]:8200', 0],
  ['https://vault.internal:8200', 0]
])('plain http to %s warns %i time(s)', (address, count) => {
  const found = warnings(address)
  expect(found).toHaveLength(count)
  if (count) expect(found[0]).toContain('plain http and not this machine')
})

test('VAULT_SKIP_VERIFY is honoured only when set, and always warned about', () => {
  expect(warnings('https://v:8200', { VAULT_SKIP_VERIFY: 'true' })).toEqual([
    'VAULT_SKIP_VERIFY is set: the Vault server’s TLS certificate is not checked'
  ])
  expect(warnings('https://v:8200', { VAULT_SKIP_VERIFY: '' })).toEqual([])
  expect(warnings('https://v:8200', { VAULT_SKIP_VERIFY: 'false' })).toEqual([])
})

test('an untrusted certificate says to set VAULT_CACERT', () => {
  for (const code of [
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED'
  ]) {
    expect(explainNetwork(code)).toContain('certificate not trusted')
    expect(explainNetwork(code)).toContain('set VAULT_CACERT')
  }
})

test('a refused connection names VAULT_ADDR', async () => {
  const { cli } = await import('../helpers/cli.js')
  const { mkdtempSync, writeFileSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const path = await import('node:path')
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-net-'))
  writeFileSync(path.join(dir, 'm.yaml'), 'version: 1\nvariables: { a: b }\n')
  const run = await cli(['plan', '-f', 'm.yaml'], {
    cwd: dir,
    env: { VAULT_ADDR: 'http://127.0.0.1:9', VAULT_TOKEN: 't' }
  })
  expect(run.code).toBe(3)
  expect(run.stderr).toContain(
    'connection refused; is VAULT_ADDR right and Vault running?'
  )
})
