import { existsSync, readFileSync } from 'node:fs'

/** Where the run is: read once from the runner's variables. */
export interface GitHubPlace {
  owner: string
  repo: string
  /** The pull request's number, when the event is one. */
  pullRequest?: number
  /** A link to this run, for issue bodies. */
  runUrl?: string
}

/**
 * `@actions/github`'s `context` is built once at import; reading the same
 * variables here keeps each run (and each test) on its own event.
 */
export function githubPlace(env: NodeJS.ProcessEnv): GitHubPlace | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) return undefined
  let pullRequest: number | undefined
  if (env.GITHUB_EVENT_PATH && existsSync(env.GITHUB_EVENT_PATH)) {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { number?: number }
    }
    pullRequest = payload.pull_request?.number
  }
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const runUrl = env.GITHUB_RUN_ID
    ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined
  return { owner, repo, pullRequest, runUrl }
}
