/**
 * `sys/namespaces/<name>` (Vault Enterprise / HCP; vault-api.md §6.6).
 * Only routed when the server runs with `namespaces: true`; Community
 * Edition has no such endpoint. Each namespace gets its own `sys/`,
 * `cubbyhole/`, `identity/` and `auth/token/` mounts and `default` policy.
 */
import { type Result, fail, logical, nil } from '../http/response.js'
import { NamespaceState, type RequestContext } from '../state.js'
import { seedNamespace } from '../seed.js'

function view(ns: NamespaceState): Record<string, unknown> {
  return { custom_metadata: {}, id: ns.id, path: ns.path }
}

export function createNamespace(ctx: RequestContext, name: string): Result {
  const clean = name.replace(/\/+$/, '')
  if (clean === '' || clean.includes('/'))
    return fail(400, 'invalid namespace path')
  const existing = ctx.ns.children.get(clean)
  if (existing) return logical(view(existing))
  const child = new NamespaceState(`${ctx.ns.path}${clean}/`, ctx.ns)
  seedNamespace(ctx.state, child)
  ctx.ns.children.set(clean, child)
  return logical(view(child))
}

export function readNamespace(ctx: RequestContext, name: string): Result {
  const child = ctx.ns.children.get(name.replace(/\/+$/, ''))
  return child ? logical(view(child)) : nil
}

export function listNamespaces(ctx: RequestContext): Result {
  const keys = [...ctx.ns.children.keys()].sort().map((k) => `${k}/`)
  const keyInfo: Record<string, unknown> = {}
  for (const [k, child] of ctx.ns.children) keyInfo[`${k}/`] = view(child)
  return logical({ key_info: keyInfo, keys })
}

export function deleteNamespace(ctx: RequestContext, name: string): Result {
  ctx.ns.children.delete(name.replace(/\/+$/, ''))
  return nil
}
