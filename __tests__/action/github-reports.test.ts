import { getOctokit } from '@actions/github'
import { startGitHubStub, type GitHubStub } from '../helpers/github-stub.js'
import {
  commentBody,
  commentMarker,
  MAX_COMMENT_CHARS,
  upsertPlanComment
} from '../../src/action/pr-comment.js'
import { DRIFT_LABEL, syncDriftIssue } from '../../src/action/drift-issue.js'

let stub: GitHubStub
beforeEach(async () => {
  stub = await startGitHubStub()
})
afterEach(async () => stub.close())

const place = {
  owner: 'octo',
  repo: 'data',
  pullRequest: 7,
  runUrl: 'https://github.com/octo/data/actions/runs/1'
}
const octokit = (): ReturnType<typeof getOctokit> =>
  getOctokit('test-token', { baseUrl: stub.url })

test('the plan comment is created once, then updated in place, past a page of other comments', async () => {
  stub.comments.set(
    7,
    Array.from({ length: 120 }, (_, i) => ({
      id: 1000 + i,
      body: `chatter ${i}`
    }))
  )
  const first = await upsertPlanComment(
    octokit(),
    place,
    'airflow-secrets.yaml',
    'Plan: 1 to create',
    { mode: 'on-change', changed: true }
  )
  const second = await upsertPlanComment(
    octokit(),
    place,
    'airflow-secrets.yaml',
    'Plan: 0 to create',
    { mode: 'on-change', changed: false }
  )
  expect([first, second]).toEqual(['created', 'updated'])
  const mine = (stub.comments.get(7) ?? []).filter((c) =>
    c.body.includes(commentMarker('airflow-secrets.yaml'))
  )
  expect(mine).toHaveLength(1)
  expect(mine[0]?.body).toContain('Plan: 0 to create')
})

test('on-change posts nothing for a no-op plan; never posts nothing at all', async () => {
  expect(
    await upsertPlanComment(octokit(), place, 'm.yaml', 'x', {
      mode: 'on-change',
      changed: false
    })
  ).toBe('skipped')
  expect(
    await upsertPlanComment(octokit(), place, 'm.yaml', 'x', {
      mode: 'never',
      changed: true
    })
  ).toBe('skipped')
  expect(stub.requests.filter((r) => r.startsWith('POST'))).toEqual([])
})

test('outside a pull request the comment is skipped', async () => {
  const noPr = { ...place, pullRequest: undefined }
  expect(
    await upsertPlanComment(octokit(), noPr, 'm.yaml', 'x', {
      mode: 'always',
      changed: true
    })
  ).toBe('skipped')
  expect(stub.requests).toEqual([])
})

test('a 403 is a warning naming pull-requests: write, not a failure', async () => {
  stub.forbidWrites = true
  let out = ''
  const write = process.stdout.write
  process.stdout.write = ((c: string): boolean => (
    (out += c),
    true
  )) as typeof process.stdout.write
  try {
    expect(
      await upsertPlanComment(octokit(), place, 'm.yaml', 'x', {
        mode: 'always',
        changed: true
      })
    ).toBe('skipped')
  } finally {
    process.stdout.write = write
  }
  expect(out).toContain(
    '::warning::Could not comment the plan on the pull request (403): give the job `permissions: pull-requests: write`.'
  )
})

test('a body over the comment limit is cut with a pointer to the run', () => {
  const body = commentBody(
    '<!-- m -->',
    'x'.repeat(MAX_COMMENT_CHARS * 2),
    place.runUrl
  )
  expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
  expect(body).toContain(
    "see [the run's summary](https://github.com/octo/data/actions/runs/1)"
  )
})

test('the drift issue is opened, updated, then closed when clean', async () => {
  expect(
    await syncDriftIssue(octokit(), place, 'm.yaml', 'Drift: 2', true)
  ).toBe('opened')
  expect(
    await syncDriftIssue(octokit(), place, 'm.yaml', 'Drift: 3', true)
  ).toBe('updated')
  expect(stub.issues).toHaveLength(1)
  expect(stub.issues[0]).toMatchObject({
    state: 'open',
    labels: [DRIFT_LABEL],
    title: 'Drift between m.yaml and Vault'
  })
  expect(stub.issues[0]?.body).toContain('Drift: 3')
  expect(
    await syncDriftIssue(octokit(), place, 'm.yaml', 'No drift', false)
  ).toBe('closed')
  expect(stub.issues[0]?.state).toBe('closed')
  expect(
    await syncDriftIssue(octokit(), place, 'm.yaml', 'No drift', false)
  ).toBe('none')
})
