/**
 * Fault injection for the Astro test server: latency, 429 (with
 * Retry-After) and 5xx at a rate, for the next N requests or on chosen
 * paths, and connection resets. Rates use a seeded PRNG so a failing test
 * replays exactly. Astro's rate limits (astro-api.md §3: POST 10/s, GET
 * 25/s per token) are not enforced on their own; inject 429s instead.
 */
export interface AstroFaultConfig {
  /** Delay before every request is handled. */
  latencyMs: number
  /** Probability (0..1) that a request fails with one of `errorStatuses`. */
  errorRate: number
  errorStatuses: number[]
  /** `Retry-After` seconds sent with injected 429 and 503; null: none. */
  retryAfterSeconds: number | null
  /** The next requests fail, in order: `count` times with `status`. */
  failNext: Array<{ status: number; count: number }>
  /** Requests whose path (after the API base) contains `path` fail. */
  failPaths: Array<{
    path: string
    method?: string
    status: number
    times?: number
  }>
  /** The next N requests get their connection destroyed (no answer). */
  resetNext: number
  /** Requests like `failPaths` get their connection destroyed instead. */
  resetPaths: Array<{ path: string; method?: string; times?: number }>
  /**
   * Answer 401/403 in text/plain, as live Astro reportedly does (astro-api.md
   * §3, unverified), instead of the spec's JSON Error.
   */
  textAuthErrors: boolean
  /**
   * Injected errors quote the request body in their message, and each
   * environment variable's value in fieldErrors, as some gateways and
   * validators do: for tests that no secret reaches output.
   */
  echoRequestBody: boolean
  seed: number
}

export const DEFAULT_ASTRO_FAULTS: AstroFaultConfig = {
  latencyMs: 0,
  errorRate: 0,
  errorStatuses: [503],
  retryAfterSeconds: null,
  failNext: [],
  failPaths: [],
  resetNext: 0,
  resetPaths: [],
  textAuthErrors: false,
  echoRequestBody: false,
  seed: 1
}

export type FaultAction =
  { type: 'none' } | { type: 'reset' } | { type: 'status'; status: number }

export interface AstroFaultController {
  readonly config: AstroFaultConfig
  set(partial: Partial<AstroFaultConfig>): void
  /** Shorthand: the next `count` requests answer `status`. */
  failNext(status: number, count?: number): void
  reset(): void
}

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

export class AstroFaults implements AstroFaultController {
  private cfg: AstroFaultConfig = structuredClone(DEFAULT_ASTRO_FAULTS)
  private random = prng(1)
  private pathCounts = new Map<number, number>()
  private resetCounts = new Map<number, number>()

  constructor(initial: Partial<AstroFaultConfig> = {}) {
    this.set(initial)
  }

  get config(): AstroFaultConfig {
    return structuredClone(this.cfg)
  }

  set(partial: Partial<AstroFaultConfig>): void {
    this.cfg = { ...this.cfg, ...structuredClone(partial) }
    if (partial.seed !== undefined) this.random = prng(partial.seed)
    if (partial.failPaths !== undefined) this.pathCounts.clear()
    if (partial.resetPaths !== undefined) this.resetCounts.clear()
  }

  failNext(status: number, count = 1): void {
    this.cfg.failNext.push({ status, count })
  }

  reset(): void {
    this.cfg = structuredClone(DEFAULT_ASTRO_FAULTS)
    this.random = prng(this.cfg.seed)
    this.pathCounts.clear()
    this.resetCounts.clear()
  }

  decide(method: string, path: string): FaultAction {
    const c = this.cfg
    if (c.resetNext > 0) {
      c.resetNext--
      return { type: 'reset' }
    }
    for (const [i, f] of c.resetPaths.entries()) {
      if (!path.includes(f.path)) continue
      if (f.method && f.method.toUpperCase() !== method) continue
      const used = this.resetCounts.get(i) ?? 0
      if (f.times !== undefined && used >= f.times) continue
      this.resetCounts.set(i, used + 1)
      return { type: 'reset' }
    }
    const next = c.failNext[0]
    if (next) {
      if (--next.count <= 0) c.failNext.shift()
      return { type: 'status', status: next.status }
    }
    for (const [i, f] of c.failPaths.entries()) {
      if (!path.includes(f.path)) continue
      if (f.method && f.method.toUpperCase() !== method) continue
      const used = this.pathCounts.get(i) ?? 0
      if (f.times !== undefined && used >= f.times) continue
      this.pathCounts.set(i, used + 1)
      return { type: 'status', status: f.status }
    }
    if (c.errorRate > 0 && this.random() < c.errorRate) {
      const i = Math.floor(this.random() * c.errorStatuses.length)
      return { type: 'status', status: c.errorStatuses[i] ?? 503 }
    }
    return { type: 'none' }
  }
}
