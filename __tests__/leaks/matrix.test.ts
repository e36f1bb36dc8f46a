/**
 * Issue #8, zero secret leaks: every row of the matrix through the CLI
 * (text and --json) and the Action, against the loopback Vault and Astro
 * servers. No canary may appear in any channel in any form; the Action
 * must register each one with ::add-mask:: before the first request, and
 * the CLI must never print a workflow command.
 */
import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import {
  startAstroTestServer,
  type AstroTestServer
} from '../../devserver/astro/index.js'
import { MIN_REDACTED_LENGTH } from '../../src/core/redact.js'
import { allCanaries, APPROLE_SECRET_ID, ENV_CANARIES } from './canaries.js'
import { SYNC_ROWS } from './cases-sync.js'
import { URI_ROWS } from './cases-uri.js'
import { closeRowServers, HARDENING_ROWS } from './cases-hardening.js'
import { runActionEntry, runCliEntry, type EntryRun } from './entries.js'
import { describeLeaks, findLeaks } from './forms.js'
import { ENTRIES, type Entry, type Row, type RowContext } from './matrix.js'
import {
  cliEnv,
  enableAppRole,
  MANIFEST,
  mountKv,
  vaultInputs,
  workspace,
  type Servers
} from './project.js'
import { expectMaskedFirst } from './masks.js'

const ROWS: Row[] = [...SYNC_ROWS, ...URI_ROWS, ...HARDENING_ROWS]

let dev: VaultDevServer
let astro: AstroTestServer
let servers: Servers
beforeAll(async () => {
  dev = await startVaultDevServer({ mounts: [] })
  astro = await startAstroTestServer()
  const roleId = await enableAppRole(dev.url, dev.rootToken)
  servers = {
    vault: { url: dev.url, token: dev.rootToken, roleId },
    astro: {
      url: astro.url,
      token: astro.token,
      organizationId: astro.organizationId
    }
  }
})
afterAll(async () => {
  await closeRowServers()
  await dev.close()
  await astro.close()
})

const requests = (): number => {
  const v = dev.counters.snapshot()
  return v.requests.total + v.inFlight + astro.counters.snapshot().total
}

let mounts = 0
async function context(row: Row): Promise<RowContext> {
  const mount = `leak${++mounts}`
  await mountKv(servers, mount)
  const dir = workspace(mount, row.manifest?.(mount) ?? row.variant ?? 'full')
  const env = { ...cliEnv(servers, row.auth ?? 'token'), ...row.env }
  const setup = async (...args: string[]): Promise<void> => {
    const run = await runCliEntry([...args, '-f', MANIFEST], dir, env)
    expect(run.channels.stderr).toBe('')
    expect(run.code).toBe(0)
  }
  return { servers, dev, astro, mount, dir, env, setup }
}

async function runEntry(
  row: Row,
  entry: Entry,
  ctx: RowContext
): Promise<EntryRun> {
  const at = (await row.addresses?.(ctx)) ?? {}
  const vaultUrl = at.vault ?? servers.vault.url
  const astroUrl = at.astro ?? servers.astro.url
  if (entry !== 'action') {
    const args = row.cli?.(ctx) ?? [row.command, '-f', MANIFEST]
    const json = entry === 'cli --json' ? ['--json'] : []
    const env = { ...ctx.env, VAULT_ADDR: vaultUrl, ASTRO_API_URL: astroUrl }
    return runCliEntry([...args, ...json], ctx.dir, env)
  }
  const inputs = {
    command: row.action ?? '',
    manifest: MANIFEST,
    'vault-address': vaultUrl,
    ...vaultInputs(servers, row.auth ?? 'token'),
    'astro-api-token': servers.astro.token,
    'astro-organization-id': servers.astro.organizationId,
    'comment-on-pr': 'never',
    ...row.inputs
  }
  const env = {
    ...ENV_CANARIES,
    ...row.env,
    GITHUB_WORKSPACE: ctx.dir,
    ASTRO_API_URL: astroUrl
  }
  return runActionEntry(inputs, env, requests)
}

const cases = ROWS.flatMap((row) =>
  (row.entries ?? ENTRIES)
    .filter((e) => e !== 'action' || row.action !== null)
    .map(
      (entry) =>
        [
          `${row.command} ${row.outcome}: ${row.case} (${entry})`,
          row,
          entry
        ] as const
    )
)

test.each(cases)('%s', async (_name, row, entry) => {
  const ctx = await context(row)
  await row.prepare?.(ctx)
  row.faults?.(ctx)
  const before = requests()
  let run: EntryRun
  try {
    run = await runEntry(row, entry, ctx)
  } finally {
    dev.faults.reset()
    astro.faults.reset()
  }
  const used = requests() > before
  const canaries = allCanaries({
    VAULT_TOKEN: dev.rootToken,
    ASTRO_API_TOKEN: astro.token,
    APPROLE_SECRET_ID,
    ...row.canaries
  })
  const product = new Set(row.product?.(entry) ?? [])
  const searched = Object.fromEntries(
    Object.entries(run.channels).filter(([c]) => !product.has(c))
  )
  const leaks = findLeaks(canaries, searched)
  expect(describeLeaks(leaks, searched, canaries)).toEqual([])
  expect({ exit: run.code }).toEqual({
    exit: entry === 'action' ? row.exit.action : row.exit.cli
  })
  if (entry === 'action') {
    expect(
      run.masks.filter((m) => m.value.length < MIN_REDACTED_LENGTH)
    ).toEqual([])
    if (used) expectMaskedFirst(run, canaries, row.auth ?? 'token')
  } else {
    // Still JSON, whatever redaction did to it.
    if (entry === 'cli --json' && row.action !== 'validate' && run.code !== 2)
      expect(
        () => JSON.parse(run.channels.stdout ?? '') as unknown
      ).not.toThrow()
    for (const [channel, text] of Object.entries(run.channels))
      expect({ channel, commands: text.match(/^::.*$/gm) }).toEqual({
        channel,
        commands: null
      })
  }
  await row.verify?.(ctx, run)
})
