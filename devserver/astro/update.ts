/**
 * POST /organizations/{org}/deployments/{id}: validate the body against
 * the spec (UpdateDeploymentRequest, picked by `type`), then the prose
 * rules, then the env var semantics; only a fully valid body changes
 * anything. Every accepted update is recorded, keys only, so tests can
 * assert that nothing but env vars moved.
 */
import type { IssuedToken } from './auth.js'
import { applyFields, diffFields } from './diff.js'
import { applyEnv, type EnvVarRequest } from './env.js'
import { isRecord, nowIso, type RecordedUpdate } from './model.js'
import { ruleErrors } from './rules.js'
import type { DeploymentStore } from './store.js'
import { validate, type FieldError } from './validate.js'

export type UpdateOutcome =
  | { ok: true; record: RecordedUpdate }
  | { ok: false; message: string; fieldErrors: FieldError[] }

export function handleUpdate(
  store: DeploymentStore,
  id: string,
  body: unknown,
  api: 'v1' | 'v1beta1',
  actor: IssuedToken
): UpdateOutcome {
  const d = store.mutable(id)
  if (!d) throw new Error(`no deployment ${id}`)
  const checked = validate('UpdateDeploymentRequest', body)
  if (checked.errors.length > 0 || !isRecord(body)) {
    return {
      ok: false,
      message: 'Invalid request: the body does not match the schema',
      fieldErrors: checked.errors
    }
  }
  const rules = ruleErrors(d, body)
  const now = nowIso()
  const env = applyEnv(
    d.environmentVariables,
    body.environmentVariables as EnvVarRequest[],
    now
  )
  const errors = [...rules, ...env.errors]
  if (errors.length > 0) {
    return { ok: false, message: 'Invalid request', fieldErrors: errors }
  }
  const { changed, dropped } = diffFields(d, body)
  applyFields(d, body, changed, dropped)
  d.environmentVariables = env.next
  d.updatedAt = now
  d.updatedBy = {
    id: actor.id,
    subjectType: 'SERVICEKEY',
    apiTokenName: actor.name
  }
  store.rolled(id)
  return {
    ok: true,
    record: {
      deploymentId: id,
      api,
      changed,
      dropped,
      unknown: checked.unknown,
      env: env.changes
    }
  }
}
