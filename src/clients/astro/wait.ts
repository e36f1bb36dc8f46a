/**
 * `wait: healthy`: after an update Airflow restarts ("can take up to two
 * minutes", astro-api.md §1.2) and the Deployment reports DEPLOYING (or
 * passes through UNHEALTHY) before HEALTHY. Polls GET until HEALTHY or the
 * time is up. Each poll is one GET, well inside the 25/s limit (§3).
 */
import type { Deployment } from '../../core/astro/model.js'
import type { AstroClient } from './client.js'
import { realSleep, type Sleep } from './retry.js'

export interface WaitOptions {
  /** Default 10 minutes. */
  timeoutMs?: number
  /** Default 10 s. */
  intervalMs?: number
  sleep?: Sleep
  now?: () => number
}

export interface WaitResult {
  deployment: Deployment
  polls: number
  waitedMs: number
}

export class AstroWaitTimeout extends Error {
  constructor(
    readonly deploymentId: string,
    readonly lastStatus: string | undefined,
    readonly waitedMs: number
  ) {
    super(
      `Deployment ${deploymentId} was not HEALTHY after ${Math.round(waitedMs / 1000)} s (last status ${lastStatus ?? 'unknown'}); check it in the Astro UI`
    )
    this.name = 'AstroWaitTimeout'
  }
}

export async function waitForHealthy(
  client: AstroClient,
  id: string,
  opts: WaitOptions = {}
): Promise<WaitResult> {
  const timeoutMs = opts.timeoutMs ?? 600_000
  const intervalMs = opts.intervalMs ?? 10_000
  const sleep = opts.sleep ?? realSleep
  const now = opts.now ?? Date.now
  const started = now()
  for (let polls = 1; ; polls++) {
    const deployment = await client.getDeployment(id)
    const waitedMs = now() - started
    if (deployment.status === 'HEALTHY') return { deployment, polls, waitedMs }
    if (waitedMs + intervalMs > timeoutMs) {
      throw new AstroWaitTimeout(id, deployment.status ?? undefined, waitedMs)
    }
    await sleep(intervalMs)
  }
}
