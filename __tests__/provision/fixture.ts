/**
 * Provision end to end: a fresh Vault dev server (no mounts), the Astro
 * test server, a project whose manifest has `provision:`, and Airflow's
 * side: logging in with the kwargs a Deployment holds, as hvac would.
 */
import {
  SEED_IDS,
  startAstroTestServer,
  type AstroTestServer
} from '../../devserver/astro/index.js'
import { startVaultDevServer } from '../../devserver/vault/index.js'
import { manifestFor, project, type SyncProject } from '../sync/fixture.js'
import { openTarget, uniq } from '../vault-devserver/helpers/target.js'

export interface Servers {
  vault: { url: string; rootToken: string }
  astro: AstroTestServer
  /** Against a real Vault (VAULT_ADDR, VAULT_TOKEN), fresh names per test. */
  real: boolean
  mount: string
  approle: string
  close(): Promise<void>
}

interface VaultTarget {
  url: string
  rootToken: string
  real: boolean
  close(): Promise<void>
}

/**
 * The dev server starts empty (provision creates the mount); a real Vault
 * is shared, so the mount and the AppRole mount get names of their own.
 * `devOnly`: tests of faults or of a loopback OIDC issuer.
 */
export async function startServers(
  opts: { devOnly?: boolean } = {}
): Promise<Servers> {
  const target: VaultTarget = opts.devOnly
    ? await devTarget()
    : await openTarget({ mounts: [] })
  const astro = await startAstroTestServer()
  return {
    vault: { url: target.url, rootToken: target.rootToken },
    astro,
    real: target.real,
    mount: target.real ? uniq('airflow') : 'airflow',
    approle: target.real ? uniq('approle') : 'approle',
    close: async () => {
      await target.close()
      await astro.close()
    }
  }
}

async function devTarget(): Promise<VaultTarget> {
  const dev = await startVaultDevServer({ mounts: [] })
  return {
    url: dev.url,
    rootToken: dev.rootToken,
    real: false,
    close: () => dev.close()
  }
}

export const DEPLOYMENTS = [SEED_IDS.standard, SEED_IDS.dedicated]

export function provisionManifest(
  astro: AstroTestServer | undefined,
  opts: {
    kv?: 1 | 2
    provision?: string
    mount?: string
    approle?: string
  } = {}
): string {
  const kv = opts.kv ?? 2
  const mount = opts.mount ?? 'airflow'
  const approle = opts.approle ?? 'approle'
  const provision =
    opts.provision ??
    `provision:
  approle:
    mount: ${approle}
    token_ttl: 30m
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
  return manifestFor(mount, astroPart + provision).replace(
    `vault:\n  mount: ${mount}\n`,
    `vault:\n  mount: ${mount}\n  kv_version: ${kv}\n`
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
  p.write(
    provisionManifest(astro, {
      mount: servers.mount,
      approle: servers.approle,
      ...opts
    })
  )
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
