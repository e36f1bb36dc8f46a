import { runSync, type SyncRequest } from '../src/sync/run.js'
import type { BenchCase } from './measure.js'
import { manifest, vaultProcess } from './sync.bench.js'

const N = 2000
const LATENCY_MS = 10
const FAULTS = {
  errorRate: 0.05,
  errorStatuses: [429, 503],
  resetRate: 0.02,
  seed: 7
}

/**
 * Issue #8's load case: 2,000 secrets at concurrency 16 while 5% of
 * requests fail with 429 or 503 and 2% of connections are reset, against
 * the same first apply without faults in the same run. Then a clean drift
 * and a metadata read of every key prove the result: every secret correct,
 * every key at version 1 (no version written twice for one change).
 */
export async function benchFaults(): Promise<BenchCase[]> {
  const clean = await vaultProcess(LATENCY_MS)
  const faulty = await vaultProcess(LATENCY_MS, FAULTS)
  const request = (
    url: string,
    token: string,
    command: SyncRequest['command']
  ): SyncRequest => ({
    command,
    text: manifest(0),
    validate: {
      file: 'bench.yaml',
      manifestDir: '/r',
      repoRoot: '/r',
      values: { env: () => 'pw', file: () => undefined }
    },
    connection: {
      address: url,
      skipVerify: false,
      auth: { method: 'token', token },
      timeoutMs: 30_000,
      concurrency: 16,
      retry: {
        attempts: 8,
        baseDelayMs: 50,
        maxDelayMs: 1000,
        budgetMs: 60_000
      }
    }
  })
  const timed = async (
    url: string,
    token: string
  ): Promise<[number, Awaited<ReturnType<typeof runSync>>]> => {
    const start = process.hrtime.bigint()
    const report = await runSync(request(url, token, 'apply'))
    return [Number(process.hrtime.bigint() - start) / 1e6, report]
  }
  const [baseMs] = await timed(clean.url, clean.rootToken)
  const [ms, report] = await timed(faulty.url, faulty.rootToken)
  clean.close()
  // Checked without faults: stop injecting by restarting is not possible
  // from here, so the checks tolerate them with the client's retries.
  const drift = await runSync(request(faulty.url, faulty.rootToken, 'drift'))
  const versions = await versionsAbove1(faulty.url, faulty.rootToken)
  faulty.close()
  const v = report.vault
  return [
    {
      name: 'sync under faults: first apply, 2,000 secrets, 5% 429/503, 2% resets',
      runs: 1,
      medianMs: ms,
      minMs: ms,
      baselineMs: baseMs,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      notes: `exit ${report.remoteError || (v?.outcome?.failed.length ?? 0) > 0 ? 3 : 0}; ${v?.outcome?.written.length ?? 0} written, ${v?.outcome?.failed.length ?? 0} failed; ${v?.requests ?? 0} requests, ${v?.retries ?? 0} retried; drift afterwards ${drift.vault?.drift?.length ?? 'n/a'}; keys above version 1: ${versions}`
    }
  ]
}

async function versionsAbove1(url: string, token: string): Promise<number> {
  let above = 0
  for (let i = 0; i < N; i++) {
    const path =
      i < N / 2 ? `connections/db_${i}` : `variables/var_${i - N / 2}`
    for (let attempt = 0; attempt < 10; attempt++) {
      const res = await fetch(`${url}/v1/airflow/metadata/${path}`, {
        headers: { 'X-Vault-Token': token }
      }).catch(() => undefined)
      if (!res || res.status !== 200) continue
      const body = (await res.json()) as { data: { current_version: number } }
      if (body.data.current_version > 1) above++
      break
    }
  }
  return above
}
