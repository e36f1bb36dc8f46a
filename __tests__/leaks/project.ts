/**
 * One manifest repository per run, on a mount of its own, so a run's
 * writes never change what the next run sees. The manifest plants every
 * canary: connection fields and extras, a whole conn_uri, variables,
 * config and Astro backend_kwargs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SEED_IDS } from '../../devserver/astro/index.js'
import { APPROLE_SECRET_ID, ENV_CANARIES, PEM } from './canaries.js'

export const MANIFEST = 'airflow-secrets.yaml'

/** full: every canary; the others add one bad input to it. */
export type Variant = 'full' | 'bad-uri' | 'missing-file' | 'json-format'

export function manifestText(mount: string, variant: Variant): string {
  const bad =
    variant === 'bad-uri' ? '  bad: { uri: { env: CANARY_BAD_URI } }\n' : ''
  const missing =
    variant === 'missing-file' ? '  missing: { file: no-such-value.txt }\n' : ''
  // Each connection field its own JSON value; the extra as Python's JSON.
  const format = variant === 'json-format' ? ', connection_format: json' : ''
  return `version: 1
vault: { mount: ${mount}, prune: true${format} }
connections:
  db:
    conn_type: postgres
    host: db.example.com
    port: 5432
    login: { env: CANARY_LOGIN }
    password: { env: CANARY_PW }
    extra: { sslkey: { file: key.pem }, role: { env: CANARY_ROLE } }
  smtp: { uri: { env: CANARY_CONN_URI } }
${bad}variables:
  jsonish: { env: CANARY_JSONISH }
  unicode: { env: CANARY_UNICODE }
  short: { env: CANARY_SHORT }
  flag: { env: CANARY_WORD }
  plain: production
${missing}config:
  spaced: { env: CANARY_SPACED }
  short3: { env: CANARY_SHORT3 }
astro:
  deployments: [{ id: ${SEED_IDS.standard} }, { id: ${SEED_IDS.remote} }]
  backend_kwargs:
    url: https://vault.example.com:8200
    auth_type: approle
    role_id: { env: CANARY_ROLE }
    secret_id: { env: CANARY_KWARGS }
`
}

export interface Servers {
  /** roleId: of the AppRole whose secret_id is APPROLE_SECRET_ID. */
  vault: { url: string; token: string; roleId: string }
  astro: { url: string; token: string; organizationId: string }
}

/** A repository holding the manifest and the key file it reads. */
export function workspace(mount: string, manifest: Variant | string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-leak-'))
  mkdirSync(path.join(dir, '.git'))
  const text = manifest.startsWith('version:')
    ? manifest
    : manifestText(mount, manifest as Variant)
  writeFileSync(path.join(dir, MANIFEST), text)
  writeFileSync(path.join(dir, 'key.pem'), `${PEM}\n`)
  return dir
}

export type Auth = 'token' | 'approle'

/** The Vault credentials, as the vault CLI reads them. */
function vaultEnv(servers: Servers, auth: Auth): Record<string, string> {
  return auth === 'token'
    ? { VAULT_TOKEN: servers.vault.token }
    : {
        VAULT_ROLE_ID: servers.vault.roleId,
        VAULT_SECRET_ID: APPROLE_SECRET_ID,
        VAULT_AUTH_MOUNT: 'approle'
      }
}

/** The Action's Vault inputs. */
export function vaultInputs(
  servers: Servers,
  auth: Auth
): Record<string, string> {
  return auth === 'token'
    ? { 'vault-token': servers.vault.token }
    : {
        'vault-role-id': servers.vault.roleId,
        'vault-secret-id': APPROLE_SECRET_ID,
        'vault-auth-mount': 'approle'
      }
}

/** The CLI's environment: credentials and every canary. */
export function cliEnv(servers: Servers, auth: Auth): Record<string, string> {
  return {
    ...ENV_CANARIES,
    ...vaultEnv(servers, auth),
    VAULT_ADDR: servers.vault.url,
    ASTRO_API_URL: servers.astro.url,
    ASTRO_API_TOKEN: servers.astro.token,
    ASTRO_ORGANIZATION_ID: servers.astro.organizationId
  }
}

/** A Vault request as root, for set-up and read-back. */
export async function vault(
  servers: Servers,
  method: string,
  apiPath: string,
  body?: unknown
): Promise<unknown> {
  const res = await fetch(`${servers.vault.url}/v1/${apiPath}`, {
    method,
    headers: { 'X-Vault-Token': servers.vault.token },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${apiPath}: ${res.status} ${text}`)
  return text === '' ? undefined : JSON.parse(text)
}

/** A fresh KV v2 mount. */
export async function mountKv(servers: Servers, mount: string): Promise<void> {
  await vault(servers, 'POST', `sys/mounts/${mount}`, {
    type: 'kv',
    options: { version: '2' }
  })
}

/** The `value` or `conn_uri` stored at a KV v2 path, as Airflow reads it. */
export async function readSecret(
  servers: Servers,
  mount: string,
  key: string
): Promise<Record<string, string>> {
  const body = (await vault(servers, 'GET', `${mount}/data/${key}`)) as {
    data: { data: Record<string, string> }
  }
  return body.data.data
}

/** An AppRole that may do anything, its secret_id the canary; its role_id. */
export async function enableAppRole(
  url: string,
  token: string
): Promise<string> {
  const servers = { vault: { url, token } } as Servers
  await vault(servers, 'POST', 'sys/auth/approle', { type: 'approle' })
  await vault(servers, 'POST', 'sys/policies/acl/leak-all', {
    policy:
      'path "*" { capabilities = ["create", "read", "update", "delete", "list", "sudo"] }'
  })
  await vault(servers, 'POST', 'auth/approle/role/leak', {
    token_policies: ['leak-all']
  })
  await vault(servers, 'POST', 'auth/approle/role/leak/custom-secret-id', {
    secret_id: APPROLE_SECRET_ID
  })
  const answer = (await vault(
    servers,
    'GET',
    'auth/approle/role/leak/role-id'
  )) as {
    data: { role_id: string }
  }
  return answer.data.role_id
}
