/**
 * The sync cases against OpenBao 2.7.2 on loopback (a real Vault-API
 * server, no injected latency). Each is compared with its round-trip floor,
 * measured in the same run: a bare keep-alive fetch pool at the same
 * concurrency sending only the minimum requests the case needs (for a first
 * apply, that counts the metadata write ownership needs).
 */
import { startOpenBao } from '../tools/real-systems/openbao.js'
import type { BenchCase } from './measure.js'
import { CONCURRENCY, N, type SyncCaseKind, syncCases } from './sync.bench.js'

interface Call {
  method: 'GET' | 'POST'
  path: string
  body?: object
}

async function pool(
  url: string,
  token: string,
  calls: Call[]
): Promise<number> {
  let next = 0
  const worker = async (): Promise<void> => {
    for (let i = next++; i < calls.length; i = next++) {
      const c = calls[i] as Call
      const r = await fetch(`${url}/v1/${c.path}`, {
        method: c.method,
        headers: { 'X-Vault-Token': token },
        body: c.body ? JSON.stringify(c.body) : undefined
      })
      await r.arrayBuffer()
    }
  }
  const start = process.hrtime.bigint()
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return Number(process.hrtime.bigint() - start) / 1e6
}

const secretPath = (i: number): string =>
  i < N / 2 ? `connections/db_${i}` : `variables/var_${i}`

/** The minimum requests of each case, on a mount of their own. */
function floorCalls(kind: SyncCaseKind): Call[] {
  const lists: Call[] = ['connections', 'variables'].map((f) => ({
    method: 'GET',
    path: `floor/metadata/${f}?list=true`
  }))
  const write = (i: number): Call => ({
    method: 'POST',
    path: `floor/data/${secretPath(i)}`,
    body: { data: { value: `value-${i}-${kind}` } }
  })
  const read = (i: number): Call => ({
    method: 'GET',
    path: `floor/data/${secretPath(i)}`
  })
  const all = Array.from({ length: N }, (_, i) => i)
  if (kind === 'first')
    return [
      ...lists,
      ...all.map(write),
      ...all.map((i) => ({
        method: 'POST' as const,
        path: `floor/metadata/${secretPath(i)}`,
        body: { custom_metadata: { 'managed-by': 'floor' } }
      }))
    ]
  if (kind === 'noop') return [...lists, ...all.map(read)]
  return [
    ...lists,
    ...all.map(read),
    ...all.filter((i) => i % 10 === 0).map(write)
  ]
}

export async function benchOpenBao(): Promise<BenchCase[]> {
  const bao = await startOpenBao()
  try {
    for (const path of ['airflow', 'floor'])
      await fetch(`${bao.url}/v1/sys/mounts/${path}`, {
        method: 'POST',
        headers: { 'X-Vault-Token': bao.token },
        body: JSON.stringify({ type: 'kv', options: { version: '2' } })
      })
    return await syncCases({
      label: 'OpenBao 2.7.2',
      url: bao.url,
      rootToken: bao.token,
      floor: (kind) => pool(bao.url, bao.token, floorCalls(kind)),
      floorName:
        'round-trip floor (bare fetch pool, same concurrency, minimum requests)'
    })
  } finally {
    await bao.stop()
  }
}
