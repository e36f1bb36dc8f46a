/**
 * The Astro API client (astro-api.md §1): read, update and list
 * Deployments. Settings come in as arguments; nothing here reads the
 * environment or talks to @actions/*. Responses are zod-checked as loose
 * objects so every field survives to be sent back in the update body.
 */
import { z } from 'zod'
import { DeploymentSchema, type Deployment } from '../../core/astro/model.js'
import type { UpdateDeploymentRequest } from '../../core/astro/request.js'
import { TOOL_NAME, VERSION } from '../../version.js'
import type { AstroErrorContext } from './errors.js'
import { parseBody } from './parse.js'
import {
  DEFAULT_RETRY,
  realSleep,
  type RetryOptions,
  type Sleep
} from './retry.js'
import { send, type Transport } from './request.js'
import { fetchFor } from '../net/proxied-fetch.js'

export interface AstroClientOptions {
  /** e.g. https://api.astronomer.io/v1 (or …/platform/v1beta1). */
  baseUrl: string
  /** An API token; a leading "Bearer " is accepted. */
  token: string
  organizationId: string
  /** Default: fetch, through HTTPS_PROXY unless NO_PROXY lists the API. */
  fetch?: typeof fetch
  retry?: Partial<RetryOptions>
  /** Per attempt. Default 30 s. */
  timeoutMs?: number
  sleep?: Sleep
  now?: () => number
  random?: () => number
}

export interface DeploymentFilter {
  names?: string[]
  deploymentIds?: string[]
  workspaceIds?: string[]
}

export interface AstroClient {
  readonly organizationId: string
  getDeployment(id: string): Promise<Deployment>
  /** POSTs the whole body: the API has no PATCH (astro-api.md §1). */
  updateDeployment(
    id: string,
    body: UpdateDeploymentRequest
  ): Promise<Deployment>
  listDeployments(filter?: DeploymentFilter): Promise<Deployment[]>
}

const PageSchema = z.looseObject({
  deployments: z.array(DeploymentSchema),
  totalCount: z.number().int()
})

export function createAstroClient(opts: AstroClientOptions): AstroClient {
  const token = opts.token.trim().replace(/^Bearer\s+/i, '')
  if (!/^[\x21-\x7e]+$/.test(token)) {
    // fetch would reject the header and quote it, token and all.
    throw new Error(
      'The Astro API token is empty or has characters an HTTP header cannot carry'
    )
  }
  const base = opts.baseUrl.replace(/\/+$/, '')
  const org = encodeURIComponent(opts.organizationId)
  const t: Transport = {
    fetch: opts.fetch ?? fetchFor(base),
    headers: {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'User-Agent': `${TOOL_NAME}/${VERSION}`,
      'x-astro-client-identifier': TOOL_NAME,
      'x-astro-client-version': VERSION
    },
    retry: { ...DEFAULT_RETRY, ...opts.retry },
    timeoutMs: opts.timeoutMs ?? 30_000,
    sleep: opts.sleep ?? realSleep,
    now: opts.now ?? Date.now,
    random: opts.random ?? Math.random,
    secrets: [token]
  }
  const ctx = (
    operation: AstroErrorContext['operation'],
    deploymentId?: string
  ): AstroErrorContext => ({
    operation,
    organizationId: opts.organizationId,
    deploymentId
  })
  const deploymentUrl = (id: string): string =>
    `${base}/organizations/${org}/deployments/${encodeURIComponent(id)}`

  return {
    organizationId: opts.organizationId,
    async getDeployment(id) {
      const c = ctx('get', id)
      const text = await send(
        t,
        deploymentUrl(id),
        { method: 'GET', headers: t.headers },
        c
      )
      return parseBody(DeploymentSchema, text, c)
    },
    async updateDeployment(id, body) {
      const c = ctx('update', id)
      const secrets = body.environmentVariables.flatMap((v) =>
        v.isSecret && v.value ? [v.value] : []
      )
      const init = {
        method: 'POST',
        headers: { ...t.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      }
      const text = await send(t, deploymentUrl(id), init, c, secrets)
      return parseBody(DeploymentSchema, text, c)
    },
    async listDeployments(filter = {}) {
      const c = ctx('list')
      const out: Deployment[] = []
      for (let offset = 0; ;) {
        const q = new URLSearchParams({ offset: String(offset), limit: '100' })
        for (const [k, values] of Object.entries(filter))
          for (const v of values as string[]) q.append(k, v)
        const url = `${base}/organizations/${org}/deployments?${q}`
        const page = parseBody(
          PageSchema,
          await send(t, url, { method: 'GET', headers: t.headers }, c),
          c
        )
        out.push(...page.deployments)
        offset += page.deployments.length
        if (page.deployments.length === 0 || offset >= page.totalCount)
          return out
      }
    }
  }
}
