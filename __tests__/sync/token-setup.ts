/**
 * Set-up for the token expiry tests: a sync policy, an AppRole role, a JWT
 * role and static tokens on the dev server, and runSync requests that use
 * them. Everything goes over loopback HTTP as a Vault admin would.
 */
import type { VaultDevServer } from '../../devserver/vault/index.js'
import type { VaultAuth } from '../../src/clients/vault/session.js'
import type { SyncRequest } from '../../src/sync/run.js'
import {
  githubClaims,
  GITHUB_ISSUER,
  keyPair,
  mint,
  type KeyPair
} from '../vault-devserver/helpers/jwt.js'

export async function admin(
  dev: VaultDevServer,
  path: string,
  body?: unknown
): Promise<Record<string, unknown>> {
  const reply = await fetch(`${dev.url}/v1/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'X-Vault-Token': dev.rootToken },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  if (reply.status >= 300) throw new Error(`${path}: ${await reply.text()}`)
  return reply.status === 204
    ? {}
    : ((await reply.json()) as Record<string, unknown>)
}

const POLICY =
  'path "airflow/*" { capabilities = ["create", "read", "update", "list"] }'

/** The `sync` policy, and an AppRole role `ci` holding it. */
export async function appRole(
  dev: VaultDevServer,
  role: Record<string, unknown> = {},
  secretIdUses = 0
): Promise<VaultAuth> {
  await admin(dev, 'sys/policies/acl/sync', { policy: POLICY })
  await admin(dev, 'sys/auth/approle', { type: 'approle' })
  await admin(dev, 'auth/approle/role/ci', {
    token_policies: ['sync'],
    ...role
  })
  const roleId = (await admin(dev, 'auth/approle/role/ci/role-id')) as {
    data: { role_id: string }
  }
  const secret = (await admin(dev, 'auth/approle/role/ci/secret-id', {
    num_uses: secretIdUses
  })) as { data: { secret_id: string } }
  return {
    method: 'approle',
    roleId: roleId.data.role_id,
    secretId: secret.data.secret_id,
    mount: 'approle'
  }
}

/** A JWT role `ci` for GitHub-shaped OIDC tokens signed by `key`. */
export async function jwtRole(dev: VaultDevServer): Promise<KeyPair> {
  const key = keyPair('ES256')
  await admin(dev, 'sys/policies/acl/sync', { policy: POLICY })
  await admin(dev, 'sys/auth/jwt', { type: 'jwt' })
  await admin(dev, 'auth/jwt/config', {
    jwt_validation_pubkeys: [key.publicPem],
    bound_issuer: GITHUB_ISSUER
  })
  await admin(dev, 'auth/jwt/role/ci', {
    role_type: 'jwt',
    user_claim: 'repository',
    bound_audiences: ['https://github.com/octo-org'],
    token_policies: ['sync']
  })
  return key
}

export function oidcToken(key: KeyPair): string {
  return mint(key, githubClaims())
}

/** A static token with the sync policy. */
export async function staticToken(
  dev: VaultDevServer,
  options: Record<string, unknown> = {}
): Promise<string> {
  await admin(dev, 'sys/policies/acl/sync', { policy: POLICY })
  const made = (await admin(dev, 'auth/token/create', {
    policies: ['sync'],
    ttl: '1h',
    ...options
  })) as { auth: { client_token: string } }
  return made.auth.client_token
}

export function manyVariables(n: number): string {
  const lines = ['version: 1', 'vault: { mount: airflow }', 'variables:']
  for (let i = 0; i < n; i++)
    lines.push(`  v${String(i).padStart(3, '0')}: value-${i}`)
  return lines.join('\n') + '\n'
}

export function syncRequest(
  dev: VaultDevServer,
  text: string,
  auth: VaultAuth,
  extra: Partial<SyncRequest['connection']> = {}
): SyncRequest {
  return {
    command: 'apply',
    text,
    validate: {
      file: 'm.yaml',
      manifestDir: '/repo',
      repoRoot: '/repo',
      values: { env: () => 'x', file: () => undefined }
    },
    connection: {
      address: dev.url,
      skipVerify: false,
      auth,
      timeoutMs: 2000,
      concurrency: 4,
      retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20, budgetMs: 5000 },
      ...extra
    }
  }
}
