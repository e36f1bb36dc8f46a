/**
 * The `auth/token/` backend: self-service (`lookup-self`, `renew-self`,
 * `revoke-self`, vault-api.md §6.5) and token creation, which tests use to
 * mint tokens with a chosen policy set.
 */
import type { VaultRequest } from '../http/request.js'
import { type Result, fail, logical, nil } from '../http/response.js'
import {
  boolField,
  durationField,
  intField,
  isError,
  mapField,
  stringField,
  stringListField
} from '../http/fields.js'
import type { Backend, RequestContext, Route } from '../state.js'
import { weakString } from '../util/go.js'
import type { TokenEntry } from './tokens.js'

function caller(ctx: RequestContext): TokenEntry {
  // The router guarantees a token on authenticated routes.
  return ctx.token as TokenEntry
}

function lookupSelf(ctx: RequestContext): Result {
  return logical(ctx.state.tokens.lookupData(caller(ctx)))
}

function renewSelf(ctx: RequestContext): Result {
  const token = caller(ctx)
  const increment = durationField(ctx.req.data, 'increment')
  if (isError(increment)) return increment
  // Root tokens have no lease to renew (guess at the exact text).
  if (token.expiresAt === 0 || !token.renewable) {
    return fail(400, 'lease is not renewable')
  }
  ctx.state.tokens.renew(token, increment ?? 0)
  return logical(null, { auth: ctx.state.tokens.authBlock(token) })
}

function revokeSelf(ctx: RequestContext): Result {
  ctx.state.tokens.revoke(caller(ctx))
  return nil
}

function lookupOther(ctx: RequestContext): Result {
  const id = stringField(ctx.req.data, 'token')
  if (id === '') return fail(400, 'missing token ID')
  const entry = ctx.state.tokens.lookup(id)
  return entry
    ? logical(ctx.state.tokens.lookupData(entry))
    : fail(400, 'bad token')
}

function revokeOther(ctx: RequestContext): Result {
  const id = stringField(ctx.req.data, 'token')
  if (id === '') return fail(400, 'missing token ID')
  const entry = ctx.state.tokens.lookup(id)
  if (entry) ctx.state.tokens.revoke(entry)
  return nil
}

/** `handleCreateCommon` (token_store.go), reduced to the common fields. */
function create(ctx: RequestContext, orphan: boolean): Result {
  const parent = caller(ctx)
  const d = ctx.req.data
  const isRoot = parent.policies.includes('root')
  const policies = stringListField(d, 'policies')
  const ttl = durationField(d, 'ttl')
  const maxTtl = durationField(d, 'explicit_max_ttl')
  const numUses = intField(d, 'num_uses')
  const renewable = boolField(d, 'renewable')
  const noDefault = boolField(d, 'no_default_policy')
  const noParent = boolField(d, 'no_parent')
  const metaRaw = mapField(d, 'meta')
  for (const f of [
    policies,
    ttl,
    maxTtl,
    numUses,
    renewable,
    noDefault,
    noParent,
    metaRaw
  ]) {
    if (isError(f)) return f
  }
  let wanted =
    Array.isArray(policies) && policies.length > 0 ? policies : parent.policies
  wanted = wanted.map((p) => p.toLowerCase())
  if (!isRoot) {
    const allowed = new Set([...parent.policies, 'default'])
    if (!wanted.every((p) => allowed.has(p))) {
      return fail(
        400,
        `token policies (${JSON.stringify(wanted)}) must be subset of the parent token's policies (${JSON.stringify(parent.policies)})`
      )
    }
  }
  if (
    !wanted.includes('root') &&
    noDefault !== true &&
    !wanted.includes('default')
  ) {
    wanted = [...wanted, 'default']
  }
  const meta: Record<string, string> = {}
  for (const [k, v] of Object.entries(
    metaRaw && !isError(metaRaw) ? metaRaw : {}
  )) {
    meta[k] = weakString(v) ?? ''
  }
  const name = stringField(d, 'display_name')
  const entry = ctx.state.tokens.create({
    id: isRoot && typeof d.id === 'string' && d.id !== '' ? d.id : undefined,
    policies: wanted,
    nsPath: ctx.ns.path,
    nsId: ctx.ns.id,
    path: orphan ? 'auth/token/create-orphan' : 'auth/token/create',
    displayName: name === '' ? 'token' : `token-${name}`,
    meta: Object.keys(meta).length > 0 ? meta : null,
    ttl: typeof ttl === 'number' ? ttl : undefined,
    explicitMaxTtl: typeof maxTtl === 'number' ? maxTtl : undefined,
    numUses: typeof numUses === 'number' ? numUses : 0,
    renewable: renewable !== false,
    parent: orphan || noParent === true ? undefined : parent.id
  })
  return logical(null, { auth: ctx.state.tokens.authBlock(entry) })
}

export class TokenBackend implements Backend {
  route(rel: string, _req: VaultRequest): Route | undefined {
    const r = (
      handlers: Route['handlers'],
      extra: Partial<Route> = {}
    ): Route => ({
      kind: 'auth',
      handlers,
      ...extra
    })
    switch (rel) {
      case 'lookup-self':
        return r({ read: lookupSelf })
      case 'renew-self':
        return r({ update: renewSelf })
      case 'revoke-self':
        return r({ update: revokeSelf })
      case 'lookup':
        return r({ update: lookupOther })
      case 'revoke':
        return r({ update: revokeOther })
      case 'create':
        return r({ update: (c) => create(c, false) })
      case 'create-orphan':
        return r({ update: (c) => create(c, true) }, { sudo: true })
      default:
        return undefined
    }
  }
}
