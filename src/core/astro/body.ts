/**
 * The full update body from a GET (astro-api.md §1.2-1.3). The API has no
 * PATCH for these fields and what leaving one out does is undocumented
 * (§8), so every writable field the GET shows goes back unchanged; only
 * `environmentVariables` is ours. Left out on purpose: workloadIdentity and
 * drWorkloadIdentity (v1 GET shows only the effective* values and sending
 * those would pin the platform default; astro-cli's Update comment), and
 * read-only parts (remoteApiUrl, a queue's podCpu/podMemory, isActive).
 */
import type { Deployment, EnvVarRequest, WorkerQueue } from './model.js'
import type {
  RemoteExecutionRequest,
  ScalingSpecRequest,
  UpdateDeploymentRequest,
  WorkerQueueRequest
} from './request.js'
import { PlanError } from './plan-error.js'

const TASK_POD = [
  'defaultTaskPodCpu',
  'defaultTaskPodMemory',
  'resourceQuotaCpu',
  'resourceQuotaMemory'
] as const

type NoNull<T> = { [K in keyof T]: Exclude<T[K], null> }

/** Drops undefined and null: optional fields are absent, never null. */
function present<T extends object>(o: T): NoNull<T> {
  const out = {} as Record<string, unknown>
  for (const [k, v] of Object.entries(o))
    if (v !== undefined && v !== null) out[k] = v
  return out as NoNull<T>
}

function need<T>(d: Deployment, field: string, v: T | null | undefined): T {
  if (v === undefined || v === null) {
    throw new PlanError(
      `Deployment ${d.id}: the GET response has no ${field}, which the update requires; the token may not be allowed to see it`
    )
  }
  return v
}

function queue(q: WorkerQueue, hybrid: boolean): WorkerQueueRequest {
  return present({
    id: q.id,
    name: q.name,
    isDefault: q.isDefault,
    minWorkerCount: q.minWorkerCount,
    maxWorkerCount: q.maxWorkerCount,
    workerConcurrency: q.workerConcurrency,
    astroMachine: hybrid ? undefined : q.astroMachine,
    nodePoolId: hybrid ? q.nodePoolId : undefined,
    podEphemeralStorage: q.podEphemeralStorage
  })
}

function scalingSpec(d: Deployment): ScalingSpecRequest | undefined {
  if (!d.scalingSpec) return undefined
  const hs = d.scalingSpec.hibernationSpec
  if (!hs) return {}
  const o = hs.override
  const override =
    o && (o.isHibernating != null || o.overrideUntil != null)
      ? present({
          isHibernating: o.isHibernating,
          overrideUntil: o.overrideUntil
        })
      : undefined
  const schedules = hs.schedules?.map((s) =>
    present({
      hibernateAtCron: s.hibernateAtCron,
      wakeAtCron: s.wakeAtCron,
      isEnabled: s.isEnabled,
      description: s.description
    })
  )
  return { hibernationSpec: present({ schedules, override }) }
}

function remote(d: Deployment): RemoteExecutionRequest | undefined {
  const r = d.remoteExecution
  if (!r) return undefined
  return present({
    enabled: r.enabled,
    allowedIpAddressRanges: r.allowedIpAddressRanges,
    taskLogBucket: r.taskLogBucket,
    taskLogUrlPattern: r.taskLogUrlPattern
  })
}

export function buildUpdateBody(
  d: Deployment,
  environmentVariables: EnvVarRequest[]
): UpdateDeploymentRequest {
  const type = d.type
  if (type !== 'STANDARD' && type !== 'DEDICATED' && type !== 'HYBRID') {
    throw new PlanError(
      `Deployment ${d.id}: type ${JSON.stringify(type ?? null)} is not STANDARD, DEDICATED or HYBRID, so its update body is unknown`
    )
  }
  const hybrid = type === 'HYBRID'
  const queues = d.workerQueues?.map((q) => queue(q, hybrid))
  const common = present({
    name: d.name,
    workspaceId: d.workspaceId,
    executor: need(d, 'executor', d.executor),
    isCicdEnforced: d.isCicdEnforced,
    isDagDeployEnabled: d.isDagDeployEnabled,
    description: d.description,
    contactEmails: d.contactEmails,
    // minItems 1 in the spec: an empty list is left out, not sent.
    workerQueues: queues?.length ? queues : undefined,
    environmentVariables
  })
  if (hybrid) {
    const scheduler = {
      au: need(d, 'schedulerAu', d.schedulerAu),
      replicas: need(d, 'schedulerReplicas', d.schedulerReplicas)
    }
    const extra = present({ taskPodNodePoolId: d.taskPodNodePoolId })
    return { type, ...common, scheduler, ...extra }
  }
  const remoteExecution = remote(d)
  const taskPod: Record<string, string> = {}
  for (const f of TASK_POD) {
    const v = d[f]
    // "Required if Remote Execution is disabled" (v1 spec, §1.2).
    if (remoteExecution?.enabled) {
      if (v != null) taskPod[f] = v
    } else taskPod[f] = need(d, f, v)
  }
  return {
    type,
    ...common,
    schedulerSize: need(d, 'schedulerSize', d.schedulerSize),
    isHighAvailability: need(d, 'isHighAvailability', d.isHighAvailability),
    ...present({
      isDevelopmentMode: d.isDevelopmentMode,
      scalingSpec: scalingSpec(d),
      remoteExecution
    }),
    ...taskPod
  }
}
