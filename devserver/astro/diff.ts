/**
 * Which writable fields an update body changes or drops. "Writable" comes
 * from the spec: the properties of the type's Update*DeploymentRequest.
 * The stored value of each is projected onto its request schema (so
 * read-only parts such as remoteExecution.remoteApiUrl, a queue's podCpu or
 * a hibernation override's isActive don't count), then compared.
 */
import {
  isRecord,
  sameJson,
  clone,
  cuid,
  type StoredDeployment
} from './model.js'
import { deref, type Schema, updateSchemaFor } from './spec.js'

export function writableFields(d: StoredDeployment): Array<[string, Schema]> {
  const props = updateSchemaFor(d.type).properties ?? {}
  return Object.entries(props).filter(
    ([f]) => f !== 'type' && f !== 'environmentVariables'
  )
}

function project(value: unknown, raw: Schema): unknown {
  const schema = deref(raw)
  if (Array.isArray(value) && schema.items) {
    const items = schema.items
    return value.map((v) => project(v, items))
  }
  if (isRecord(value) && schema.properties) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      const prop = schema.properties[k]
      if (prop && v !== undefined) out[k] = project(v, prop)
    }
    return out
  }
  return value
}

/** What a faithful client sends back for `field` (undefined: nothing). */
export function currentValue(
  d: StoredDeployment,
  field: string,
  schema: Schema
): unknown {
  if (field === 'scheduler') {
    if (d.schedulerAu === undefined) return undefined
    return { au: d.schedulerAu, replicas: d.schedulerReplicas }
  }
  // v1 GET only shows effective* identities; sending one pins it (§1.2).
  return project(d[field], schema)
}

export function diffFields(
  d: StoredDeployment,
  body: Record<string, unknown>
): { changed: string[]; dropped: string[] } {
  const changed: string[] = []
  const dropped: string[] = []
  for (const [field, schema] of writableFields(d)) {
    const before = currentValue(d, field, schema)
    const after = body[field]
    if (after === undefined) {
      if (before !== undefined) dropped.push(field)
    } else if (before === undefined || !sameJson(before, after)) {
      changed.push(field)
    }
  }
  return { changed, dropped }
}

/**
 * Applies the body. What leaving a field out does is an open question
 * (astro-api.md §8); the server assumes the worst, that it resets, so a
 * client that drops fields visibly damages the Deployment in tests.
 */
export function applyFields(
  d: StoredDeployment,
  body: Record<string, unknown>,
  changed: string[],
  dropped: string[]
): void {
  for (const f of dropped) delete d[f]
  for (const f of changed) {
    const v = clone(body[f])
    if (f === 'scheduler' && isRecord(v)) {
      d.schedulerAu = v.au
      d.schedulerReplicas = v.replicas
    } else if (f === 'workerQueues' && Array.isArray(v)) {
      d.workerQueues = v.map((q: Record<string, unknown>) => mergeQueue(d, q))
    } else if (f === 'remoteExecution' && isRecord(v)) {
      const url = d.remoteExecution?.remoteApiUrl ?? `https://${d.id}.remote`
      d.remoteExecution = {
        allowedIpAddressRanges: [],
        ...v,
        remoteApiUrl: url,
        enabled: v.enabled === true
      }
    } else if (f === 'workloadIdentity') d.effectiveWorkloadIdentity = v
    else if (f === 'drWorkloadIdentity') d.effectiveDRWorkloadIdentity = v
    else d[f] = v
  }
}

/** Read-only queue fields (id, podCpu, podMemory) survive an update. */
function mergeQueue(
  d: StoredDeployment,
  q: Record<string, unknown>
): Record<string, unknown> {
  const queues = (d.workerQueues ?? []) as Array<Record<string, unknown>>
  const old = queues.find((o) => o.id !== undefined && o.id === q.id)
  return {
    ...q,
    id: old?.id ?? cuid(),
    podCpu: old?.podCpu ?? '1',
    podMemory: old?.podMemory ?? '2Gi'
  }
}
