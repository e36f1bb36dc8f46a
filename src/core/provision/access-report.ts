import type { Problem } from '../problems.js'
import { jsonReport } from '../render/json.js'
import type { AccessFinding } from './access.js'

export interface IdentityAccess {
  who: string
  checked: number
  findings: AccessFinding[]
}

export interface CheckAccessReport {
  manifestFile: string
  problems: Problem[]
  kvVersion?: 1 | 2
  identities: IdentityAccess[]
  /** The reader policy that would fix every finding. */
  fix?: { name: string; hcl: string }
  remoteError?: string
  secrets: string[]
}

export function checkAccessExitCode(report: CheckAccessReport): 0 | 1 | 3 {
  if (report.problems.some((p) => p.severity === 'error')) return 1
  if (report.remoteError) return 3
  return report.identities.some((i) => i.findings.length > 0) ? 1 : 0
}

export function checkAccessJson(
  report: CheckAccessReport
): Record<string, unknown> {
  return jsonReport('check-access', report.problems, {
    ok: checkAccessExitCode(report) === 0,
    ...(report.remoteError ? { error: report.remoteError } : {}),
    kv_version: report.kvVersion,
    identities: report.identities.map((i) => ({
      who: i.who,
      checked: i.checked,
      findings: i.findings.map((f) => ({
        path: f.check.path,
        what: f.check.label,
        problem: f.problem,
        capabilities: f.granted
      }))
    })),
    ...(report.fix ? { fix: report.fix } : {})
  })
}

export function renderCheckAccessText(report: CheckAccessReport): string {
  const out: string[] = []
  for (const i of report.identities) {
    if (i.findings.length === 0) {
      out.push(
        `${i.who}: ok: reads every managed secret; no write, no list, nothing outside (${i.checked} paths checked)\n`
      )
      continue
    }
    out.push(`${i.who}: ${i.findings.length} of ${i.checked} checks fail:\n`)
    for (const f of i.findings)
      out.push(`  ${f.check.label} (${f.check.path}): ${f.problem}\n`)
  }
  const fix = report.fix
  if (fix) {
    const unread = report.identities.some((i) =>
      i.findings.some((f) => f.problem.includes('cannot read'))
    )
    if (unread && report.kvVersion === 2) {
      out.push(
        `\nOn KV v2 every path has data/ after the mount: a rule on "secret/*" or on the mount without data/ does not reach these secrets.\n`
      )
    }
    out.push(
      `\nThe fix: give Airflow's role only this policy (\`airflow-vault-sync provision\` writes it as ${fix.name}):\n`
    )
    out.push(fix.hcl)
  }
  return out.join('')
}
