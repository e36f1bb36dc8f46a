/**
 * Counters for tests and benchmarks (dev server only).
 */
import {
  type VaultDevServer,
  startVaultDevServer
} from '../../devserver/vault/index.js'
import { Client, devOnly } from './helpers/target.js'

// Counters are the dev server's own: skipped in the real tier.
const test = devOnly

let dev: VaultDevServer
let c: Client

beforeEach(async () => {
  dev = await startVaultDevServer({ rootToken: 'root' })
  c = new Client(dev.url, 'root')
})
afterEach(() => dev.close())

test('requests are counted by method, path kind and status', async () => {
  await c.post('secret/data/a', { data: { x: 1 } })
  await c.get('secret/data/a')
  await c.list('secret/metadata/')
  await c.get('sys/health')
  const s = dev.counters.snapshot()
  expect(s.requests.total).toBe(4)
  expect(s.requests.byMethod).toEqual({ POST: 1, GET: 3 })
  expect(s.requests.byKind).toMatchObject({
    'kv2-data': 2,
    'kv2-list': 1,
    sys: 1
  })
  expect(s.requests.byMethodAndKind).toMatchObject({
    'POST kv2-data': 1,
    'GET kv2-data': 1
  })
  expect(s.requests.byStatus).toEqual({ '200': 4 })
})

test('KV versions created are counted per key ("no version written twice")', async () => {
  await c.post('secret/data/a', { data: { x: 1 } })
  await c.post('secret/data/b', { data: { x: 1 } })
  await c.post('secret/data/b', { data: { x: 2 } })
  await c.patch('secret/data/b', { data: { y: 1 } })
  const s = dev.counters.snapshot()
  expect(s.kvVersionsCreated).toBe(4)
  expect(s.versionsByKey).toEqual({ 'secret/a': 1, 'secret/b': 3 })
})

test('a read-only run counts 0 KV writes', async () => {
  await c.post('secret/data/a', { data: { x: 1 } })
  dev.counters.reset()
  await c.get('secret/data/a')
  await c.get('secret/metadata/a')
  await c.list('secret/metadata/')
  const s = dev.counters.snapshot()
  expect(s.kvWrites).toBe(0)
  expect(s.kvVersionsCreated).toBe(0)
  expect(s.requests.total).toBe(3)
})

test('every KV mutation counts as a write', async () => {
  await c.post('secret/data/a', { data: { x: 1 } })
  await c.post('secret/metadata/a', { custom_metadata: { k: 'v' } })
  await c.del('secret/data/a')
  await c.post('secret/undelete/a', { versions: [1] })
  await c.del('secret/metadata/a')
  expect(dev.counters.snapshot().kvWrites).toBe(5)
})

test('peak concurrency is recorded', async () => {
  dev.faults.set({ latencyMs: 100 })
  await Promise.all(Array.from({ length: 8 }, () => c.get('sys/health')))
  expect(dev.counters.snapshot().peakConcurrent).toBe(8)
  expect(dev.counters.snapshot().inFlight).toBe(0)
})

test('reset zeroes everything; snapshots are copies', async () => {
  await c.get('sys/health')
  const before = dev.counters.snapshot()
  dev.counters.reset()
  await c.get('sys/health')
  expect(before.requests.total).toBe(1)
  expect(dev.counters.snapshot().requests.total).toBe(1)
  expect(dev.counters.snapshot().peakConcurrent).toBeLessThanOrEqual(1)
})

test('faulted requests are counted under kind "fault"', async () => {
  dev.faults.set({ errorRate: 1, errorStatuses: [503] })
  await c.get('secret/data/a')
  expect(dev.counters.snapshot().requests.byKind).toEqual({ fault: 1 })
  expect(dev.counters.snapshot().requests.byStatus).toEqual({ '503': 1 })
})
