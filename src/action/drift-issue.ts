import * as core from '@actions/core'
import type { getOctokit } from '@actions/github'
import type { GitHubPlace } from './github-context.js'
import { commentBody } from './pr-comment.js'

type Octokit = ReturnType<typeof getOctokit>

export const DRIFT_LABEL = 'airflow-vault-sync-drift'

export function driftMarker(manifest: string): string {
  return `<!-- airflow-vault-sync:drift:${manifest} -->`
}

/**
 * One issue per manifest tracks drift: opened (or updated) with the drift
 * table when a scheduled run finds drift, closed when a later run is clean.
 */
export async function syncDriftIssue(
  octokit: Octokit,
  place: GitHubPlace,
  manifest: string,
  summary: string,
  drifted: boolean
): Promise<'opened' | 'updated' | 'closed' | 'none'> {
  const repo = { owner: place.owner, repo: place.repo }
  const marker = driftMarker(manifest)
  try {
    const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      state: 'open',
      labels: DRIFT_LABEL,
      per_page: 100
    })
    const mine = open.find((i) => i.body?.includes(marker))
    const body = commentBody(marker, summary, place.runUrl)
    if (drifted && mine) {
      await octokit.rest.issues.update({
        ...repo,
        issue_number: mine.number,
        body
      })
      return 'updated'
    }
    if (drifted) {
      await octokit.rest.issues.create({
        ...repo,
        title: `Drift between ${manifest} and Vault`,
        body,
        labels: [DRIFT_LABEL]
      })
      return 'opened'
    }
    if (mine) {
      const note = `Clean again: Vault matches \`${manifest}\`${place.runUrl ? ` ([run](${place.runUrl}))` : ''}.`
      await octokit.rest.issues.createComment({
        ...repo,
        issue_number: mine.number,
        body: note
      })
      await octokit.rest.issues.update({
        ...repo,
        issue_number: mine.number,
        state: 'closed',
        state_reason: 'completed'
      })
      return 'closed'
    }
    return 'none'
  } catch (cause) {
    const status = (cause as { status?: number }).status
    core.warning(
      status === 403
        ? 'Could not open or update the drift issue (403): give the job `permissions: issues: write`.'
        : `Could not open or update the drift issue: ${cause instanceof Error ? cause.message : String(cause)}`
    )
    return 'none'
  }
}
