/**
 * The `sys/` mount's path table. Only the system endpoints a KV sync tool
 * and its tests touch are implemented; anything else is Vault's 404
 * "unsupported path". `sys/auth/*` is root-protected (`PathsSpecial.Root`
 * "auth/*" in `vault/logical_system.go`), so it also needs `sudo`.
 */
import type { VaultRequest } from '../http/request.js'
import type { Backend, Route } from '../state.js'
import {
  disableAuth,
  disableMount,
  enableAuth,
  enableMount,
  listAuth,
  listMounts,
  readMount,
  readTune,
  writeTune
} from './mounts.js'
import { uiMount, uiMountList } from './ui-mounts.js'
import {
  deletePolicy,
  listPolicies,
  readPolicy,
  writePolicy
} from './policies.js'
import { capabilitiesOf, capabilitiesSelf } from './capabilities.js'
import { health, seal, sealStatus, unseal } from './health.js'
import {
  createNamespace,
  deleteNamespace,
  listNamespaces,
  readNamespace
} from './namespaces.js'

const sys = (
  handlers: Route['handlers'],
  extra: Partial<Route> = {}
): Route => ({
  kind: 'sys',
  handlers,
  ...extra
})

export class SysBackend implements Backend {
  constructor(private readonly namespaces: boolean) {}

  route(rel: string, req: VaultRequest): Route | undefined {
    const after = (prefix: string): string | undefined =>
      rel.startsWith(prefix) ? rel.slice(prefix.length) : undefined
    switch (rel) {
      case 'health':
        return sys(
          { read: (c) => health(c.state, c.req.query) },
          { unauthenticated: true }
        )
      case 'seal-status':
        return sys(
          { read: (c) => sealStatus(c.state) },
          { unauthenticated: true }
        )
      case 'seal':
        return sys({ update: seal }, { sudo: true })
      case 'unseal':
        return sys({ update: unseal }, { unauthenticated: true })
      case 'mounts':
        return sys({ read: listMounts })
      case 'auth':
        return sys({ read: listAuth })
      case 'internal/ui/mounts':
        return sys({ read: uiMountList }, { unauthenticated: true })
      case 'capabilities-self':
        return sys({ update: capabilitiesSelf })
      case 'capabilities':
        return sys({ update: capabilitiesOf })
      case 'policy':
        return sys({ read: (c) => listPolicies(c, true) })
      case 'policies/acl/':
        return sys({ list: (c) => listPolicies(c, false) })
    }
    const ui = after('internal/ui/mounts/')
    if (ui !== undefined) {
      return sys({ read: (c) => uiMount(c, ui) }, { unauthenticated: true })
    }
    const mount = after('mounts/')
    if (mount !== undefined && mount !== '') {
      const tune = /^(.+?)\/tune$/.exec(mount)
      if (tune?.[1] !== undefined) {
        const target = tune[1]
        return sys({
          read: (c) => readTune(c, target),
          update: (c) => writeTune(c, target)
        })
      }
      return sys({
        read: (c) => readMount(c, mount),
        update: (c) => enableMount(c, mount),
        delete: (c) => disableMount(c, mount)
      })
    }
    const auth = after('auth/')
    if (auth !== undefined && auth !== '') {
      return sys(
        {
          update: (c) => enableAuth(c, auth),
          delete: (c) => disableAuth(c, auth)
        },
        { sudo: true }
      )
    }
    const acl = after('policies/acl/')
    if (acl !== undefined && acl !== '' && !acl.endsWith('/')) {
      return sys({
        read: (c) => readPolicy(c, acl, false),
        update: (c) => writePolicy(c, acl, false),
        delete: (c) => deletePolicy(c, acl)
      })
    }
    const legacy = after('policy/')
    if (legacy !== undefined && legacy !== '') {
      return sys({
        read: (c) => readPolicy(c, legacy, true),
        update: (c) => writePolicy(c, legacy, true),
        delete: (c) => deletePolicy(c, legacy)
      })
    }
    const ns = this.namespaces ? after('namespaces/') : undefined
    if (ns !== undefined) {
      if (ns === '' && req.operation === 'list')
        return sys({ list: listNamespaces })
      if (ns === '') return undefined
      return sys({
        read: (c) => readNamespace(c, ns),
        update: (c) => createNamespace(c, ns),
        delete: (c) => deleteNamespace(c, ns)
      })
    }
    return undefined
  }
}
