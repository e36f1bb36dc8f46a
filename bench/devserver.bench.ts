import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { startVaultDevServer } from '../devserver/vault/index.js'
import type { BenchCase } from './measure.js'

const CONCURRENCY = 16
const SECONDS = 2

/** Requests per second from 16 keep-alive clients for a fixed time. */
async function throughput(url: string, token: string): Promise<number> {
  let done = 0
  const start = Date.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() - start < SECONDS * 1000) {
        const r = await fetch(url, { headers: { 'X-Vault-Token': token } })
        await r.arrayBuffer()
        done++
      }
    })
  )
  return done / ((Date.now() - start) / 1000)
}

/**
 * The dev server must never be the bottleneck of the sync benchmarks: its
 * KV v2 read throughput against a bare node:http server that answers the
 * same bytes without any Vault logic (the floor of this machine).
 */
export async function benchDevServer(): Promise<BenchCase[]> {
  const dev = await startVaultDevServer()
  await fetch(`${dev.url}/v1/secret/data/bench`, {
    method: 'POST',
    headers: { 'X-Vault-Token': dev.rootToken },
    body: JSON.stringify({ data: { v: 'x'.repeat(200) } })
  })
  const answer = await (
    await fetch(`${dev.url}/v1/secret/data/bench`, {
      headers: { 'X-Vault-Token': dev.rootToken }
    })
  ).text()
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer)
  })
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
  const barePort = (bare.address() as AddressInfo).port
  const floor = await throughput(`http://127.0.0.1:${barePort}/`, '')
  const ours = await throughput(
    `${dev.url}/v1/secret/data/bench`,
    dev.rootToken
  )
  bare.close()
  await dev.close()
  const rss = process.resourceUsage().maxRSS / 1024
  return [
    {
      name: 'baseline: bare node:http, same answer',
      runs: 1,
      medianMs: 1000 / floor,
      minMs: 1000 / floor,
      peakRssMiB: rss,
      notes: `${floor.toFixed(0)} req/s (ms = per request)`
    },
    {
      name: 'vault dev server: KV v2 read',
      runs: 1,
      medianMs: 1000 / ours,
      minMs: 1000 / ours,
      peakRssMiB: rss,
      baselineMs: 1000 / floor,
      notes: `${ours.toFixed(0)} req/s, client in the same process`
    }
  ]
}
