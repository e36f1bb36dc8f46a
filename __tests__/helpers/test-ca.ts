/**
 * A throwaway certificate authority, made with the openssl CLI (on every
 * GitHub ubuntu runner) in a temporary directory: nothing secret is
 * committed and nothing expires in the repository. EC P-256 keys keep it
 * to a few tens of milliseconds; make one per test file, in beforeAll.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface KeyPair {
  key: string
  cert: string
}

export interface TestCa {
  dir: string
  /** The CA certificate's file: what VAULT_CACERT points at. */
  caFile: string
  /** For 127.0.0.1 and localhost (SAN IP and DNS). */
  server: KeyPair
  /** Signed by the same CA for vault.example.com only: a wrong host. */
  otherHost: KeyPair
  remove(): void
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
}

/** A leaf for `names`, signed by the CA in `dir`. */
function issue(dir: string, name: string, altNames: string): KeyPair {
  writeFileSync(
    path.join(dir, `${name}.ext`),
    [
      `subjectAltName=${altNames}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth'
    ].join('\n') + '\n'
  )
  openssl(dir, [
    'req',
    ...EC,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${name}`
  ])
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.pem`
  ])
  return {
    key: readFileSync(path.join(dir, `${name}.key`), 'utf8'),
    cert: readFileSync(path.join(dir, `${name}.pem`), 'utf8')
  }
}

export function makeTestCa(): TestCa {
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-ca-'))
  openssl(dir, [
    'req',
    '-x509',
    ...EC,
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=airflow-vault-sync test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign'
  ])
  return {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    server: issue(dir, 'server', 'IP:127.0.0.1,DNS:localhost'),
    otherHost: issue(dir, 'other', 'DNS:vault.example.com'),
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
