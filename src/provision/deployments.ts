/**
 * The Astro side of provision: which Deployments need their kwargs
 * written (so a new secret-id), and the hand-over itself, through the same
 * plan-and-post path as apply (astro-api.md: GET, then POST the whole body).
 */
import type { Manifest } from '../core/manifest/schema.js'
import type { ValueRef } from '../core/manifest/value-ref.js'
import {
  canonicalKwargsJson,
  fingerprint,
  planDeployment,
  type Deployment,
  type DeploymentPlan
} from '../core/astro/index.js'
import {
  publicKwargs,
  type RoleCredentials
} from '../core/provision/handoff.js'
import {
  createAstroClient,
  waitForHealthy,
  type AstroClient
} from '../clients/astro/index.js'
import { deploymentKwargs, type AstroConnection } from '../sync/astro.js'

export interface DeploymentView {
  id: string
  index: number
  current: Deployment
  plan: DeploymentPlan
}

export class DeploymentHandoff {
  private readonly client: AstroClient

  constructor(
    private readonly manifest: Manifest,
    private readonly kvVersion: 1 | 2,
    private readonly read: (ref: ValueRef) => string,
    private readonly connection: AstroConnection
  ) {
    this.client = createAstroClient({
      baseUrl: connection.baseUrl,
      token: connection.token,
      organizationId: connection.organizationId,
      retry: connection.retry
    })
  }

  /** GET each Deployment and plan it with the credentials' stand-in. */
  async view(): Promise<DeploymentView[]> {
    const views: DeploymentView[] = []
    for (const [index, d] of (
      this.manifest.astro?.deployments ?? []
    ).entries()) {
      const current = await this.client.getDeployment(d.id)
      views.push({
        id: d.id,
        index,
        current,
        plan: planDeployment(current, this.desired(index))
      })
    }
    return views
  }

  /**
   * POST the kwargs with the new credentials; waits if the manifest says
   * so. `mask` is told the secret KWARGS value before it is sent.
   */
  async handOver(
    view: DeploymentView,
    credentials: RoleCredentials,
    mask: (kwargsJson: string) => void
  ): Promise<DeploymentPlan> {
    const desired = this.desired(view.index, credentials)
    mask(desired.kwargsJson)
    const plan = planDeployment(view.current, desired, { forceKwargs: true })
    if (plan.action === 'skipped' || !plan.body) return plan
    await this.client.updateDeployment(view.id, plan.body)
    const astro = this.manifest.astro
    const wait = astro?.deployments[view.index]?.wait ?? astro?.wait
    if (wait === 'healthy') {
      await waitForHealthy(this.client, view.id, {
        intervalMs: this.connection.waitIntervalMs
      })
    }
    return plan
  }

  private desired(
    index: number,
    credentials?: RoleCredentials
  ): { kwargsJson: string; fingerprint: string } {
    const id = this.manifest.astro?.deployments[index]?.id ?? ''
    const kwargs = deploymentKwargs(
      this.manifest,
      index,
      this.kvVersion,
      this.read,
      credentials
    )
    return {
      kwargsJson: canonicalKwargsJson(kwargs),
      fingerprint: fingerprint(publicKwargs(kwargs), id)
    }
  }
}
