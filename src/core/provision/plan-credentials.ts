/**
 * When provision issues a secret-id. Vault shows a secret-id once, at
 * issue, so a Deployment whose kwargs must be (re)written needs a new one;
 * otherwise a rerun issues none. The old ones are destroyed only after the
 * new one is in place, so Airflow can always log in.
 */
import type { Recipient } from './names.js'
import type { ManagedSecretId } from './state.js'
import { step, type Step } from './step.js'

export interface CredentialPlan {
  recipient: Recipient
  issue: boolean
  reason: string
  /** Accessors to destroy once the new secret-id is handed over. */
  destroy: string[]
}

export interface CredentialInputs {
  approleMount: string
  recipients: Recipient[]
  /** Managed secret-ids by role name. */
  secretIds: Record<string, ManagedSecretId[]>
  /** Deployment ids whose kwargs are missing or not current. */
  staleDeployments: ReadonlySet<string>
  rotate: boolean
  now: number
}

export function planCredentials(inputs: CredentialInputs): {
  plans: CredentialPlan[]
  steps: Step[]
} {
  const plans = inputs.recipients.map((recipient): CredentialPlan => {
    const mine = (inputs.secretIds[recipient.role] ?? []).filter(
      (s) => s.deploymentId === recipient.deploymentId
    )
    const valid = mine.filter(
      (s) => s.expiresAt === undefined || s.expiresAt > inputs.now
    )
    const reason = inputs.rotate
      ? 'rotation asked for (--rotate-secret-id)'
      : valid.length === 0
        ? mine.length === 0
          ? 'none issued yet'
          : 'every secret-id issued for it has expired'
        : inputs.staleDeployments.has(recipient.deploymentId)
          ? 'its kwargs must be written, and a secret-id is shown only once'
          : ''
    return {
      recipient,
      issue: reason !== '',
      reason,
      destroy: reason !== '' ? mine.map((s) => s.accessor) : []
    }
  })
  const steps = plans.map((p) => {
    const path = `auth/${inputs.approleMount}/role/${p.recipient.role}/secret-id`
    if (!p.issue) return step('secret-id', path, p.recipient.label, 'unchanged')
    const details = [p.reason]
    if (p.destroy.length > 0)
      details.push(
        `then destroys ${p.destroy.length} older secret-id(s), by accessor, once the new one is in place`
      )
    return step('secret-id', path, p.recipient.label, 'issue', details)
  })
  return { plans, steps }
}
