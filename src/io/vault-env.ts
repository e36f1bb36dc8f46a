import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { VaultAuth, VaultConnection } from '../clients/vault/session.js'
import { applyProxyEnv } from './proxy-env.js'
import { SettingsError } from './settings-error.js'
import { shownAddress } from '../core/render/address.js'
import { urlCredentials } from './url-credentials.js'
import { parseGoBool } from './go-bool.js'

export { SettingsError }

export interface ConnectionOptions {
  concurrency: number
  timeoutMs?: number
  /** vault.namespace from the manifest wins over VAULT_NAMESPACE. */
  namespace?: string
  /** A JWT obtained by the front end (GitHub OIDC in the Action). */
  jwt?: string
}

/**
 * The vault CLI's environment: VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE,
 * VAULT_CACERT, VAULT_SKIP_VERIFY; AppRole with VAULT_ROLE_ID and
 * VAULT_SECRET_ID; JWT with VAULT_JWT_ROLE and VAULT_JWT. Also gives the
 * process's clients HTTPS_PROXY, HTTP_PROXY and NO_PROXY (proxy-env.ts).
 */
export function connectionFromEnv(
  env: NodeJS.ProcessEnv,
  options: ConnectionOptions,
  warn: (message: string) => void
): VaultConnection {
  const address = (env.VAULT_ADDR || 'http://127.0.0.1:8200').trim()
  if (!/^https?:\/\/[^/]+/.test(address)) {
    throw new SettingsError(
      `VAULT_ADDR "${shownAddress(address)}" is not an http(s) address, such as https://vault.example.com:8200`
    )
  }
  if (/^http:\/\//i.test(address) && !isLoopback(address)) {
    warn(
      `VAULT_ADDR ${shownAddress(address)} is plain http and not this machine: tokens and secrets cross the network unencrypted; use https`
    )
  }
  applyProxyEnv(env)
  const skipVerify = parseGoBool('VAULT_SKIP_VERIFY', env.VAULT_SKIP_VERIFY)
  if (skipVerify)
    warn(
      'VAULT_SKIP_VERIFY is set: the Vault server’s TLS certificate is not checked'
    )
  return {
    address,
    namespace: options.namespace ?? (env.VAULT_NAMESPACE || undefined),
    caCert: env.VAULT_CACERT ? readCaCert(env.VAULT_CACERT) : undefined,
    skipVerify,
    auth: authFromEnv(env, options.jwt),
    timeoutMs: options.timeoutMs ?? 30_000,
    concurrency: options.concurrency
  }
}

/** The PEM, checked now: a wrong file fails as a setting, not as TLS. */
function readCaCert(file: string): string {
  const fix =
    'set VAULT_CACERT (the vault-ca-cert input) to the PEM file of the CA that signed Vault’s certificate'
  let pem: string
  try {
    pem = readFileSync(file, 'utf8')
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause)
    throw new SettingsError(
      `VAULT_CACERT: cannot read ${file} (${code}); ${fix}`
    )
  }
  try {
    new X509Certificate(pem)
  } catch {
    throw new SettingsError(
      `VAULT_CACERT: ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----); ${fix}`
    )
  }
  return pem
}

function authFromEnv(
  env: NodeJS.ProcessEnv,
  jwt: string | undefined
): VaultAuth {
  const mount = env.VAULT_AUTH_MOUNT
  if (env.VAULT_ROLE_ID) {
    if (!env.VAULT_SECRET_ID)
      throw new SettingsError('VAULT_ROLE_ID is set but VAULT_SECRET_ID is not')
    return {
      method: 'approle',
      roleId: env.VAULT_ROLE_ID,
      secretId: env.VAULT_SECRET_ID,
      mount: mount || 'approle'
    }
  }
  if (env.VAULT_JWT_ROLE) {
    const token = jwt ?? env.VAULT_JWT
    if (!token)
      throw new SettingsError(
        'VAULT_JWT_ROLE is set but there is no token: set VAULT_JWT'
      )
    return {
      method: 'jwt',
      role: env.VAULT_JWT_ROLE,
      jwt: token,
      mount: mount || 'jwt'
    }
  }
  if (!env.VAULT_TOKEN) {
    throw new SettingsError(
      'no Vault credentials: set VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID (AppRole), or VAULT_JWT_ROLE and VAULT_JWT (JWT)'
    )
  }
  return { method: 'token', token: env.VAULT_TOKEN }
}

/** Every credential in the settings, for masking. */
export function connectionSecrets(connection: VaultConnection): string[] {
  return [...authSecrets(connection), ...urlCredentials(connection.address)]
}

function authSecrets({ auth }: VaultConnection): string[] {
  switch (auth.method) {
    case 'token':
      return [auth.token]
    case 'approle':
      return [auth.secretId]
    case 'jwt':
      return [auth.jwt]
  }
}

export function isLoopback(address: string): boolean {
  const host = new URL(address).hostname.replace(/^\[|\]$/g, '')
  return (
    host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
  )
}
