/**
 * Shared set-up for the Astro tests: a test server over loopback, a real
 * client with short retry delays, desired kwargs holding a planted secret,
 * and the one sync step the front ends will run (GET, plan, POST).
 */
import { inspect } from 'node:util'
import {
  type AstroTestServer,
  type AstroTestServerOptions,
  SEED_SECRET_MARKER,
  startAstroTestServer
} from '../../devserver/astro/index.js'
import { publicView } from '../../devserver/astro/store.js'
import {
  AstroApiError,
  type AstroClient,
  type AstroClientOptions,
  createAstroClient
} from '../../src/clients/astro/index.js'
import {
  type BackendKwargsValues,
  backendKwargs,
  canonicalKwargsJson,
  type Deployment,
  DeploymentSchema,
  type DeploymentPlan,
  fingerprint,
  planDeployment,
  type PlanOptions
} from '../../src/core/astro/index.js'
import type { StoredDeployment } from '../../devserver/astro/model.js'

/** The AppRole secret_id in the kwargs; must never show up anywhere. */
export const KWARGS_SECRET = 'planted-secret-id-7d1f0c2b9a'

export const VAULT = {
  mount: 'airflow',
  connections_path: 'connections',
  variables_path: 'variables',
  config_path: null
}

export function kwargsFor(
  extra: BackendKwargsValues = {}
): BackendKwargsValues {
  return backendKwargs(VAULT, 2, {
    url: 'https://vault.example.com:8200',
    auth_type: 'approle',
    role_id: 'airflow-prod',
    secret_id: KWARGS_SECRET,
    ...extra
  })
}

export interface Desired {
  kwargsJson: string
  fingerprint: string
}

export function desiredFor(
  id: string,
  extra: BackendKwargsValues = {}
): Desired {
  const kwargs = kwargsFor(extra)
  return {
    kwargsJson: canonicalKwargsJson(kwargs),
    fingerprint: fingerprint(kwargs, id)
  }
}

export async function start(
  opts: AstroTestServerOptions = {}
): Promise<AstroTestServer> {
  return startAstroTestServer(opts)
}

export function clientFor(
  server: AstroTestServer,
  overrides: Partial<AstroClientOptions> = {}
): AstroClient {
  return createAstroClient({
    baseUrl: server.url,
    token: server.token,
    organizationId: server.organizationId,
    retry: { baseDelayMs: 5, maxDelayMs: 40, maxTotalMs: 5_000 },
    timeoutMs: 5_000,
    ...overrides
  })
}

/** GET, plan, and POST when the plan says so: what the front ends do. */
export async function syncOne(
  client: AstroClient,
  id: string,
  desired: Desired,
  opts: PlanOptions = {}
): Promise<DeploymentPlan> {
  const current = await client.getDeployment(id)
  const plan = planDeployment(current, desired, opts)
  if (plan.action === 'update' && plan.body)
    await client.updateDeployment(id, plan.body)
  return plan
}

/** A stored Deployment as GET would return it, parsed like the client does. */
export function asFetched(d: StoredDeployment): Deployment {
  return DeploymentSchema.parse(publicView(d))
}

/** Fails if any planted secret appears in what is shown. */
export function expectNoSecrets(...things: unknown[]): void {
  for (const thing of things) {
    const shown = [
      typeof thing === 'string' ? thing : (JSON.stringify(thing) ?? ''),
      inspect(thing, { depth: 20 }),
      thing instanceof Error ? `${thing.message} ${thing.stack ?? ''}` : ''
    ].join('\n')
    expect(shown).not.toContain(KWARGS_SECRET)
    expect(shown).not.toContain(SEED_SECRET_MARKER)
  }
}

/** The AstroApiError a call fails with, checked for secrets. */
export async function failure(p: Promise<unknown>): Promise<AstroApiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(AstroApiError)
  expectNoSecrets(e)
  return e as AstroApiError
}
