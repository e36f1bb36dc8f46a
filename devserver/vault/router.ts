/**
 * From a logical request to a response, in the order Vault's core works
 * (`vault/request_handling.go`, `http/logical.go`; vault-api.md §2, §6.2):
 * namespace -> trailing-slash check -> route -> token -> existence check ->
 * ACL -> handler -> status/envelope rules.
 */
import type { Operation, VaultRequest } from './http/request.js'
import { type WireResponse, wireErrors } from './http/response.js'
import { toWire } from './http/wire.js'
import type {
  MountEntry,
  NamespaceState,
  PathKind,
  RequestContext,
  ServerState
} from './state.js'
import type { TokenEntry } from './auth/tokens.js'
import { multiError } from './util/go.js'

export interface Dispatched {
  wire: WireResponse
  kind: PathKind
  mount: MountEntry | undefined
  operation: Operation
}

const PERMISSION_DENIED = multiError(['permission denied'])
/**
 * An unknown, expired or revoked token. OpenBao answers the bare text, as
 * for no token at all; Vault says `2 errors occurred: permission denied,
 * invalid token`. Either way it is not the wrapped form of a missing
 * capability, which is how a client tells the two apart.
 */
const INVALID_TOKEN = 'permission denied'

/**
 * Resolve `X-Vault-Namespace` plus any namespace prefix of the path.
 * Community Edition ignores both (its `adjustRequest` is a no-op, §6.6).
 */
function resolveNamespace(
  state: ServerState,
  req: VaultRequest
): { ns: NamespaceState; path: string } | undefined {
  if (!state.options.namespaces) return { ns: state.root, path: req.path }
  const header = (req.namespaceHeader ?? '').replace(/^\/+|\/+$/g, '')
  const ns = header === '' ? state.root : state.namespace(header)
  if (ns === undefined) return undefined
  let current = ns
  let path = req.path
  for (;;) {
    const slash = path.indexOf('/')
    const head = slash === -1 ? path : path.slice(0, slash)
    const child = current.children.get(head)
    if (child === undefined || current.mounts.has(`${head}/`)) break
    current = child
    path = slash === -1 ? '' : path.slice(slash + 1)
  }
  return { ns: current, path }
}

/** Is `tokenNs` the request namespace or one of its ancestors? */
function usableIn(token: TokenEntry, ns: NamespaceState): boolean {
  return ns.path.startsWith(token.nsPath)
}

export async function dispatch(
  state: ServerState,
  req: VaultRequest
): Promise<Dispatched> {
  let op = req.operation
  const answer = (
    wire: WireResponse,
    kind: PathKind = 'unrouted',
    mount?: MountEntry
  ): Dispatched => ({ wire, kind, mount, operation: op })

  const resolved = resolveNamespace(state, req)
  if (resolved === undefined) {
    // Guess: an unknown namespace behaves like an unknown route.
    return answer(
      wireErrors(404, [
        `no handler for route "${req.path}". route entry not found.`
      ])
    )
  }
  const { ns, path } = resolved
  // request_handling.go checks this before the token (vault-api.md §1.9).
  if ((op === 'update' || op === 'patch') && path.endsWith('/')) {
    return answer(wireErrors(400, ["cannot write to a path ending in '/'"]))
  }

  const matched = ns.match(path)
  const route = matched?.mount.backend.route(matched.rel, req)
  const kind: PathKind = route?.kind ?? 'unrouted'
  const mount = matched?.mount

  const tokenId = req.token
  const known = tokenId ? state.tokens.lookup(tokenId) : undefined
  // A namespace's token is valid outside it but grants nothing there:
  // OpenBao answers a missing capability, not an invalid token.
  const outside = known !== undefined && !usableIn(known, ns)
  const token = outside ? undefined : known

  if (!route?.unauthenticated) {
    if (!tokenId)
      return answer(wireErrors(403, ['permission denied']), kind, mount)
    if (outside)
      return answer(wireErrors(403, [PERMISSION_DENIED]), kind, mount)
    if (token === undefined)
      return answer(wireErrors(403, [INVALID_TOKEN]), kind, mount)
  }

  const ctx: RequestContext | undefined =
    matched && route
      ? { req, state, ns, mount: matched.mount, rel: matched.rel, token }
      : undefined

  if (op === 'update' && route?.exists && ctx) {
    op = route.exists(ctx) ? 'update' : 'create'
  }

  if (!route?.unauthenticated && token !== undefined) {
    const tokenNs = state.namespace(token.nsPath) ?? state.root
    const aclPath = ns.path.slice(token.nsPath.length) + path
    const acl = tokenNs.acl(token.policies)
    if (!acl.allows(aclPath, op, route?.sudo).allowed) {
      return answer(wireErrors(403, [PERMISSION_DENIED]), kind, mount)
    }
    if (token.numUses > 0) {
      token.numUses--
      if (token.numUses === 0) state.tokens.revoke(token)
    }
  }

  if (matched === undefined) {
    return answer(
      wireErrors(404, [
        `no handler for route "${path}". route entry not found.`
      ])
    )
  }
  if (route === undefined || ctx === undefined) {
    return answer(
      wireErrors(404, [multiError(['unsupported path'])]),
      kind,
      mount
    )
  }
  const handler =
    route.handlers[op] ?? (op === 'create' ? route.handlers.update : undefined)
  if (handler === undefined) {
    return answer(
      wireErrors(405, [multiError(['unsupported operation'])]),
      kind,
      mount
    )
  }
  if (matched.mount.upgradeRemaining > 0 && kind.startsWith('kv2')) {
    // upgrade.go: every KV v2 handler answers 400 while the upgrade runs.
    matched.mount.upgradeRemaining--
    return answer(
      wireErrors(400, [
        'Upgrading from non-versioned to versioned data. This backend will be unavailable for a brief period and will resume service shortly.'
      ]),
      kind,
      mount
    )
  }
  const result = await handler(ctx)
  return answer(
    toWire(result, { req, op, route, mount: matched.mount }),
    kind,
    mount
  )
}
