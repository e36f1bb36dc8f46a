/**
 * What a fresh namespace contains, like `vault server -dev`: `sys/`,
 * `cubbyhole/`, `identity/` and the token auth method only (vault-api.md
 * §5.3). AppRole and JWT must be enabled through `sys/auth`, exactly as on a
 * real dev server, so test setup code works against both.
 */
import type { VaultRequest } from './http/request.js'
import {
  type Backend,
  type NamespaceState,
  type Route,
  type ServerState,
  newMount
} from './state.js'
import { SysBackend } from './sys/index.js'
import { TokenBackend } from './auth/token.js'
import { KvV1Backend } from './kv/v1.js'

/** Per-token private KV storage; tokens never see each other's data. */
class CubbyholeBackend implements Backend {
  private readonly stores = new Map<string, KvV1Backend>()

  route(rel: string, req: VaultRequest): Route | undefined {
    const id = req.token ?? ''
    let store = this.stores.get(id)
    if (store === undefined) this.stores.set(id, (store = new KvV1Backend()))
    return store.route(rel, req)
  }
}

/** The identity store is mounted but not implemented here. */
class IdentityBackend implements Backend {
  route(): Route | undefined {
    return undefined
  }
}

export function seedNamespace(state: ServerState, ns: NamespaceState): void {
  const sys = new SysBackend(state.options.namespaces)
  ns.mounts.set(
    'sys/',
    newMount('sys/', 'mounts', 'system', sys, {
      description: 'system endpoints used for control, policy and debugging'
    })
  )
  ns.mounts.set(
    'cubbyhole/',
    newMount('cubbyhole/', 'mounts', 'cubbyhole', new CubbyholeBackend(), {
      description: 'per-token private secret storage',
      local: true
    })
  )
  ns.mounts.set(
    'identity/',
    newMount('identity/', 'mounts', 'identity', new IdentityBackend(), {
      description: 'identity store'
    })
  )
  ns.mounts.set(
    'auth/token/',
    newMount('auth/token/', 'auth', 'token', new TokenBackend(), {
      description: 'token based credentials'
    })
  )
}
