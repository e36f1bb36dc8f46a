/**
 * Counters for tests and benchmarks: requests by method, path kind and
 * status, KV writes, KV versions created (per key, so a test can assert "no
 * version written twice"), and peak concurrency.
 */
import type { PathKind } from './state.js'

export interface CountersSnapshot {
  requests: {
    total: number
    byMethod: Record<string, number>
    byKind: Partial<Record<PathKind | 'fault', number>>
    /** `"GET kv2-data"` style keys. */
    byMethodAndKind: Record<string, number>
    byStatus: Record<string, number>
  }
  /** Successful KV mutations (v1 writes/deletes, v2 data/metadata/version ops). */
  kvWrites: number
  kvVersionsCreated: number
  /** `"<mount>/<key>"` -> versions created since the last reset. */
  versionsByKey: Record<string, number>
  peakConcurrent: number
  inFlight: number
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1
}

export class Counters {
  private data = Counters.empty()
  private inFlight = 0

  private static empty(): Omit<CountersSnapshot, 'inFlight'> {
    return {
      requests: {
        total: 0,
        byMethod: {},
        byKind: {},
        byMethodAndKind: {},
        byStatus: {}
      },
      kvWrites: 0,
      kvVersionsCreated: 0,
      versionsByKey: {},
      peakConcurrent: 0
    }
  }

  /** A deep copy; later requests do not change it. */
  snapshot(): CountersSnapshot {
    return structuredClone({ ...this.data, inFlight: this.inFlight })
  }

  /** Zero everything; the peak restarts from what is in flight now. */
  reset(): void {
    this.data = Counters.empty()
    this.data.peakConcurrent = this.inFlight
  }

  /** @internal a request arrived. */
  begin(): void {
    this.inFlight++
    if (this.inFlight > this.data.peakConcurrent) {
      this.data.peakConcurrent = this.inFlight
    }
  }

  /** @internal a request finished (or was cut off by a fault). */
  end(method: string, kind: PathKind | 'fault', status: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    const r = this.data.requests
    r.total++
    bump(r.byMethod, method)
    bump(r.byKind as Record<string, number>, kind)
    bump(r.byMethodAndKind, `${method} ${kind}`)
    bump(r.byStatus, String(status))
  }

  /** @internal */
  kvWrite(): void {
    this.data.kvWrites++
  }

  /** @internal a KV v2 version was created for `<mount>/<key>`. */
  versionCreated(key: string): void {
    this.data.kvVersionsCreated++
    bump(this.data.versionsByKey, key)
  }
}
