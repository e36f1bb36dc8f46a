/**
 * The Deployments the server holds, with secret values, and the two views
 * of them: `get` for tests (everything, secrets included) and `read` for
 * GET responses (secret values left out, astro-api.md §2; the status moves
 * from DEPLOYING to HEALTHY after a configurable number of GETs).
 */
import { clone, type DeploymentSeed, type StoredDeployment } from './model.js'

/**
 * The spec's status enum has no UPDATING; Astro reports DEPLOYING while an
 * update rolls out (astro-api.md §1.2), so that is what the server says.
 */
export const ROLLING_STATUS = 'DEPLOYING'

export interface DeploymentStoreView {
  /** The stored Deployment, secret values included; undefined if unknown. */
  get(id: string): StoredDeployment | undefined
  /** Adds or replaces a Deployment. */
  seed(d: DeploymentSeed): void
  ids(): string[]
}

export class DeploymentStore implements DeploymentStoreView {
  private readonly items = new Map<string, StoredDeployment>()
  /** GETs left that still report ROLLING_STATUS, per Deployment. */
  private readonly rolling = new Map<string, number>()

  constructor(private readonly updatingGets: number) {}

  get(id: string): StoredDeployment | undefined {
    const d = this.items.get(id)
    return d && clone(d)
  }

  seed(d: DeploymentSeed): void {
    this.items.set(d.id, clone(d))
    this.rolling.delete(d.id)
  }

  ids(): string[] {
    return [...this.items.keys()]
  }

  all(): StoredDeployment[] {
    return [...this.items.values()]
  }

  /** The live object, for the update handler. */
  mutable(id: string): StoredDeployment | undefined {
    return this.items.get(id)
  }

  /** An update was applied: Airflow restarts (astro-api.md §1.2). */
  rolled(id: string): void {
    const d = this.items.get(id)
    if (!d) return
    if (this.updatingGets > 0) {
      d.status = ROLLING_STATUS
      this.rolling.set(id, this.updatingGets)
    } else {
      d.status = 'HEALTHY'
    }
  }

  /** The GET body. `tick` counts the read towards HEALTHY. */
  read(id: string, tick: boolean): Record<string, unknown> | undefined {
    const d = this.items.get(id)
    if (!d) return undefined
    const left = this.rolling.get(id)
    if (tick && left !== undefined) {
      if (left > 0) this.rolling.set(id, left - 1)
      else {
        this.rolling.delete(id)
        d.status = 'HEALTHY'
      }
    }
    return publicView(d)
  }
}

/** What the API returns: secrets without `value` (not "", not null). */
export function publicView(d: StoredDeployment): Record<string, unknown> {
  const view = clone(d) as Record<string, unknown>
  view.environmentVariables = d.environmentVariables.map((v) =>
    v.isSecret
      ? { key: v.key, isSecret: true, updatedAt: v.updatedAt }
      : { key: v.key, value: v.value, isSecret: false, updatedAt: v.updatedAt }
  )
  return view
}
