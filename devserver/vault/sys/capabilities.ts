/**
 * `sys/capabilities-self` and `sys/capabilities` (`handleCapabilities`;
 * vault-api.md §7.6): capabilities per path, injected at the top level, plus
 * a `capabilities` key when exactly one path is asked.
 */
import { type Result, fail, logical } from '../http/response.js'
import { isError, stringListField } from '../http/fields.js'
import type { RequestContext } from '../state.js'
import type { TokenEntry } from '../auth/tokens.js'
import { multiError } from '../util/go.js'

function answer(ctx: RequestContext, token: TokenEntry): Result {
  let paths = stringListField(ctx.req.data, 'paths')
  if (isError(paths)) return paths
  if (paths === undefined || paths.length === 0) {
    // Older clients send the singular "path".
    const legacy = stringListField(ctx.req.data, 'path')
    if (isError(legacy)) return legacy
    paths = legacy ?? []
  }
  if (paths.length === 0) return fail(400, "missing required 'paths' parameter")
  const tokenNs = ctx.state.namespace(token.nsPath) ?? ctx.state.root
  const prefix = ctx.ns.path.slice(token.nsPath.length)
  const acl = tokenNs.acl(token.policies)
  const data: Record<string, unknown> = {}
  for (const path of paths) {
    data[path] = acl.capabilities(prefix + path.replace(/^\//, ''))
  }
  if (paths.length === 1) data.capabilities = data[paths[0] ?? '']
  return logical(data, { injected: true })
}

export function capabilitiesSelf(ctx: RequestContext): Result {
  if (ctx.token === undefined) return fail(403, 'permission denied')
  return answer(ctx, ctx.token)
}

/** `sys/capabilities {token, paths}`: someone else's capabilities. */
export function capabilitiesOf(ctx: RequestContext): Result {
  const id = ctx.req.data.token
  const token = typeof id === 'string' ? ctx.state.tokens.lookup(id) : undefined
  if (token === undefined) return fail(400, multiError(['invalid token']))
  return answer(ctx, token)
}
