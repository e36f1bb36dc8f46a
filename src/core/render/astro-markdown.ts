import { cell } from './markdown.js'
import { describeDeployment, type AstroLine } from './astro-text.js'

/** One line per Deployment, and the Helm values where they are needed. */
export function renderAstroMarkdown(deployments: readonly AstroLine[]): string {
  const parts = ['### Astro Deployments']
  for (const d of deployments) {
    parts.push(`- ${cell(describeDeployment(d))}`)
    for (const w of d.plan?.warnings ?? []) parts.push(`  - ⚠️ ${cell(w)}`)
    if (d.plan?.helmValues) {
      parts.push(
        `\n<details><summary>Helm values for ${d.id}</summary>\n\n\`\`\`yaml\n${d.plan.helmValues}\n\`\`\`\n</details>\n`
      )
    }
  }
  return parts.join('\n') + '\n'
}
