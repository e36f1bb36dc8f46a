import type { ProvisionReport } from '../provision/report.js'
import type { Step } from '../provision/step.js'

const VERB: Record<Step['action'], string> = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
  issue: 'issue',
  delete: 'delete'
}

/** The plan and what was done, for a terminal; never a credential. */
export function renderProvisionText(report: ProvisionReport): string {
  const out: string[] = []
  if (report.address)
    out.push(
      `Vault ${report.address}${report.kvVersion ? `, KV v${report.kvVersion}` : ''}\n`
    )
  for (const s of report.steps) {
    out.push(`  ${pad(VERB[s.action])} ${s.kind} ${s.name}\n`)
    for (const d of s.details) out.push(`      ${d}\n`)
  }
  for (const d of report.deployments) {
    const what =
      d.status === 'updated'
        ? 'updated with its new credentials'
        : d.status === 'failed'
          ? `failed: ${d.error ?? ''}`
          : d.planned === 'update'
            ? report.planOnly
              ? 'would get new credentials'
              : 'not updated'
            : d.reason
              ? `${d.planned}: ${d.reason}`
              : d.planned
    out.push(`  Deployment ${d.label}: ${what}\n`)
  }
  if (report.policies) {
    const { reader, sync, plan } = report.policies
    out.push(
      `\nPolicy ${reader.name} (Airflow, read-only):\n${indent(reader.hcl)}`
    )
    out.push(
      `\nPolicy ${sync.name} (the CI sync identity${sync.written ? '' : '; printed only: set provision.sync_policy.create to write it'}):\n${indent(sync.hcl)}`
    )
    out.push(
      `\nPolicy ${plan.name} (the CI plan identity, read-only${plan.written ? '' : '; printed only'}):\n${indent(plan.hcl)}`
    )
  }
  for (const c of report.conflicts) out.push(`conflict: ${c}\n`)
  if (report.conflicts.length > 0) out.push('Nothing was written.\n')
  if (!report.planOnly && report.conflicts.length === 0 && report.address) {
    out.push(`\nDone:${report.done.length === 0 ? ' nothing to change' : ''}\n`)
    for (const d of report.done) out.push(`  ${d}\n`)
    for (const n of report.notAttempted) out.push(`  not attempted: ${n}\n`)
  }
  if (report.handedOff) out.push(`Credentials: ${report.handedOff}\n`)
  return out.join('')
}

function pad(text: string): string {
  return text.padEnd(9)
}

function indent(text: string): string {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `  ${l}\n`)
    .join('')
}
