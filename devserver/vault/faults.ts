/**
 * Fault injection, set at start and changed at run time: latency, 429/503
 * at a rate or on chosen paths, connection resets, a sealed Vault, the KV
 * upgrade window, slow-loris responses and a server that dies after N
 * requests. Rates use a seeded PRNG so a failing test replays exactly.
 */
import type { ServerState } from './state.js'

export interface FaultConfig {
  /** Delay added before every request is handled. */
  latencyMs: number
  /** Extra random delay in [0, latencyJitterMs). */
  latencyJitterMs: number
  /** Probability (0..1) that a request fails with one of `errorStatuses`. */
  errorRate: number
  errorStatuses: Array<429 | 503>
  /**
   * Requests whose path (after `/v1/`) starts with `path` fail with
   * `status`; `times` limits how often (then the path works again).
   */
  failPaths: Array<{ path: string; status: number; times?: number }>
  /** Probability (0..1) that the connection is destroyed without answer. */
  resetRate: number
  /** Path prefixes whose requests always get the connection reset. */
  resetPaths: string[]
  /** 503 `Vault is sealed` for everything but health and seal endpoints. */
  sealed: boolean
  /** Path prefixes that get headers and then a trickle (or nothing). */
  slowLorisPaths: string[]
  slowLorisMode: 'dribble' | 'hang'
  /** Interval between dribbled bytes. */
  slowLorisIntervalMs: number
  /** Seed for the rate-based faults. */
  seed: number
  /** After this many requests the server drops every connection and stops listening. */
  closeAfterRequests: number | null
  /** After this many requests every token with a TTL expires (once). */
  expireTokensAfterRequests: number | null
  /** New KV v2 mounts answer 400 "Upgrading…" for this many requests (§3.12). */
  kvUpgradeRequests: number
  /**
   * Requests whose path starts with `path` fail with `status`, and the error
   * quotes the request body, as some proxies and plugins do: for tests that
   * no secret reaches output through an error.
   */
  echoBodyPaths: Array<{ path: string; status: number }>
}

export const DEFAULT_FAULTS: FaultConfig = {
  latencyMs: 0,
  latencyJitterMs: 0,
  errorRate: 0,
  errorStatuses: [503],
  failPaths: [],
  resetRate: 0,
  resetPaths: [],
  sealed: false,
  slowLorisPaths: [],
  slowLorisMode: 'hang',
  slowLorisIntervalMs: 1000,
  seed: 1,
  closeAfterRequests: null,
  expireTokensAfterRequests: null,
  kvUpgradeRequests: 0,
  echoBodyPaths: []
}

export interface FaultController {
  /** The current configuration (a copy). */
  readonly config: FaultConfig
  /** Change some settings; the PRNG restarts when `seed` is given. */
  set(partial: Partial<FaultConfig>): void
  /** Back to no faults (and unsealed). */
  reset(): void
  sealed: boolean
  seal(): void
  unseal(): void
}

export type FaultAction =
  | { type: 'none' }
  | { type: 'reset' }
  | { type: 'close' }
  | { type: 'slowloris' }
  | { type: 'status'; status: number }

/** mulberry32: tiny, fast, good enough for fault rates. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Bodies Vault sends with these statuses (vault-api.md §2.3, §6.7). */
export function faultBody(status: number, path: string): string[] {
  switch (status) {
    case 429:
      return [`request path "${path}": rate limit quota exceeded`]
    case 503:
      return ['Vault is sealed']
    case 412:
      return ['missing required state']
    case 500:
      return ['internal error']
    case 502:
      return ['upstream rate limited']
    default:
      return []
  }
}

export class Faults implements FaultController {
  private cfg: FaultConfig
  private random: () => number
  private seen = 0
  private tokenSeen = 0
  private failCounts = new Map<string, number>()

  constructor(
    private readonly state: ServerState,
    initial: Partial<FaultConfig> = {}
  ) {
    this.cfg = { ...DEFAULT_FAULTS }
    this.random = prng(this.cfg.seed)
    this.set(initial)
  }

  get config(): FaultConfig {
    return structuredClone(this.cfg)
  }

  set(partial: Partial<FaultConfig>): void {
    this.cfg = { ...this.cfg, ...structuredClone(partial) }
    if (partial.seed !== undefined) this.random = prng(partial.seed)
    if (partial.sealed !== undefined) this.state.seal.sealed = partial.sealed
    if (partial.closeAfterRequests !== undefined) this.seen = 0
    if (partial.expireTokensAfterRequests !== undefined) this.tokenSeen = 0
    if (partial.failPaths !== undefined) this.failCounts.clear()
    this.state.kvUpgradeRequests = this.cfg.kvUpgradeRequests
  }

  reset(): void {
    this.cfg = { ...DEFAULT_FAULTS }
    this.random = prng(this.cfg.seed)
    this.seen = 0
    this.tokenSeen = 0
    this.failCounts.clear()
    this.state.seal.sealed = false
    this.state.kvUpgradeRequests = 0
  }

  get sealed(): boolean {
    return this.state.seal.sealed
  }

  set sealed(value: boolean) {
    this.state.seal.sealed = value
    this.cfg.sealed = value
  }

  seal(): void {
    this.sealed = true
  }

  unseal(): void {
    this.sealed = false
  }

  /** Delay for this request, in ms. */
  latency(): number {
    const { latencyMs, latencyJitterMs } = this.cfg
    if (latencyMs === 0 && latencyJitterMs === 0) return 0
    return (
      latencyMs + (latencyJitterMs > 0 ? this.random() * latencyJitterMs : 0)
    )
  }

  /** The status of an `echoBodyPaths` fault for `path`, if any. */
  echoStatus(path: string): number | undefined {
    return this.cfg.echoBodyPaths.find((e) => path.startsWith(e.path))?.status
  }

  /** Decide what happens to a request on `path` (the part after `/v1/`). */
  decide(path: string): FaultAction {
    const c = this.cfg
    const expireAt = c.expireTokensAfterRequests
    if (expireAt !== null && ++this.tokenSeen > expireAt) {
      // Before this request's token is looked up, so it is the first refused.
      this.state.tokens.expireAll()
      c.expireTokensAfterRequests = null
    }
    if (c.closeAfterRequests !== null && ++this.seen > c.closeAfterRequests) {
      return { type: 'close' }
    }
    if (c.resetPaths.some((p) => path.startsWith(p))) return { type: 'reset' }
    if (c.resetRate > 0 && this.random() < c.resetRate) return { type: 'reset' }
    if (c.slowLorisPaths.some((p) => path.startsWith(p)))
      return { type: 'slowloris' }
    for (const f of c.failPaths) {
      if (!path.startsWith(f.path)) continue
      const used = this.failCounts.get(f.path) ?? 0
      if (f.times !== undefined && used >= f.times) continue
      this.failCounts.set(f.path, used + 1)
      return { type: 'status', status: f.status }
    }
    if (c.errorRate > 0 && this.random() < c.errorRate) {
      const statuses = c.errorStatuses.length > 0 ? c.errorStatuses : [503]
      const status =
        statuses[Math.floor(this.random() * statuses.length)] ?? 503
      return { type: 'status', status }
    }
    return { type: 'none' }
  }
}
