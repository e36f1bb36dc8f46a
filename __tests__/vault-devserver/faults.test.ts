/**
 * Fault injection (dev server only): latency, 429/503 at a rate or on
 * paths, connection resets, sealed mode, slow-loris, the KV upgrade window
 * and a server that dies mid-run.
 */
import {
  type VaultDevServer,
  startVaultDevServer
} from '../../devserver/vault/index.js'
import { Client, at, devOnly } from './helpers/target.js'

// Fault injection is the dev server's own: skipped in the real tier.
const test = devOnly

let dev: VaultDevServer
let c: Client

beforeEach(async () => {
  dev = await startVaultDevServer({ rootToken: 'root' })
  c = new Client(dev.url, 'root')
})
afterEach(() => dev.close())

test('latencyMs delays every request', async () => {
  dev.faults.set({ latencyMs: 150 })
  const start = Date.now()
  await c.get('sys/health')
  expect(Date.now() - start).toBeGreaterThanOrEqual(140)
})

test("errorRate 1 with 429: Vault's rate-limit body", async () => {
  dev.faults.set({ errorRate: 1, errorStatuses: [429] })
  const r = await c.get('secret/data/x')
  expect(r.status).toBe(429)
  expect(r.body).toEqual({
    errors: ['request path "secret/data/x": rate limit quota exceeded']
  })
})

test('rates are deterministic for a seed', async () => {
  const run = async (): Promise<number[]> => {
    dev.faults.set({ errorRate: 0.5, errorStatuses: [429, 503], seed: 42 })
    const out: number[] = []
    for (let i = 0; i < 20; i++) out.push((await c.get('sys/health')).status)
    return out
  }
  const a = await run()
  const b = await run()
  expect(a).toEqual(b)
  expect(new Set(a).size).toBeGreaterThan(1)
})

test('failPaths fail a path prefix, optionally a limited number of times', async () => {
  dev.faults.set({
    failPaths: [{ path: 'secret/data/flaky', status: 503, times: 2 }]
  })
  expect((await c.get('secret/data/flaky')).status).toBe(503)
  expect((await c.get('secret/data/flaky')).body).toEqual({
    errors: ['Vault is sealed']
  })
  expect((await c.get('secret/data/flaky')).status).toBe(404)
  expect((await c.get('secret/data/other')).status).toBe(404)
})

test('resetRate 1 destroys the connection without an answer', async () => {
  dev.faults.set({ resetRate: 1 })
  await expect(c.get('sys/health')).rejects.toThrow()
  dev.faults.reset()
  expect((await c.get('sys/health')).status).toBe(200)
})

test('resetPaths reset only matching paths', async () => {
  dev.faults.set({ resetPaths: ['secret/'] })
  await expect(c.get('secret/data/x')).rejects.toThrow()
  expect((await c.get('sys/health')).status).toBe(200)
})

test('sealed: 503 "Vault is sealed"; health and seal-status still answer', async () => {
  dev.faults.sealed = true
  const r = await c.get('secret/data/x')
  expect(r.status).toBe(503)
  expect(r.body).toEqual({ errors: ['Vault is sealed'] })
  const health = await c.get('sys/health')
  expect(health.status).toBe(503)
  expect(health.body).toMatchObject({ sealed: true, initialized: true })
  const status = await c.get('sys/seal-status')
  expect(status.body).toMatchObject({ sealed: true, type: 'shamir' })
  dev.faults.unseal()
  expect((await c.get('secret/data/x')).status).toBe(404)
})

test('sys/seal seals; sys/unseal with the dev unseal key unseals', async () => {
  expect((await c.put('sys/seal')).status).toBe(204)
  expect(dev.faults.sealed).toBe(true)
  expect((await c.put('sys/unseal', { key: 'wrong' })).status).toBe(400)
  const r = await c.put('sys/unseal', { key: dev.unsealKey })
  expect(r.body).toMatchObject({ sealed: false })
  expect((await c.get('secret/data/x')).status).toBe(404)
})

test('slow-loris "hang": headers arrive, the body never does', async () => {
  dev.faults.set({ slowLorisPaths: ['secret/'], slowLorisMode: 'hang' })
  const res = await fetch(`${dev.url}/v1/secret/data/x`, {
    headers: { 'X-Vault-Token': 'root' },
    signal: AbortSignal.timeout(300)
  })
  expect(res.status).toBe(200)
  await expect(res.text()).rejects.toThrow()
})

test('slow-loris "dribble": the body trickles in', async () => {
  dev.faults.set({
    slowLorisPaths: ['secret/'],
    slowLorisMode: 'dribble',
    slowLorisIntervalMs: 1
  })
  const start = Date.now()
  const r = await c.get('secret/data/x')
  expect(r.status).toBe(200)
  expect(Date.now() - start).toBeGreaterThanOrEqual(40)
})

test('closeAfterRequests: the server dies after N requests', async () => {
  dev.faults.set({ closeAfterRequests: 2 })
  expect((await c.get('sys/health')).status).toBe(200)
  expect((await c.get('sys/health')).status).toBe(200)
  await expect(c.get('sys/health')).rejects.toThrow()
  await expect(c.get('sys/health')).rejects.toThrow()
})

test('kvUpgradeRequests: a new KV v2 mount answers 400 "Upgrading…" first', async () => {
  dev.faults.set({ kvUpgradeRequests: 2 })
  await c.post('sys/mounts/fresh', { type: 'kv-v2' })
  const first = await c.post('fresh/data/x', { data: { a: 1 } })
  expect(first.status).toBe(400)
  expect(at(first.body, 'errors')).toEqual([
    expect.stringMatching(/^Upgrading from non-versioned to versioned data/)
  ])
  expect((await c.post('fresh/data/x', { data: { a: 1 } })).status).toBe(400)
  expect((await c.post('fresh/data/x', { data: { a: 1 } })).status).toBe(200)
})

test('faults can be given at start and changed at run time', async () => {
  const other = await startVaultDevServer({
    faults: { failPaths: [{ path: 'sys/health', status: 500 }] }
  })
  const oc = new Client(other.url, other.rootToken)
  expect((await oc.get('sys/health')).status).toBe(500)
  other.faults.set({ failPaths: [] })
  expect((await oc.get('sys/health')).status).toBe(200)
  expect(other.faults.config.failPaths).toEqual([])
  await other.close()
})
