/**
 * The Astro API shapes we read and send (astro-api.md §1.1-1.2; v1 spec
 * `Deployment`, `Update*DeploymentRequest`). Responses are checked with
 * zod, strictly only where we use a field, and loose objects everywhere
 * else: the update must carry every writable field back, so nothing may be
 * stripped on the way in. Optional fields accept null as well as absent.
 */
import { z } from 'zod'

export const ENV_BACKEND = 'AIRFLOW__SECRETS__BACKEND'
export const ENV_KWARGS = 'AIRFLOW__SECRETS__BACKEND_KWARGS'
/** Plain, so a run can tell without reading secrets whether KWARGS is current. */
export const ENV_FINGERPRINT = 'AIRFLOW_VAULT_SYNC_FINGERPRINT'

const str = z.string().nullish()
const bool = z.boolean().nullish()
const int = z.number().int()

export const EnvVarSchema = z.looseObject({
  key: z.string(),
  isSecret: z.boolean(),
  /** Left out for secrets (astro-api.md §2). */
  value: str,
  updatedAt: str
})

export const WorkerQueueSchema = z.looseObject({
  id: str,
  name: z.string(),
  isDefault: z.boolean(),
  astroMachine: str,
  nodePoolId: str,
  minWorkerCount: int,
  maxWorkerCount: int,
  workerConcurrency: int,
  podEphemeralStorage: str
})

export const RemoteExecutionSchema = z.looseObject({
  enabled: z.boolean(),
  allowedIpAddressRanges: z.array(z.string()).nullish(),
  taskLogBucket: str,
  taskLogUrlPattern: str
})

export const ScalingSpecSchema = z.looseObject({
  hibernationSpec: z
    .looseObject({
      schedules: z
        .array(
          z.looseObject({
            hibernateAtCron: z.string(),
            wakeAtCron: z.string(),
            isEnabled: z.boolean(),
            description: str
          })
        )
        .nullish(),
      override: z
        .looseObject({ isHibernating: bool, overrideUntil: str })
        .nullish()
    })
    .nullish()
})

/**
 * `type` and `executor` stay strings: an unknown value must reach the
 * planner, which refuses it with a message, rather than fail parsing.
 */
export const DeploymentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  workspaceId: z.string(),
  type: str,
  executor: str,
  status: str,
  description: str,
  isCicdEnforced: z.boolean(),
  isDagDeployEnabled: z.boolean(),
  isHighAvailability: bool,
  isDevelopmentMode: bool,
  schedulerSize: str,
  schedulerAu: int.nullish(),
  schedulerReplicas: int.nullish(),
  contactEmails: z.array(z.string()).nullish(),
  defaultTaskPodCpu: str,
  defaultTaskPodMemory: str,
  resourceQuotaCpu: str,
  resourceQuotaMemory: str,
  taskPodNodePoolId: str,
  workerQueues: z.array(WorkerQueueSchema).nullish(),
  scalingSpec: ScalingSpecSchema.nullish(),
  remoteExecution: RemoteExecutionSchema.nullish(),
  environmentVariables: z.array(EnvVarSchema).nullish()
})

export type Deployment = z.infer<typeof DeploymentSchema>
export type EnvVar = z.infer<typeof EnvVarSchema>
export type WorkerQueue = z.infer<typeof WorkerQueueSchema>

/** DeploymentEnvironmentVariableRequest: no value keeps a secret. */
export interface EnvVarRequest {
  key: string
  isSecret: boolean
  value?: string
}
