/**
 * What to do with one Deployment, from its GET and the desired kwargs:
 * `update` with the full body, `unchanged` (no POST: every update restarts
 * Airflow, astro-api.md §1.2), or `skipped` for Remote Execution, which
 * gets a Helm values snippet instead (§6).
 *
 * The body holds the kwargs secret, so it is a non-enumerable property:
 * JSON.stringify(plan), util.inspect and test snapshots never show it,
 * while `plan.body` still works for the code that POSTs it.
 */
import { buildUpdateBody } from './body.js'
import {
  type DesiredBackend,
  type ManagedVariable,
  mergeEnvVars
} from './env-vars.js'
import { helmValuesSnippet } from './helm.js'
import type { Deployment } from './model.js'
import { PlanError } from './plan-error.js'
import type { UpdateDeploymentRequest } from './request.js'

export interface PlanOptions {
  /** POST to Remote Execution Deployments too (default false, §6). */
  pushRemoteExecution?: boolean
  /** Send KWARGS even when its fingerprint matches: new credentials. */
  forceKwargs?: boolean
}

export interface DeploymentPlan {
  id: string
  name: string
  action: 'update' | 'unchanged' | 'skipped'
  reason?: string
  /** Our three variables and what happens to each. */
  variables: ManagedVariable[]
  warnings: string[]
  /** Only for `update`; non-enumerable (holds the kwargs secret). */
  readonly body?: UpdateDeploymentRequest
  /** Only for a skipped Remote Execution Deployment. */
  helmValues?: string
}

export const REMOTE_EXECUTION_REASON =
  'Remote Execution: tasks run on agents in your cluster, which do not get Deployment environment variables from the Astro API, so nothing was sent; put the Helm values below into the agent chart (or set push_remote_execution to update the Deployment anyway)'

export function planDeployment(
  current: Deployment,
  desired: DesiredBackend,
  opts: PlanOptions = {}
): DeploymentPlan {
  if (!current.environmentVariables) {
    // Sending a list without the existing keys would delete them (§3).
    throw new PlanError(
      `Deployment ${current.id}: the GET response has no environmentVariables; the token may not be allowed to see them, and updating would delete every variable`
    )
  }
  const merged = mergeEnvVars(
    current.environmentVariables,
    desired,
    opts.forceKwargs
  )
  const plan: DeploymentPlan = {
    id: current.id,
    name: current.name,
    action: 'unchanged',
    variables: merged.managed,
    warnings: merged.warnings
  }
  if (current.remoteExecution?.enabled && !opts.pushRemoteExecution) {
    const keys = Object.keys(JSON.parse(desired.kwargsJson) as object)
    plan.action = 'skipped'
    plan.reason = REMOTE_EXECUTION_REASON
    plan.helmValues = helmValuesSnippet({
      deploymentId: current.id,
      deploymentName: current.name,
      kwargsKeys: keys
    })
    return plan
  }
  if (merged.managed.every((v) => v.action === 'unchanged')) {
    plan.reason = 'backend, kwargs fingerprint and variables already current'
    return plan
  }
  plan.action = 'update'
  Object.defineProperty(plan, 'body', {
    value: buildUpdateBody(current, merged.variables),
    enumerable: false
  })
  return plan
}
