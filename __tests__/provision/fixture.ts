/**
 * Provision end to end: a fresh Vault dev server (no mounts), the Astro
 * test server, a project whose manifest has `provision:`, and Airflow's
 * side: logging in with the kwargs a Deployment holds, as hvac would.
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
import { manifestFor, project, type SyncProject } from '../sync/fixture.js'

export interface Servers {
  vault: VaultDevServer
  astro: AstroTestServer
  close(): Promise<void>
}

export async function startServers(): Promise<Servers> {
  const vault = await startVaultDevServer({ mounts: [] })
  const astro = await startAstroTestServer()
  return {
    vault,
    astro,
    close: async () => {
      await vault.close()
      await astro.close()
    }
  }
}

export const DEPLOYMENTS = [SEED_IDS.standard, SEED_IDS.dedicated]

export function provisionManifest(
  astro: AstroTestServer | undefined,
  opts: { kv?: 1 | 2; provision?: string } = {}
): string {
  const kv = opts.kv ?? 2
  const provision =
    opts.provision ??
    `provision:
  approle:
    token_ttl: 30m
    secret_id_bound_cidrs: [127.0.0.1/32]
`
  const astroPart = astro
    ? `astro:
  organization_id: ${astro.organizationId}
  deployments:
    - id: ${DEPLOYMENTS[0]}
      name: production
    - id: ${DEPLOYMENTS[1]}
      name: staging
  backend_kwargs:
    url: https://vault.example.com:8200
`
    : ''
  return manifestFor('airflow', astroPart + provision).replace(
    'vault:\n  mount: airflow\n',
    `vault:\n  mount: airflow\n  kv_version: ${kv}\n`
  )
}

export function provisionProject(
  servers: Servers,
  opts: { kv?: 1 | 2; astro?: boolean; provision?: string } = {}
): SyncProject {
  const p = project(servers.vault.url, servers.vault.rootToken)
  const astro = opts.astro === false ? undefined : servers.astro
  if (astro)
    Object.assign(p.env, {
      ASTRO_API_URL: astro.url,
      ASTRO_API_TOKEN: astro.token
    })
  p.write(provisionManifest(astro, opts))
  return p
}

/** The kwargs a Deployment holds now (the test server keeps secret values). */
export function storedKwargs(
  astro: AstroTestServer,
  id: string
): Record<string, unknown> {
  const v = astro.store
    .get(id)
    ?.environmentVariables.find(
      (e) => e.key === 'AIRFLOW__SECRETS__BACKEND_KWARGS'
    )
  if (!v?.value) throw new Error(`Deployment ${id} has no kwargs`)
  return JSON.parse(v.value) as Record<string, unknown>
}

/** POST/GET as Airflow's hvac client would; returns status and body. */
export async function call(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/v1/${path}`, {
    method,
    headers: {
      ...(token ? { 'X-Vault-Token': token } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {})
    },
    body: body ? JSON.stringify(body) : undefined
  })
  const text = await res.text()
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {}
  }
}

/** Logs in with a Deployment's kwargs; the token, or the failed status. */
export async function airflowLogin(
  url: string,
  kwargs: Record<string, unknown>
): Promise<{ status: number; token?: string }> {
  const mount = (kwargs.auth_mount_point as string | undefined) ?? 'approle'
  const res = await call(url, 'POST', `auth/${mount}/login`, undefined, {
    role_id: kwargs.role_id,
    secret_id: kwargs.secret_id
  })
  const auth = res.body.auth as { client_token?: string } | undefined
  return { status: res.status, token: auth?.client_token }
}
