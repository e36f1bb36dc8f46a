import * as core from '@actions/core'
import type { getOctokit } from '@actions/github'
import type { GitHubPlace } from './github-context.js'

type Octokit = ReturnType<typeof getOctokit>

/** A PR comment is refused above this many characters. */
export const MAX_COMMENT_CHARS = 65_536

export type CommentMode = 'never' | 'always' | 'on-change'

/** Hidden, per manifest: two manifests in one repo keep two comments. */
export function commentMarker(manifest: string): string {
  return `<!-- airflow-vault-sync:plan:${manifest} -->`
}

/** The body, cut to fit: the summary first, a pointer when it is too long. */
export function commentBody(
  marker: string,
  summary: string,
  runUrl?: string
): string {
  const full = `${marker}\n${summary}`
  if (full.length <= MAX_COMMENT_CHARS) return full
  const pointer = `\n\n…the plan is too long for a comment${runUrl ? `: see [the run's summary](${runUrl})` : '; see the job summary'}.\n`
  return full.slice(0, MAX_COMMENT_CHARS - pointer.length) + pointer
}

/**
 * The sticky comment: found by its marker and updated in place, never
 * duplicated. Commenting never fails the step: a 403 becomes a warning
 * that names the permission, and a run outside a PR skips with a note.
 */
export async function upsertPlanComment(
  octokit: Octokit,
  place: GitHubPlace,
  manifest: string,
  summary: string,
  options: { mode: CommentMode; changed: boolean }
): Promise<'created' | 'updated' | 'skipped'> {
  if (options.mode === 'never') return 'skipped'
  if (place.pullRequest === undefined) {
    core.info('Not a pull request run: no plan comment.')
    return 'skipped'
  }
  const issue = {
    owner: place.owner,
    repo: place.repo,
    issue_number: place.pullRequest
  }
  const marker = commentMarker(manifest)
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      ...issue,
      per_page: 100
    })
    const mine = comments.find((c) => c.body?.includes(marker))
    // on-change: no new comment for a no-op plan, but an old one is
    // brought up to date so it never shows a stale plan.
    if (options.mode === 'on-change' && !options.changed && !mine)
      return 'skipped'
    const body = commentBody(marker, summary, place.runUrl)
    if (mine) {
      await octokit.rest.issues.updateComment({
        owner: place.owner,
        repo: place.repo,
        comment_id: mine.id,
        body
      })
      return 'updated'
    }
    await octokit.rest.issues.createComment({ ...issue, body })
    return 'created'
  } catch (cause) {
    const status = (cause as { status?: number }).status
    core.warning(
      status === 403
        ? 'Could not comment the plan on the pull request (403): give the job `permissions: pull-requests: write`.'
        : `Could not comment the plan on the pull request: ${cause instanceof Error ? cause.message : String(cause)}`
    )
    return 'skipped'
  }
}
