/**
 * A Vault-compatible dev server for tests, benchmarks and `npm start`.
 * See docs/vault-dev-server.md. It follows `vault server -dev`: in-memory,
 * unsealed, a root token, `secret/` as KV v2, token auth only.
 */
import type { AddressInfo } from 'node:net'
import { Counters } from './counters.js'
import {
  DEFAULT_FAULTS,
  type FaultConfig,
  type FaultController,
  Faults
} from './faults.js'
import { DEFAULT_MAX_REQUEST_BYTES } from './http/body.js'
import { startHttp, type TlsFiles } from './http/server.js'
import { NamespaceState, ServerState } from './state.js'
import { seedNamespace } from './seed.js'
import { kvMount } from './sys/mounts.js'
import { TokenStore } from './auth/tokens.js'
import { DEFAULT_LOCKOUT, type LockoutConfig } from './auth/lockout.js'
import { serviceToken } from './util/ids.js'

export type { FaultConfig, FaultController } from './faults.js'
export type { CountersSnapshot } from './counters.js'
export type { LockoutConfig } from './auth/lockout.js'
export type { TlsFiles } from './http/server.js'
export { Counters } from './counters.js'
export { DEFAULT_FAULTS }

export interface VaultDevServerOptions {
  /** Default 0 (a random free port). */
  port?: number
  /** Default '127.0.0.1'. */
  host?: string
  /** Default: random `hvs.` + 24 characters, like `vault server -dev`. */
  rootToken?: string
  /** Default `[{ path: 'secret', version: 2 }]`, like `-dev`. */
  mounts?: Array<{ path: string; version: 1 | 2 }>
  /**
   * Honour `X-Vault-Namespace` and namespace path prefixes (Enterprise /
   * HCP; an `admin` namespace is created). Default false: ignored, as in
   * Community Edition.
   */
  namespaces?: boolean
  faults?: Partial<FaultConfig>
  /** Default Vault's 32 MiB. */
  maxRequestBytes?: number
  /** AppRole user lockout; default Vault's 5 failures, 15 min, 15 min. */
  lockout?: Partial<LockoutConfig>
  /** PEM key and certificate: serve HTTPS only, as a real Vault does. */
  tls?: TlsFiles
}

export interface VaultDevServer {
  /** e.g. http://127.0.0.1:54321, or https:// with `tls`. */
  url: string
  rootToken: string
  /** set(partial), reset(), sealed on/off. */
  faults: FaultController
  /** snapshot(), reset(). */
  counters: Counters
  /** The unseal key `vault server -dev` would print (for `sys/unseal`). */
  unsealKey: string
  /** Also destroys keep-alive sockets. Safe to call twice. */
  close(): Promise<void>
}

export async function startVaultDevServer(
  opts: VaultDevServerOptions = {}
): Promise<VaultDevServer> {
  const counters = new Counters()
  const state = new ServerState(
    {
      namespaces: opts.namespaces ?? false,
      maxRequestBytes: opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES
    },
    new TokenStore(),
    counters
  )
  state.lockout = { ...DEFAULT_LOCKOUT, ...opts.lockout }
  seedNamespace(state, state.root)
  for (const m of opts.mounts ?? [{ path: 'secret', version: 2 }]) {
    const path = `${m.path.replace(/^\/+|\/+$/g, '')}/`
    state.root.mounts.set(path, kvMount(path, m.version))
  }
  if (state.options.namespaces) {
    // HCP Vault Dedicated keeps customer data in the `admin` namespace.
    const admin = new NamespaceState('admin/', state.root)
    seedNamespace(state, admin)
    state.root.children.set('admin', admin)
  }
  const rootToken = opts.rootToken ?? serviceToken()
  // A root token named with -dev-root-token-id is made through
  // auth/token/create, in Vault and OpenBao alike.
  const named = opts.rootToken !== undefined
  state.tokens.create({
    id: rootToken,
    policies: ['root'],
    nsPath: '',
    path: named ? 'auth/token/create' : 'auth/token/root',
    displayName: named ? 'token' : 'root'
  })
  const faults = new Faults(state, opts.faults)
  const http = startHttp(state, faults, opts.tls)
  await new Promise<void>((resolve, reject) => {
    http.server.once('error', reject)
    http.server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      http.server.off('error', reject)
      resolve()
    })
  })
  const addr = http.server.address() as AddressInfo
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address
  return {
    url: `${opts.tls ? 'https' : 'http'}://${host}:${addr.port}`,
    rootToken,
    faults,
    counters,
    unsealKey: state.seal.unsealKey,
    close: () => http.shutdown()
  }
}
