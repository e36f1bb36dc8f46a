import { createRequire } from 'node:module'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { runSync, type SyncRequest } from '../src/sync/run.js'
import type { BenchCase } from './measure.js'

const require = createRequire(import.meta.url)
const nodeVault = require('node-vault') as (c: object) => {
  read(p: string): Promise<unknown>
  write(p: string, d: object): Promise<unknown>
}

export const N = 2000
const LATENCY_MS = 10
export const CONCURRENCY = 16

export function manifest(version: number): string {
  const lines = ['version: 1', 'vault: { mount: airflow }', 'connections:']
  for (let i = 0; i < N / 2; i++) {
    const port = 5432 + (i % 10 === 0 ? version : 0)
    lines.push(
      `  db_${i}: { conn_type: postgres, host: db-${i}.example.com, port: ${port}, login: airflow, password: { env: PW } }`
    )
  }
  lines.push('variables:')
  for (let i = 0; i < N / 2; i++)
    lines.push(`  var_${i}: value-${i % 10 === 0 ? version : 0}`)
  return lines.join('\n') + '\n'
}

/** Where the sync cases run, and what each case's time is compared with. */
export interface SyncTarget {
  label: string
  url: string
  rootToken: string
  /** The fastest the case's minimum requests could go, in ms. */
  floor(kind: SyncCaseKind, minimum: number): Promise<number> | number
  floorName: string
}

export type SyncCaseKind = 'first' | 'noop' | 'changed'

/** First apply, a no-op rerun and 10% changed, each against its floor. */
export async function syncCases(target: SyncTarget): Promise<BenchCase[]> {
  const request = (text: string): SyncRequest => ({
    command: 'apply',
    text,
    validate: {
      file: 'bench.yaml',
      manifestDir: '/r',
      repoRoot: '/r',
      values: { env: () => 'pw', file: () => undefined }
    },
    connection: {
      address: target.url,
      skipVerify: false,
      auth: { method: 'token', token: target.rootToken },
      timeoutMs: 30_000,
      concurrency: CONCURRENCY
    }
  })
  const cases: BenchCase[] = []
  const run = async (
    kind: SyncCaseKind,
    name: string,
    text: string,
    minimum: number
  ): Promise<void> => {
    const start = process.hrtime.bigint()
    const report = await runSync(request(text))
    const ms = Number(process.hrtime.bigint() - start) / 1e6
    const requests = report.vault?.requests ?? 0
    const floor = await target.floor(kind, minimum)
    cases.push({
      name: `sync on ${target.label}: ${name}`,
      runs: 1,
      medianMs: ms,
      minMs: ms,
      baselineMs: floor,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      notes: `${requests} requests (minimum ${minimum}, ${(requests / N).toFixed(2)} per secret); ${target.floorName} ${floor.toFixed(0)} ms; written ${report.vault?.outcome?.written.length ?? 0}`
    })
  }
  // First apply: one write and one ownership mark per secret, one list per folder.
  await run('first', 'first apply (2,000 secrets)', manifest(0), 2 * N + 2)
  await run('noop', 'no-op rerun', manifest(0), N + 2)
  await run('changed', '10% changed', manifest(1), N + 2 + N / 10)
  return cases
}

/**
 * The sync engine against the dev server with 10 ms per request, each case
 * against the ideal time (requests × latency / concurrency), and the same
 * first apply done by a plain sequential node-vault read-then-write loop.
 */
export async function benchSync(): Promise<BenchCase[]> {
  const server = await vaultProcess(LATENCY_MS)
  const cases = await syncCases({
    label: 'the dev server (10 ms latency)',
    url: server.url,
    rootToken: server.rootToken,
    floor: (_kind, minimum) => (minimum * LATENCY_MS) / CONCURRENCY,
    floorName: 'ideal (minimum × latency / concurrency)'
  })
  const first = cases[0]?.medianMs ?? 0
  const loop = await sequentialLoop(server.url, server.rootToken)
  cases.push({
    name: 'baseline: sequential node-vault read+write loop (same first apply, fresh mount)',
    runs: 1,
    medianMs: loop,
    minMs: loop,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    notes: `${2 * N} requests; sync first apply is ${(loop / first).toFixed(1)}x faster`
  })
  server.close()
  return cases
}

/** What teams script today: read, then write, one secret at a time. */
async function sequentialLoop(url: string, token: string): Promise<number> {
  const vault = nodeVault({ endpoint: url, token, apiVersion: 'v1' })
  await fetch(`${url}/v1/sys/mounts/loop`, {
    method: 'POST',
    headers: { 'X-Vault-Token': token },
    body: JSON.stringify({ type: 'kv', options: { version: '2' } })
  })
  const start = process.hrtime.bigint()
  for (let i = 0; i < N; i++) {
    const path =
      i < N / 2
        ? `loop/data/connections/db_${i}`
        : `loop/data/variables/var_${i}`
    await vault.read(path).catch(() => undefined)
    await vault.write(path, { data: { value: `value-${i}` } })
  }
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Starts bench/vault-process.ts and waits for its address. */
export async function vaultProcess(
  latencyMs: number,
  faults: object = {}
): Promise<{ url: string; rootToken: string; close(): void }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/vault-process.ts',
      String(latencyMs),
      JSON.stringify(faults)
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer]
  const { url, token } = JSON.parse(chunk.toString()) as {
    url: string
    token: string
  }
  return { url, rootToken: token, close: () => void child.kill('SIGTERM') }
}
