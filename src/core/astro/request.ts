/**
 * UpdateDeploymentRequest as TypeScript: the spec's oneOf by `type`
 * (astro-api.md §1.2). STANDARD and DEDICATED share a schema; HYBRID swaps
 * the scheduler size, HA, development mode, task-pod defaults, hibernation
 * and Remote Execution for `scheduler {au, replicas}` and a node pool.
 * `workloadIdentity`/`drWorkloadIdentity` are never sent (see body.ts).
 */
import type { EnvVarRequest } from './model.js'

export interface WorkerQueueRequest {
  /** Present: update that queue. Absent would create a new one. */
  id?: string
  name: string
  isDefault: boolean
  minWorkerCount: number
  maxWorkerCount: number
  workerConcurrency: number
  /** "Required for Astro Hosted". */
  astroMachine?: string
  /** "Required for Hybrid". */
  nodePoolId?: string
  podEphemeralStorage?: string
}

interface CommonRequest {
  name: string
  workspaceId: string
  executor: string
  isCicdEnforced: boolean
  isDagDeployEnabled: boolean
  /** Replaces the whole list: a key left out is deleted. */
  environmentVariables: EnvVarRequest[]
  description?: string
  contactEmails?: string[]
  workerQueues?: WorkerQueueRequest[]
}

export interface ScalingSpecRequest {
  hibernationSpec?: {
    schedules?: Array<{
      hibernateAtCron: string
      wakeAtCron: string
      isEnabled: boolean
      description?: string
    }>
    override?: { isHibernating?: boolean; overrideUntil?: string }
  }
}

export interface RemoteExecutionRequest {
  enabled: boolean
  allowedIpAddressRanges?: string[]
  taskLogBucket?: string
  taskLogUrlPattern?: string
}

export interface UpdateHostedDeploymentRequest extends CommonRequest {
  type: 'STANDARD' | 'DEDICATED'
  schedulerSize: string
  isHighAvailability: boolean
  isDevelopmentMode?: boolean
  /** The four below: "Required if Remote Execution is disabled". */
  defaultTaskPodCpu?: string
  defaultTaskPodMemory?: string
  resourceQuotaCpu?: string
  resourceQuotaMemory?: string
  scalingSpec?: ScalingSpecRequest
  remoteExecution?: RemoteExecutionRequest
}

export interface UpdateHybridDeploymentRequest extends CommonRequest {
  type: 'HYBRID'
  scheduler: { au: number; replicas: number }
  taskPodNodePoolId?: string
}

export type UpdateDeploymentRequest =
  UpdateHostedDeploymentRequest | UpdateHybridDeploymentRequest
