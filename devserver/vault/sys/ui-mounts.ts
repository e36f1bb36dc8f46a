/**
 * `sys/internal/ui/mounts/<path>`: how clients discover which mount serves a
 * path and its KV version (vault-api.md §5.1). The route is unauthenticated
 * at the router, but the handler resolves the token itself and answers the
 * "preflight capability check" 403 when no policy grants anything under the
 * mount (`pathInternalUIMountRead`, `hasMountAccess`).
 */
import { type Result, fail, logical } from '../http/response.js'
import type { RequestContext } from '../state.js'
import { mountInfo } from './mount-info.js'
import type { Acl } from '../acl/match.js'

function callerAcl(
  ctx: RequestContext
): { acl: Acl; prefix: string } | undefined {
  const token = ctx.token
  if (token === undefined) return undefined
  const tokenNs = ctx.state.namespace(token.nsPath) ?? ctx.state.root
  return {
    acl: tokenNs.acl(token.policies),
    prefix: ctx.ns.path.slice(token.nsPath.length)
  }
}

/** No token or an unknown one: OpenBao's bare text for both. */
function tokenError(): Result {
  return fail(403, 'permission denied')
}

export function uiMount(ctx: RequestContext, requested: string): Result {
  const caller = callerAcl(ctx)
  if (caller === undefined) return tokenError()
  const path = requested.endsWith('/') ? requested : `${requested}/`
  const denied = fail(
    403,
    `preflight capability check returned 403, please ensure client's policies grant access to path "${path}"`
  )
  const matched = ctx.ns.match(path)
  if (matched === undefined) return denied
  const { mount } = matched
  if (!caller.acl.hasMountAccess(caller.prefix + mount.path)) return denied
  // An auth mount is reported by its name in the auth table (`approle/`),
  // as OpenBao does, not by its router path (`auth/approle/`).
  const reported =
    mount.table === 'auth' ? mount.path.slice('auth/'.length) : mount.path
  return logical({ ...mountInfo(mount), path: reported })
}

/** Without a path: every mount the caller can see, split by table. */
export function uiMountList(ctx: RequestContext): Result {
  const caller = callerAcl(ctx)
  const secret: Record<string, unknown> = {}
  const auth: Record<string, unknown> = {}
  for (const m of ctx.ns.mounts.values()) {
    if (
      caller === undefined ||
      !caller.acl.hasMountAccess(caller.prefix + m.path)
    ) {
      continue
    }
    if (m.table === 'auth') auth[m.path.slice('auth/'.length)] = mountInfo(m)
    else secret[m.path] = mountInfo(m)
  }
  return logical({ auth, secret })
}
