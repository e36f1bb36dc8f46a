import type { Problem } from '../problems.js'
import type { Step } from './step.js'
import { jsonReport } from '../render/json.js'

export interface DeploymentOutcome {
  id: string
  label: string
  /** What the plan said: its kwargs are current, or must be written. */
  planned: 'update' | 'unchanged' | 'skipped'
  status: 'updated' | 'unchanged' | 'failed' | 'not_attempted'
  /** Why it is skipped (Remote Execution). */
  reason?: string
  error?: string
}

/** What provision found, planned and did; never a role_id or secret-id. */
export interface ProvisionReport {
  manifestFile: string
  problems: Problem[]
  planOnly: boolean
  rotate: boolean
  address?: string
  kvVersion?: 1 | 2
  steps: Step[]
  policies?: {
    reader: { name: string; hcl: string }
    sync: { name: string; hcl: string; written: boolean }
    /** The read-only CI policy of the JWT plan role. */
    plan: { name: string; hcl: string; written: boolean }
  }
  deployments: DeploymentOutcome[]
  /** Each stopped the run before the first write. */
  conflicts: string[]
  /** Steps carried out, in order ("policy airflow-airflow: created"). */
  done: string[]
  notAttempted: string[]
  /** Where credentials went without astro: ("credentials file …"). */
  handedOff?: string
  remoteError?: string
  /** Values to mask and redact; never serialised. */
  secrets: string[]
}

export function provisionExitCode(report: ProvisionReport): 0 | 1 | 3 {
  if (report.problems.some((p) => p.severity === 'error')) return 1
  if (report.conflicts.length > 0 || report.remoteError) return 3
  if (report.deployments.some((d) => d.status === 'failed')) return 3
  return 0
}

/** Whether a rerun would do anything: provision's own drift signal. */
export function provisionChanges(report: ProvisionReport): number {
  return (
    report.steps.filter((s) => s.action !== 'unchanged').length +
    report.deployments.filter((d) => d.planned === 'update').length
  )
}

export function provisionJson(
  report: ProvisionReport
): Record<string, unknown> {
  return jsonReport('provision', report.problems, {
    ok: provisionExitCode(report) === 0,
    plan_only: report.planOnly,
    rotate: report.rotate,
    ...(report.remoteError ? { error: report.remoteError } : {}),
    ...(report.conflicts.length > 0 ? { conflicts: report.conflicts } : {}),
    vault: {
      address: report.address,
      kv_version: report.kvVersion,
      // Unknown when Vault could not be read at all.
      changes:
        report.remoteError && report.steps.length === 0
          ? null
          : provisionChanges(report),
      steps: report.steps.map((s) => ({
        kind: s.kind,
        name: s.name,
        path: s.path,
        action: s.action,
        details: s.details
      })),
      done: report.done,
      not_attempted: report.notAttempted
    },
    policies: report.policies,
    deployments: report.deployments,
    ...(report.handedOff ? { handed_off: report.handedOff } : {})
  })
}
