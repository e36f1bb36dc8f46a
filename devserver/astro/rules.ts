/**
 * Checks the spec states in prose rather than in `required` (astro-api.md
 * §1.2): the four task-pod/quota fields are "Required if Remote Execution
 * is disabled", a queue's astroMachine is "Required for Astro Hosted" and
 * its nodePoolId "Required for Hybrid". Plus a few the server assumes:
 * the type cannot change, queue ids must exist, exactly one default queue.
 */
import { isRecord, type StoredDeployment } from './model.js'
import type { FieldError } from './validate.js'

const TASK_POD_FIELDS = [
  'defaultTaskPodCpu',
  'defaultTaskPodMemory',
  'resourceQuotaCpu',
  'resourceQuotaMemory'
]

export function ruleErrors(
  d: StoredDeployment,
  body: Record<string, unknown>
): FieldError[] {
  const errors: FieldError[] = []
  const fail = (field: string, code: string, message: string): void => {
    errors.push({ field, code, message })
  }
  if (body.type !== d.type) {
    fail('type', 'immutable', `type cannot change from ${d.type}`)
    return errors
  }
  const remote = isRecord(body.remoteExecution) && body.remoteExecution.enabled
  if (d.type !== 'HYBRID' && remote !== true) {
    for (const f of TASK_POD_FIELDS) {
      if (body[f] === undefined)
        fail(
          f,
          'required_if',
          `${f} is required if Remote Execution is disabled`
        )
    }
  }
  if (Array.isArray(body.workerQueues)) queueErrors(d, body.workerQueues, fail)
  return errors
}

function queueErrors(
  d: StoredDeployment,
  queues: unknown[],
  fail: (field: string, code: string, message: string) => void
): void {
  const known = new Set(
    ((d.workerQueues ?? []) as Array<{ id?: string }>).map((q) => q.id)
  )
  let defaults = 0
  queues.forEach((q, i) => {
    if (!isRecord(q)) return
    const at = `workerQueues[${i}]`
    if (q.isDefault === true) defaults++
    if (d.type === 'HYBRID' && q.nodePoolId === undefined)
      fail(`${at}.nodePoolId`, 'required', 'nodePoolId is required for Hybrid')
    if (d.type !== 'HYBRID' && q.astroMachine === undefined)
      fail(
        `${at}.astroMachine`,
        'required',
        'astroMachine is required for Astro Hosted'
      )
    if (q.id !== undefined && !known.has(q.id as string))
      fail(`${at}.id`, 'not_found', 'no worker queue with this id')
    if (
      typeof q.minWorkerCount === 'number' &&
      typeof q.maxWorkerCount === 'number' &&
      q.minWorkerCount > q.maxWorkerCount
    )
      fail(`${at}.minWorkerCount`, 'lte', 'must not exceed maxWorkerCount')
  })
  if (defaults !== 1)
    fail('workerQueues', 'default', 'exactly one queue must be the default')
}
