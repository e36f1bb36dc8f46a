import type { DeploymentPlan } from '../astro/plan.js'

/** What the Astro step says about one Deployment, in a form for each output. */
export interface AstroLine {
  id: string
  name?: string
  plan?: DeploymentPlan
  error?: string
  posted: boolean
  waited?: { status: string; seconds: number }
}

export function describeDeployment(d: AstroLine): string {
  const who = d.name ? `${d.name} (${d.id})` : d.id
  if (d.error) return `Deployment ${who}: failed: ${d.error}`
  const plan = d.plan
  if (!plan) return `Deployment ${who}: not reached`
  const vars = plan.variables
    .filter((v) => v.action !== 'unchanged')
    .map((v) => `${v.key} (${v.action})`)
    .join(', ')
  switch (plan.action) {
    case 'unchanged':
      return `Deployment ${who}: unchanged`
    case 'skipped':
      return `Deployment ${who}: skipped: ${plan.reason ?? ''}`
    case 'update': {
      const done = d.posted ? 'updated' : 'would update'
      const waited = d.waited
        ? `; ${d.waited.status} after ${d.waited.seconds} s`
        : ''
      return `Deployment ${who}: ${done} ${vars}${waited}`
    }
  }
}

export function renderAstroText(deployments: readonly AstroLine[]): string {
  if (deployments.length === 0) return ''
  const lines = ['Astro:']
  for (const d of deployments) {
    lines.push(`  ${describeDeployment(d)}`)
    for (const w of d.plan?.warnings ?? []) lines.push(`    warning: ${w}`)
    if (d.plan?.helmValues) lines.push(d.plan.helmValues.replace(/^/gm, '    '))
  }
  return lines.join('\n') + '\n'
}
