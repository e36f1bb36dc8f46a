/**
 * The paths the client needs (astro-api.md §1 endpoint table), under
 * `/v1` and the deprecated `/platform/v1beta1`: list, get and update a
 * Deployment. Order of checks: token (401), organization and Deployment
 * (404), role (403), then the body (400).
 */
import type { ServerResponse } from 'node:http'
import { allowed, forbiddenMessage, type TokenRegistry } from './auth.js'
import type { AstroCounters } from './counters.js'
import type { AstroFaults } from './faults.js'
import type { RecordedUpdate, StoredDeployment } from './model.js'
import { sendError, sendJson, sendText } from './respond.js'
import type { DeploymentStore } from './store.js'
import { handleUpdate } from './update.js'

export interface ServerContext {
  organizationId: string
  tokens: TokenRegistry
  store: DeploymentStore
  counters: AstroCounters
  faults: AstroFaults
  changes: RecordedUpdate[]
}

export interface ApiRequest {
  method: string
  api: 'v1' | 'v1beta1'
  /** After the API base, e.g. /organizations/x/deployments/y. */
  path: string
  query: URLSearchParams
  authorization: string | undefined
  body: () => Promise<unknown>
}

const DEPLOYMENT = /^\/organizations\/([^/]+)\/deployments(?:\/([^/]+))?\/?$/

export async function route(
  ctx: ServerContext,
  req: ApiRequest,
  res: ServerResponse
): Promise<void> {
  const m = DEPLOYMENT.exec(req.path)
  if (!m) return sendError(res, 404, 'resource not found')
  const [, org, id] = m
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.authorization ?? '')?.[1]
  const token = bearer ? ctx.tokens.find(bearer) : undefined
  if (!token || token.expired) {
    const message = !bearer
      ? 'missing bearer token'
      : token
        ? 'token has expired'
        : 'invalid API token'
    if (ctx.faults.config.textAuthErrors) return sendText(res, 401, message)
    return sendError(res, 401, message)
  }
  if (org !== ctx.organizationId)
    return sendError(res, 404, `organization ${org} not found`)
  if (!id) {
    if (req.method !== 'GET') return sendError(res, 405, 'method not allowed')
    return list(ctx, req, res, (d) => allowed(token, 'read', d))
  }
  ctx.counters.deployment(req.method, id)
  const d = ctx.store.mutable(id)
  if (req.method !== 'GET' && req.method !== 'POST')
    return sendError(res, 405, 'method not allowed')
  if (!d) return sendError(res, 404, `deployment ${id} not found`)
  const action = req.method === 'GET' ? 'read' : 'update'
  if (!allowed(token, action, d)) {
    const message = forbiddenMessage(token, action)
    if (ctx.faults.config.textAuthErrors)
      return sendText(res, 403, 'RBAC: access denied')
    return sendError(res, 403, message)
  }
  if (req.method === 'GET') return sendJson(res, 200, ctx.store.read(id, true))
  let body: unknown
  try {
    body = await req.body()
  } catch {
    return sendError(res, 400, 'request body is not valid JSON')
  }
  const outcome = handleUpdate(ctx.store, id, body, req.api, token)
  if (!outcome.ok) {
    return sendError(res, 400, outcome.message, {
      fieldErrors: outcome.fieldErrors
    })
  }
  ctx.changes.push(outcome.record)
  sendJson(res, 200, ctx.store.read(id, false))
}

/** DeploymentsPaginated, filtered like the spec's query parameters. */
function list(
  ctx: ServerContext,
  req: ApiRequest,
  res: ServerResponse,
  visible: (d: StoredDeployment) => boolean
): void {
  // Arrays come as repeated parameters (form, explode) or comma lists.
  const many = (name: string): string[] =>
    req.query.getAll(name).flatMap((v) => v.split(',').filter(Boolean))
  const ids = many('deploymentIds')
  const names = many('names')
  const workspaces = many('workspaceIds')
  const all = ctx.store
    .all()
    .filter(visible)
    .filter((d) => ids.length === 0 || ids.includes(d.id))
    .filter((d) => names.length === 0 || names.includes(d.name))
    .filter(
      (d) => workspaces.length === 0 || workspaces.includes(d.workspaceId)
    )
  const offset = Number(req.query.get('offset') ?? 0)
  const limit = Number(req.query.get('limit') ?? 20)
  if (
    !Number.isInteger(offset) ||
    offset < 0 ||
    !Number.isInteger(limit) ||
    limit < 0
  )
    return sendError(res, 400, 'offset and limit must be non-negative integers')
  const page = all
    .slice(offset, offset + limit)
    .map((d) => ctx.store.read(d.id, false))
  sendJson(res, 200, {
    deployments: page,
    limit,
    offset,
    totalCount: all.length
  })
}
