/**
 * The server's state, one tree per namespace (vault-api.md §6.6): a mount
 * table (secret engines and, under `auth/`, auth methods), the ACL policies
 * and the compiled ACL cache. Tokens live in one store across namespaces and
 * remember the namespace they were issued in.
 */
import type { Operation, VaultRequest } from './http/request.js'
import type { Result } from './http/response.js'
import type { PolicyRule } from './acl/hcl.js'
import { parsePolicy } from './acl/hcl.js'
import { DEFAULT_POLICY } from './acl/default-policy.js'
import { Acl } from './acl/match.js'
import { randomBytes } from 'node:crypto'
import { mountAccessor, uuid } from './util/ids.js'
import type { TokenEntry, TokenStore } from './auth/tokens.js'
import type { Counters } from './counters.js'
import { DEFAULT_LOCKOUT, type LockoutConfig } from './auth/lockout.js'

/** Counter buckets for requests (see counters.ts). */
export type PathKind =
  | 'kv2-data'
  | 'kv2-metadata'
  | 'kv2-list'
  | 'kv2-versions'
  | 'kv2-subkeys'
  | 'kv2-config'
  | 'kv2-invalid'
  | 'kv1'
  | 'kv1-list'
  | 'sys'
  | 'auth-login'
  | 'auth'
  | 'unrouted'

export interface RequestContext {
  req: VaultRequest
  state: ServerState
  ns: NamespaceState
  mount: MountEntry
  /** Path relative to the mount (`data/x` for `secret/data/x`). */
  rel: string
  /** The caller's token; undefined on unauthenticated routes. */
  token: TokenEntry | undefined
}

export type Handler = (ctx: RequestContext) => Result | Promise<Result>

export interface Route {
  kind: PathKind
  handlers: Partial<Record<Operation, Handler>>
  /** Vault's ExistenceCheck: with it, POST/PUT become create or update. */
  exists?: (ctx: RequestContext) => boolean
  /** Fixed schema: other request fields earn an "ignored" warning (§2.3). */
  fields?: readonly string[]
  /** Login and health paths need no token. */
  unauthenticated?: boolean
  /** Root-protected paths (`PathsSpecial.Root`) also need `sudo`. */
  sudo?: boolean
}

export interface Backend {
  /** `undefined` means "unsupported path" (404). */
  route(rel: string, req: VaultRequest): Route | undefined
}

export interface MountConfig {
  default_lease_ttl: number
  max_lease_ttl: number
  force_no_cache: boolean
}

export interface MountEntry {
  /** Router path with trailing slash: `secret/`, `auth/approle/`. */
  path: string
  table: 'mounts' | 'auth'
  type: string
  description: string
  accessor: string
  uuid: string
  options: Record<string, string> | null
  config: MountConfig
  local: boolean
  sealWrap: boolean
  runningVersion: string
  backend: Backend
  /** KV upgrade window (§3.12): requests still to answer with 400. */
  upgradeRemaining: number
}

export interface StoredPolicy {
  name: string
  text: string
  rules: PolicyRule[]
}

export function newMount(
  path: string,
  table: MountEntry['table'],
  type: string,
  backend: Backend,
  extra: Partial<MountEntry> = {}
): MountEntry {
  return {
    path,
    table,
    type,
    description: '',
    accessor: mountAccessor(type),
    uuid: uuid(),
    options: null,
    config: { default_lease_ttl: 0, max_lease_ttl: 0, force_no_cache: false },
    local: false,
    sealWrap: false,
    runningVersion: `v${VAULT_VERSION}+builtin`,
    backend,
    upgradeRemaining: 0,
    ...extra
  }
}

/** The Vault release whose behaviour the server follows. */
export const VAULT_VERSION = '1.21.0'

export class NamespaceState {
  readonly mounts = new Map<string, MountEntry>()
  readonly policies = new Map<string, StoredPolicy>()
  readonly children = new Map<string, NamespaceState>()
  readonly id = uuid().slice(0, 5)
  private aclCache = new Map<string, Acl>()

  constructor(
    /** `''` for the root namespace, else `admin/`, `admin/team/`. */
    readonly path: string,
    readonly parent: NamespaceState | undefined
  ) {
    this.policies.set('default', {
      name: 'default',
      text: DEFAULT_POLICY,
      rules: parsePolicy(DEFAULT_POLICY)
    })
  }

  /** Longest mount prefix; `foo` also matches mount `foo/` (router.go). */
  match(path: string): { mount: MountEntry; rel: string } | undefined {
    let best: MountEntry | undefined
    for (const [prefix, mount] of this.mounts) {
      if (
        (path.startsWith(prefix) || `${path}/` === prefix) &&
        (best === undefined || prefix.length > best.path.length)
      ) {
        best = mount
      }
    }
    if (best === undefined) return undefined
    return { mount: best, rel: path.slice(best.path.length) }
  }

  setPolicy(policy: StoredPolicy): void {
    this.policies.set(policy.name, policy)
    this.aclCache.clear()
  }

  deletePolicy(name: string): void {
    this.policies.delete(name)
    this.aclCache.clear()
  }

  /** The compiled ACL for a set of policy names in this namespace. */
  acl(policies: readonly string[]): Acl {
    const key = policies.join('\n')
    let acl = this.aclCache.get(key)
    if (acl === undefined) {
      const root = policies.includes('root')
      const rules = policies
        .map((name) => this.policies.get(name)?.rules)
        .filter((r): r is PolicyRule[] => r !== undefined)
      acl = new Acl(rules, root)
      this.aclCache.set(key, acl)
    }
    return acl
  }
}

export interface ServerOptions {
  namespaces: boolean
  maxRequestBytes: number
}

export class ServerState {
  readonly root = new NamespaceState('', undefined)
  readonly clusterId = uuid()
  readonly clusterName = `vault-cluster-${uuid().slice(0, 8)}`
  /** Sealed state (also driven by the fault controller) and the dev unseal key. */
  readonly seal = {
    sealed: false,
    unsealKey: randomBytes(32).toString('base64')
  }

  /** KV upgrade window for new v2 mounts, in requests (fault knob, §3.12). */
  kvUpgradeRequests = 0
  /** AppRole user-lockout settings (Vault defaults: 5 / 15 min / 15 min). */
  lockout: LockoutConfig = DEFAULT_LOCKOUT

  constructor(
    readonly options: ServerOptions,
    readonly tokens: TokenStore,
    readonly counters: Counters
  ) {}

  /** Find a namespace by full path (`admin/`); `''` is the root. */
  namespace(path: string): NamespaceState | undefined {
    let ns: NamespaceState | undefined = this.root
    for (const part of path.split('/').filter((p) => p !== '')) {
      ns = ns?.children.get(part)
    }
    return ns
  }
}
