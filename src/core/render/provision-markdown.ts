import type { ProvisionReport } from '../provision/report.js'
import type { CheckAccessReport } from '../provision/access-report.js'
import { renderCheckAccessText } from '../provision/access-report.js'
import { mdCode, mdText } from './escape-markdown.js'

const ICON: Record<string, string> = {
  create: '➕',
  update: '✏️',
  issue: '🔑',
  unchanged: '·'
}

/** provision for the job summary: the plan, what was done, both policies. */
export function renderProvisionMarkdown(report: ProvisionReport): string {
  const parts: string[] = []
  if (report.address)
    parts.push(
      `Vault ${mdCode(report.address, false)}${report.kvVersion ? `, KV v${report.kvVersion}` : ''}`
    )
  if (report.steps.length > 0) {
    const rows = report.steps.map(
      (s) =>
        `| ${ICON[s.action] ?? ''} ${s.action} | ${s.kind} | ${mdCode(s.name)} | ${mdText(s.details.join('; '))} |`
    )
    parts.push(
      ['| | what | name | details |', '|---|---|---|---|', ...rows].join('\n')
    )
  }
  if (report.deployments.length > 0) {
    parts.push(
      report.deployments
        .map(
          (d) =>
            `- Deployment ${mdText(d.label)}: ${d.status === 'failed' ? `❌ ${mdText(d.error ?? '')}` : d.status === 'updated' ? 'updated with new credentials' : d.planned === 'update' ? (report.planOnly ? 'would get new credentials' : 'not updated') : d.reason ? `${d.planned}: ${mdText(d.reason)}` : d.planned}`
        )
        .join('\n')
    )
  }
  for (const c of report.conflicts) parts.push(`❌ ${mdText(c)}`)
  if (!report.planOnly && report.done.length > 0)
    parts.push(
      [
        '**Done:**',
        ...report.done.map((d) => `- ${d}`),
        ...report.notAttempted.map((n) => `- not attempted: ${n}`)
      ].join('\n')
    )
  if (report.handedOff) parts.push(`Credentials: ${report.handedOff}`)
  if (report.policies) {
    const { reader, sync, plan } = report.policies
    parts.push(
      `<details><summary>Policy <code>${reader.name}</code> (Airflow, read-only)</summary>\n\n\`\`\`hcl\n${reader.hcl}\`\`\`\n</details>`
    )
    parts.push(
      `<details><summary>Policy <code>${sync.name}</code> (the CI sync identity${sync.written ? '' : ', printed only'})</summary>\n\n\`\`\`hcl\n${sync.hcl}\`\`\`\n</details>`
    )
    parts.push(
      `<details><summary>Policy <code>${plan.name}</code> (the CI plan identity, read-only${plan.written ? '' : ', printed only'})</summary>\n\n\`\`\`hcl\n${plan.hcl}\`\`\`\n</details>`
    )
  }
  if (report.remoteError) parts.push(`❌ ${mdText(report.remoteError)}`)
  return parts.join('\n\n') + '\n'
}

/** check-access for the job summary: the findings as text, then the fix. */
export function renderCheckAccessMarkdown(report: CheckAccessReport): string {
  const text = renderCheckAccessText(report)
  const parts = text ? [`\`\`\`\n${text}\`\`\``] : []
  if (report.remoteError) parts.push(`❌ ${mdText(report.remoteError)}`)
  return parts.join('\n\n') + '\n'
}
