import type { Manifest } from '../core/manifest/schema.js'
import type { ValueRef } from '../core/manifest/value-ref.js'
import { isValueRef } from '../core/manifest/value-ref.js'
import {
  backendKwargs,
  canonicalKwargsJson,
  fingerprint,
  planDeployment,
  type BackendKwargsValues,
  type DeploymentPlan
} from '../core/astro/index.js'
import {
  AstroApiError,
  createAstroClient,
  waitForHealthy,
  type AstroClientOptions
} from '../clients/astro/index.js'
import type { SyncCommand } from './report.js'
import {
  provisionedKwargs,
  publicKwargs,
  type RoleCredentials
} from '../core/provision/handoff.js'

export interface AstroConnection {
  baseUrl: string
  token: string
  organizationId: string
  retry?: AstroClientOptions['retry']
  /** Poll interval for `wait: healthy`; tests shorten it. */
  waitIntervalMs?: number
}

/** A Deployment whose kwargs must be written cannot get them without its secret-id. */
export const PROVISION_NEEDED =
  'its kwargs are not current (never provisioned, or the manifest changed them), and only `provision` can hand over its AppRole secret-id, which Vault shows once: run `airflow-vault-sync provision` with an admin token; nothing was sent'

/** Per Deployment: the plan, and what happened to it. */
export interface AstroResult {
  plan?: DeploymentPlan
  id: string
  name?: string
  error?: string
  posted: boolean
  /** Not tried: the API had refused the token or could not be reached. */
  notAttempted?: boolean
  waited?: { status: string; seconds: number }
}

/** The kwargs Airflow will get on one Deployment, references read. */
export function deploymentKwargs(
  manifest: Manifest,
  index: number,
  kvVersion: 1 | 2,
  read: (ref: ValueRef) => string,
  credentials?: RoleCredentials
): BackendKwargsValues {
  const astro = manifest.astro
  if (!astro) return {}
  const merged = {
    ...astro.backend_kwargs,
    ...(astro.deployments[index]?.backend_kwargs ?? {})
  }
  const values: BackendKwargsValues = {}
  for (const [key, value] of Object.entries(merged)) {
    values[key] = isValueRef(value)
      ? read(value)
      : (value as string | number | boolean | null)
  }
  return backendKwargs(manifest.vault, kvVersion, {
    ...values,
    ...provisionedKwargs(manifest, credentials)
  })
}

/**
 * Points each Deployment at Vault: GET, plan, and on apply one POST of the
 * whole body when anything differs (every update restarts Airflow, so an
 * unchanged Deployment is never posted). One failing Deployment does not
 * stop the others, unless the same failure awaits them all; each result
 * says what happened.
 */
export async function syncAstro(
  manifest: Manifest,
  kvVersion: 1 | 2,
  read: (ref: ValueRef) => string,
  command: SyncCommand,
  connection: AstroConnection
): Promise<AstroResult[]> {
  const astro = manifest.astro
  if (!astro) return []
  const client = createAstroClient({
    baseUrl: connection.baseUrl,
    token: connection.token,
    organizationId: connection.organizationId,
    retry: connection.retry
  })
  const results: AstroResult[] = []
  let stopped = false
  for (const [index, deployment] of astro.deployments.entries()) {
    const result: AstroResult = {
      id: deployment.id,
      name: deployment.name,
      posted: false
    }
    results.push(result)
    if (stopped) {
      result.notAttempted = true
      continue
    }
    try {
      const kwargs = deploymentKwargs(manifest, index, kvVersion, read)
      const desired = {
        kwargsJson: canonicalKwargsJson(kwargs),
        // Provisioned credentials are unknown here: their stand-in is.
        fingerprint: fingerprint(
          manifest.provision ? publicKwargs(kwargs) : kwargs,
          deployment.id
        )
      }
      const current = await client.getDeployment(deployment.id)
      const plan = planDeployment(current, desired)
      result.plan = plan
      result.name ??= plan.name
      if (command !== 'apply' || plan.action !== 'update' || !plan.body)
        continue
      if (manifest.provision) {
        result.error = PROVISION_NEEDED
        continue
      }
      await client.updateDeployment(deployment.id, plan.body)
      result.posted = true
      if ((deployment.wait ?? astro.wait) === 'healthy') {
        const waited = await waitForHealthy(client, deployment.id, {
          intervalMs: connection.waitIntervalMs
        })
        result.waited = {
          status: waited.deployment.status ?? 'HEALTHY',
          seconds: Math.round(waited.waitedMs / 1000)
        }
      }
    } catch (cause) {
      result.error = cause instanceof Error ? cause.message : String(cause)
      stopped = isFatalForAll(cause)
    }
  }
  return results
}

/**
 * A refused token (401) or an API out of reach after the retries would
 * fail every other Deployment the same way; a 403, 404 or 500 is about
 * one Deployment, so the others are still tried.
 */
function isFatalForAll(cause: unknown): boolean {
  return (
    cause instanceof AstroApiError &&
    (cause.status === 401 || cause.status === undefined)
  )
}

/** Each Deployment's kwargs JSON: a secret as a whole, for the Action's mask. */
export function kwargsJsonFor(
  manifest: Manifest,
  kvVersion: 1 | 2,
  read: (ref: ValueRef) => string
): string[] {
  return (manifest.astro?.deployments ?? []).map((_, i) =>
    canonicalKwargsJson(deploymentKwargs(manifest, i, kvVersion, read))
  )
}
