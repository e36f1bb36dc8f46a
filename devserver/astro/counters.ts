/**
 * Request counters, so tests can assert how a run behaved on the wire: a
 * rerun with nothing to change must not POST (each update restarts Airflow,
 * astro-api.md §1.2), and retries must stay bounded.
 */
export interface AstroCountersSnapshot {
  total: number
  byMethod: Record<string, number>
  byStatus: Record<string, number>
  /** Every POST addressed to a Deployment, answered or not. */
  postsByDeployment: Record<string, number>
  getsByDeployment: Record<string, number>
  /** Requests answered by an injected fault. */
  faults: number
}

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1
}

export class AstroCounters {
  private s: AstroCountersSnapshot = AstroCounters.empty()

  private static empty(): AstroCountersSnapshot {
    return {
      total: 0,
      byMethod: {},
      byStatus: {},
      postsByDeployment: {},
      getsByDeployment: {},
      faults: 0
    }
  }

  request(method: string): void {
    this.s.total++
    bump(this.s.byMethod, method)
  }

  deployment(method: string, id: string): void {
    if (method === 'POST') bump(this.s.postsByDeployment, id)
    if (method === 'GET') bump(this.s.getsByDeployment, id)
  }

  status(status: number): void {
    bump(this.s.byStatus, String(status))
  }

  fault(): void {
    this.s.faults++
  }

  /** POSTs to one Deployment (0 when none). */
  posts(id: string): number {
    return this.s.postsByDeployment[id] ?? 0
  }

  snapshot(): AstroCountersSnapshot {
    return structuredClone(this.s)
  }

  reset(): void {
    this.s = AstroCounters.empty()
  }
}
