import type { Problem } from '../core/problems.js'
import { jsonReport } from '../core/render/json.js'
import type { Change } from '../core/sync/plan.js'
import type { DriftItem } from '../core/sync/drift.js'
import type { ApplyOutcome } from './apply.js'
import type { AstroResult } from './astro.js'

export type SyncCommand = 'plan' | 'apply' | 'drift'

/** Everything a run found and did; rendered as text, JSON or markdown. */
export interface SyncReport {
  command: SyncCommand
  manifestFile: string
  problems: Problem[]
  vault?: {
    address: string
    mount: string
    kvVersion: 1 | 2
    changes: Change[]
    outcome?: ApplyOutcome
    drift?: DriftItem[]
    requests: number
    retries: number
    /** Logins that replaced an expired token. */
    relogins?: number
    /** renew-self calls that extended a static token. */
    renewals?: number
  }
  /** Per Astro Deployment: the plan and what happened. */
  astro?: AstroResult[]
  /**
   * A remote failure (exit 3): Vault's, or Astro's with an account of which
   * Deployments were updated; said without any secret value.
   */
  remoteError?: string
  /** Every resolved value, for the front ends to mask; never serialised. */
  secrets: string[]
}

/** The `--json` shape of plan, apply and drift (issue contract). */
export function reportJson(report: SyncReport): Record<string, unknown> {
  const vault = report.vault
  const failed = vault?.outcome?.failed ?? []
  // validate's shape, extended; ok also covers Vault and drift here.
  return jsonReport(report.command, report.problems, {
    ok: syncExitCode(report) === 0,
    ...(report.remoteError ? { error: report.remoteError } : {}),
    vault: vault && {
      address: vault.address,
      mount: vault.mount,
      kv_version: vault.kvVersion,
      changes: vault.changes.map((c) => ({
        kind: c.kind,
        key: c.key,
        path: c.path,
        action: c.action,
        fields: c.fields.map((f) => f.field),
        // Said when plan could compare neither the value nor a fingerprint.
        ...(c.compared === false ? { compared: false, note: c.note } : {})
      })),
      written: vault.outcome?.written.length ?? 0,
      failed: failed.map((f) => ({ key: f.key, error: f.error })),
      not_attempted: (vault.outcome?.skipped ?? []).map((s) => s.key),
      requests: vault.requests,
      retries: vault.retries,
      relogins: vault.relogins ?? 0,
      renewals: vault.renewals ?? 0,
      ...(vault.drift
        ? {
            drift: vault.drift.map((d) => ({
              kind: d.kind,
              key: d.key,
              path: d.path,
              drift: d.drift,
              fields: d.fields.map((f) => f.field)
            }))
          }
        : {})
    },
    ...(report.astro
      ? { astro: { deployments: report.astro.map(astroJson) } }
      : {}),
    ...(report.command === 'drift' ? { drift: drifted(report) } : {})
  })
}

function astroJson(d: AstroResult): Record<string, unknown> {
  return {
    id: d.id,
    name: d.name,
    action: d.error
      ? 'failed'
      : d.notAttempted
        ? 'not_attempted'
        : (d.plan?.action ?? 'unchanged'),
    updated: d.posted,
    variables: (d.plan?.variables ?? []).map((v) => ({
      key: v.key,
      action: v.action
    })),
    ...(d.plan?.reason ? { reason: d.plan.reason } : {}),
    ...(d.error ? { error: d.error } : {}),
    ...(d.plan?.helmValues ? { helm_values: d.plan.helmValues } : {}),
    ...(d.waited ? { waited: d.waited } : {})
  }
}

/** Vault differs from the manifest, or a Deployment is not pointed at it. */
export function drifted(report: SyncReport): boolean {
  return (
    (report.vault?.drift?.length ?? 0) > 0 ||
    (report.astro ?? []).some((d) => d.plan?.action === 'update')
  )
}

/** 0 done or clean; 1 problems or drift; 3 Vault failed or refused. */
export function syncExitCode(report: SyncReport): 0 | 1 | 3 {
  if (report.remoteError || (report.vault?.outcome?.failed.length ?? 0) > 0)
    return 3
  if ((report.astro ?? []).some((d) => d.error)) return 3
  if (report.problems.some((p) => p.severity === 'error')) return 1
  if (report.command === 'drift' && drifted(report)) return 1
  return 0
}
