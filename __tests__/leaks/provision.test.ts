/**
 * provision and check-access leak nothing they issue: the role_id and
 * secret_id handed to each Deployment (and the one-use secret-id that
 * check-access logs in with) appear in no channel, in no form, through the
 * CLI (text and --json) and the Action, also when the Astro API answers
 * the hand-over with an error that quotes the request body.
 */
import type { Canary } from './canaries.js'
import { describeLeaks, findLeaks } from './forms.js'
import { runActionEntry, runCliEntry, type EntryRun } from './entries.js'
import {
  call,
  DEPLOYMENTS,
  provisionProject,
  startServers,
  storedKwargs,
  type Servers
} from '../provision/fixture.js'
import type { SyncProject } from '../sync/fixture.js'

let servers: Servers
let p: SyncProject
beforeAll(async () => {
  servers = await startServers({ devOnly: true })
  p = provisionProject(servers)
})
afterAll(() => servers.close())

const ENTRIES = ['cli', 'cli --json', 'action'] as const

async function run(
  entry: (typeof ENTRIES)[number],
  command: 'provision' | 'check-access',
  ...args: string[]
): Promise<EntryRun> {
  if (entry === 'action') {
    return runActionEntry(
      {
        command,
        ...(args.includes('--rotate-secret-id')
          ? { 'rotate-secret-id': 'true' }
          : {})
      },
      { ...p.env, GITHUB_WORKSPACE: p.dir },
      () => servers.astro.changes.length
    )
  }
  const json = entry === 'cli --json' ? ['--json'] : []
  return runCliEntry([command, ...args, ...json], p.dir, p.env)
}

/** Every credential the Deployments hold now, and each role's role_id. */
async function issued(): Promise<Canary[]> {
  const canaries: Canary[] = []
  for (const id of DEPLOYMENTS) {
    const kw = storedKwargs(servers.astro, id)
    canaries.push(
      { name: `secret_id ${id}`, value: kw.secret_id as string, placed: id },
      { name: `role_id ${id}`, value: kw.role_id as string, placed: id }
    )
  }
  for (const role of ['airflow-production', 'airflow-staging']) {
    const res = await call(
      servers.vault.url,
      'GET',
      `auth/approle/role/${role}/role-id`,
      servers.vault.rootToken
    )
    const value = (res.body.data as { role_id: string }).role_id
    canaries.push({ name: `role_id ${role}`, value, placed: role })
  }
  canaries.push({
    name: 'admin token',
    value: servers.vault.rootToken,
    placed: 'VAULT_TOKEN'
  })
  return canaries
}

function expectNoLeaks(runs: EntryRun, canaries: Canary[]): void {
  const leaks = findLeaks(canaries, runs.channels)
  expect(describeLeaks(leaks, runs.channels, canaries)).toEqual([])
  // A secret-id nobody could know (one destroyed after a failed hand-over).
  for (const [channel, text] of Object.entries(runs.channels))
    expect(`${channel}: ${text}`).not.toMatch(
      /secret_id\\*"\s*:\s*\\*"[0-9a-f]{8}-/
    )
}

test.each(ENTRIES)(
  '%s: provision and a rotation leak no credential',
  async (entry) => {
    const before =
      DEPLOYMENTS.length > 0 && servers.astro.changes.length > 0
        ? await issued()
        : []
    const first = await run(entry, 'provision', '--rotate-secret-id')
    expect(first.code).toBe(0)
    expectNoLeaks(first, [...before, ...(await issued())])
  }
)

test.each(ENTRIES)(
  '%s: an Astro error quoting the hand-over body leaks no secret-id',
  async (entry) => {
    const before = await issued()
    servers.astro.faults.set({
      echoRequestBody: true,
      failPaths: [
        { path: DEPLOYMENTS[1] as string, method: 'POST', status: 400 }
      ]
    })
    try {
      const failed = await run(entry, 'provision', '--rotate-secret-id')
      expect(failed.code).toBe(entry === 'action' ? 1 : 3)
      const all = Object.values(failed.channels).join('\n')
      // The quoted body did reach the output, with the values redacted.
      expect(all).toContain('***')
      expectNoLeaks(failed, [...before, ...(await issued())])
    } finally {
      servers.astro.faults.reset()
    }
  }
)

test.each(ENTRIES)(
  '%s: check-access leaks nothing it logs in with',
  async (entry) => {
    const checked = await run(entry, 'check-access')
    expect(checked.code).toBe(0)
    expectNoLeaks(checked, await issued())
  }
)
