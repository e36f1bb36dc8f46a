/**
 * An Astro API test server (astro-api.md), as faithful as the Vault dev
 * server next to it: GET/POST a Deployment and list Deployments under
 * /v1 and /platform/v1beta1, every request body validated against the
 * verbatim v1 spec, Astro's secret env var semantics, token scopes and
 * roles, DEPLOYING-then-HEALTHY after an update, injected faults, and a
 * record of what every update changed.
 */
import type { AddressInfo } from 'node:net'
import { type IssuedToken, type TokenSpec, TokenRegistry } from './auth.js'
import { AstroCounters } from './counters.js'
import {
  type AstroFaultConfig,
  type AstroFaultController,
  AstroFaults
} from './faults.js'
import { startHttp } from './http.js'
import type { DeploymentSeed, RecordedUpdate } from './model.js'
import { seedDeployments } from './seeds.js'
import { DeploymentStore, type DeploymentStoreView } from './store.js'

export type { TokenSpec, IssuedToken, TokenScope } from './auth.js'
export type { AstroFaultConfig, AstroFaultController } from './faults.js'
export type { AstroCountersSnapshot } from './counters.js'
export type {
  DeploymentSeed,
  StoredDeployment,
  StoredEnvVar,
  RecordedUpdate,
  EnvChanges,
  ErrorBody
} from './model.js'
export { AstroCounters } from './counters.js'
export { DEFAULT_ASTRO_FAULTS } from './faults.js'
export {
  SEED_IDS,
  SEED_SECRET_MARKER,
  SEED_WORKSPACE_ID,
  OTHER_WORKSPACE_ID,
  seedDeployments
} from './seeds.js'
export { validate, type FieldError, type ValidationResult } from './validate.js'
export { ROLLING_STATUS } from './store.js'

export const DEFAULT_ORGANIZATION_ID = 'clx5org00000008l1o9r8g7a6b'

export interface AstroTestServerOptions {
  /** Default 0 (a random free port). */
  port?: number
  /** Default '127.0.0.1'. */
  host?: string
  organizationId?: string
  /** Extra tokens; an Organization Owner token is always issued. */
  tokens?: TokenSpec[]
  /** Default: seedDeployments(organizationId). */
  deployments?: DeploymentSeed[]
  faults?: Partial<AstroFaultConfig>
  /** GETs that still report DEPLOYING after an update. Default 2. */
  updatingGets?: number
}

export interface AstroTestServer {
  /** e.g. http://127.0.0.1:PORT/v1 */
  url: string
  /** The same server under the deprecated /platform/v1beta1 base. */
  betaUrl: string
  organizationId: string
  /** An Organization Owner API token. */
  token: string
  /** Every issued token, the owner's first, in `tokens` order. */
  tokens: IssuedToken[]
  issueToken(spec: TokenSpec): string
  store: DeploymentStoreView
  /** One entry per accepted POST, in order. */
  changes: RecordedUpdate[]
  counters: AstroCounters
  faults: AstroFaultController
  /** Also destroys keep-alive sockets. Safe to call twice. */
  close(): Promise<void>
}

export async function startAstroTestServer(
  opts: AstroTestServerOptions = {}
): Promise<AstroTestServer> {
  const organizationId = opts.organizationId ?? DEFAULT_ORGANIZATION_ID
  const tokens = new TokenRegistry(organizationId)
  const owner = tokens.issue({
    scope: 'ORGANIZATION',
    role: 'ORGANIZATION_OWNER',
    name: 'org-owner'
  })
  for (const spec of opts.tokens ?? []) tokens.issue(spec)
  const store = new DeploymentStore(opts.updatingGets ?? 2)
  for (const d of opts.deployments ?? seedDeployments(organizationId))
    store.seed(d)
  const changes: RecordedUpdate[] = []
  const counters = new AstroCounters()
  const faults = new AstroFaults(opts.faults)
  const ctx = { organizationId, tokens, store, counters, faults, changes }
  const http = startHttp(ctx)
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject)
    http.server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      http.server.off('error', reject)
      resolve()
    })
  })
  const addr = http.server.address() as AddressInfo
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address
  const origin = `http://${host}:${addr.port}`
  return {
    url: `${origin}/v1`,
    betaUrl: `${origin}/platform/v1beta1`,
    organizationId,
    token: owner.token,
    get tokens() {
      return tokens.all()
    },
    issueToken: (spec) => tokens.issue(spec).token,
    store,
    changes,
    counters,
    faults,
    close: () => http.shutdown()
  }
}
