import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import {
  SEED_IDS,
  startAstroTestServer,
  type AstroTestServer
} from '../../devserver/astro/index.js'
import { readFileSync } from 'node:fs'
import { runSync } from '../../src/sync/run.js'
import {
  reportJson,
  syncExitCode,
  type SyncReport
} from '../../src/sync/report.js'
import { renderAstroText } from '../../src/core/render/astro-text.js'
import { manifestFor, project, type SyncProject } from './fixture.js'
import { devOnly } from '../vault-devserver/helpers/target.js'

// Fault injection needs the dev server: skipped in the real tier.
const test = devOnly

// Astro fails mid-run only on the test server: faults are injected there.
let vault: VaultDevServer
let astro: AstroTestServer
beforeEach(async () => {
  vault = await startVaultDevServer({
    mounts: [{ path: 'airflow', version: 2 }]
  })
  astro = await startAstroTestServer()
})
afterEach(async () => {
  await vault.close()
  await astro.close()
})

const { standard: FIRST, dedicated: SECOND, hybrid: THIRD } = SEED_IDS
const IDS = [FIRST, SECOND, THIRD]

function astroProject(): SyncProject {
  const p = project(vault.url, vault.rootToken)
  Object.assign(p.env, {
    ASTRO_API_URL: astro.url,
    ASTRO_API_TOKEN: astro.token,
    SECRET_ID: 'astro-faults-secret-id'
  })
  p.write(
    manifestFor('airflow') +
      `astro:
  organization_id: ${astro.organizationId}
  deployments: [${IDS.map((id) => `{ id: ${id} }`).join(', ')}]
  backend_kwargs: { url: 'https://vault.example.com', auth_type: approle, role_id: ci, secret_id: { env: SECRET_ID } }
`
  )
  return p
}

/** runSync as the CLI calls it, with short Astro retries. */
async function sync(
  p: SyncProject,
  command: 'plan' | 'apply' = 'apply'
): Promise<SyncReport> {
  return runSync({
    command,
    text: readFileSync(`${p.dir}/airflow-secrets.yaml`, 'utf8'),
    validate: {
      file: 'airflow-secrets.yaml',
      manifestDir: p.dir,
      repoRoot: p.dir,
      values: { env: (n) => p.env[n], file: () => undefined }
    },
    connection: {
      address: vault.url,
      skipVerify: false,
      auth: { method: 'token', token: vault.rootToken },
      timeoutMs: 5000,
      concurrency: 4
    },
    astro: {
      baseUrl: astro.url,
      token: astro.token,
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 }
    }
  })
}

type Json = {
  error?: string
  vault: { written: number; failed: unknown[] }
  astro: {
    deployments: Array<{ id: string; action: string; updated: boolean }>
  }
}

const posts = (): number[] => IDS.map((id) => astro.counters.posts(id))

test('a 500 on the second update: exit 3, the others updated, Vault complete; a rerun posts only the missing one', async () => {
  const p = astroProject()
  astro.faults.set({
    failPaths: [{ path: SECOND, method: 'POST', status: 500 }]
  })
  const report = await sync(p)
  expect(syncExitCode(report)).toBe(3)
  const json = reportJson(report) as Json
  expect(json.vault).toMatchObject({ written: 6, failed: [] })
  expect(json.astro.deployments.map((d) => [d.action, d.updated])).toEqual([
    ['update', true],
    ['failed', false],
    ['update', true]
  ])
  expect(json.error).toContain(
    'after all 6 secret change(s) were written to Vault first'
  )
  expect(json.error).toMatch(new RegExp(`Updated: .*${FIRST}.*${THIRD}`))
  expect(json.error).toMatch(new RegExp(`Not updated: [^.]*${SECOND}`))
  const text = renderAstroText(report.astro ?? [])
  expect(text).toMatch(new RegExp(`${SECOND}\\): failed: .*500`))
  expect(posts()).toEqual([1, 0, 1])

  astro.faults.reset()
  const writes = vault.counters.snapshot().kvWrites
  const again = await sync(p)
  expect(syncExitCode(again)).toBe(0)
  expect(posts()).toEqual([1, 1, 1])
  expect(vault.counters.snapshot().kvWrites).toBe(writes)
})

test('connection resets on the second update: the rest is not attempted, and a rerun converges', async () => {
  const p = astroProject()
  astro.faults.set({ resetPaths: [{ path: SECOND, method: 'POST' }] })
  const report = await sync(p)
  expect(syncExitCode(report)).toBe(3)
  const json = reportJson(report) as Json
  expect(json.astro.deployments.map((d) => d.action)).toEqual([
    'update',
    'failed',
    'not_attempted'
  ])
  expect(json.error).toMatch(
    new RegExp(`Not updated: [^.]*${SECOND}[^.]*${THIRD}`)
  )
  expect(renderAstroText(report.astro ?? [])).toContain(`${THIRD}: not reached`)
  astro.faults.reset()
  expect(syncExitCode(await sync(p))).toBe(0)
  expect(posts()).toEqual([1, 1, 1])
})

test('a 401 after the first update (CLI): exit 3, text and JSON say which were updated', async () => {
  const p = astroProject()
  astro.faults.set({
    failPaths: [{ path: SECOND, method: 'POST', status: 401, times: 1 }]
  })
  const run = await p.run('apply')
  expect(run.code).toBe(3)
  expect(run.stdout).toMatch(new RegExp(`${FIRST}\\): updated`))
  expect(run.stdout).toMatch(new RegExp(`${SECOND}\\): failed: .*401`))
  expect(run.stdout).toContain(`${THIRD}: not reached`)
  expect(run.stderr).toMatch(
    new RegExp(`error: the Astro step failed for [^ ]* \\(${SECOND}\\)`)
  )
  expect(run.stderr).toMatch(
    new RegExp(`Not updated: [^.]*${SECOND}[^.]*${THIRD}`)
  )
  expect(run.stdout + run.stderr).not.toContain('astro-faults-secret-id')
  const json = (await p.json('apply')) as unknown as Json
  expect(json.error).toBeUndefined()
  expect(json.astro.deployments.map((d) => d.action)).toEqual([
    'unchanged',
    'update',
    'update'
  ])
  expect(posts()).toEqual([1, 1, 1])
})

test('a GET failing before any update: plan and apply say so; the others are still updated', async () => {
  const p = astroProject()
  astro.faults.set({ failPaths: [{ path: FIRST, method: 'GET', status: 503 }] })
  const plan = await sync(p, 'plan')
  expect(syncExitCode(plan)).toBe(3)
  expect(plan.remoteError).toContain(
    'so the plan of the Deployments is incomplete'
  )
  const report = await sync(p)
  expect(syncExitCode(report)).toBe(3)
  expect(report.remoteError).toMatch(
    new RegExp(`Updated: [^.]*${SECOND}[^.]*${THIRD}`)
  )
  expect(report.remoteError).toMatch(new RegExp(`Not updated: [^.]*${FIRST}`))
  expect(posts()).toEqual([0, 1, 1])
  astro.faults.reset()
  expect(syncExitCode(await sync(p))).toBe(0)
  expect(posts()).toEqual([1, 1, 1])
})
