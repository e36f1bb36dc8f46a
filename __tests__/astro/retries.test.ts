/**
 * 429 and 5xx over loopback HTTP: retried with backoff, at least the
 * Retry-After the server sends, bounded in attempts and total time;
 * resets retried, slow answers timed out; 400 shows field errors but
 * never the request body.
 */
import { type AstroTestServer, SEED_IDS } from '../../devserver/astro/index.js'
import { planDeployment } from '../../src/core/astro/index.js'
import { clientFor, desiredFor, failure, start } from './helpers.js'

let server: AstroTestServer
beforeEach(async () => {
  server = await start()
})
afterEach(() => server.close())

test('429 is retried after Retry-After, then succeeds', async () => {
  server.faults.set({ retryAfterSeconds: 2 })
  server.faults.failNext(429, 2)
  const delays: number[] = []
  const c = clientFor(server, {
    sleep: async (ms) => void delays.push(ms),
    retry: { maxTotalMs: 60_000 }
  })
  await expect(c.getDeployment(SEED_IDS.standard)).resolves.toMatchObject({
    id: SEED_IDS.standard
  })
  expect(delays).toHaveLength(2)
  for (const d of delays) expect(d).toBeGreaterThanOrEqual(2000)
  expect(server.counters.snapshot().byStatus).toMatchObject({
    '429': 2,
    '200': 1
  })
})

test('5xx (JSON 500 and text 503) are retried with growing backoff', async () => {
  server.faults.failNext(500)
  server.faults.failNext(503)
  const delays: number[] = []
  const c = clientFor(server, {
    sleep: async (ms) => void delays.push(ms),
    retry: { baseDelayMs: 100, maxDelayMs: 10_000 },
    random: () => 1
  })
  const plan = planDeployment(
    await c.getDeployment(SEED_IDS.standard),
    desiredFor(SEED_IDS.standard)
  )
  expect(delays).toEqual([100, 200])
  server.faults.failNext(502)
  await c.updateDeployment(SEED_IDS.standard, plan.body!)
  expect(server.changes).toHaveLength(1)
})

test('retries are bounded in count and in total time', async () => {
  server.faults.failNext(503, 100)
  const c = clientFor(server, {
    sleep: async () => undefined,
    retry: { maxAttempts: 4 }
  })
  const e = await failure(c.getDeployment(SEED_IDS.standard))
  expect(e.status).toBe(503)
  expect(e.attempts).toBe(4)
  expect(e.message).toMatch(/outage/)
  expect(server.counters.snapshot().total).toBe(4)

  server.faults.set({ retryAfterSeconds: 120 })
  const before = server.counters.snapshot().total
  const slow = clientFor(server, { retry: { maxTotalMs: 10_000 } })
  const e2 = await failure(slow.getDeployment(SEED_IDS.standard))
  expect(e2.attempts).toBe(1) // waiting 120 s would break the budget
  expect(server.counters.snapshot().total - before).toBe(1)
})

test('a reset connection is retried; a slow answer times out', async () => {
  server.faults.set({ resetNext: 1 })
  await expect(
    clientFor(server).getDeployment(SEED_IDS.hybrid)
  ).resolves.toBeDefined()
  server.faults.set({ latencyMs: 400 })
  const c = clientFor(server, { timeoutMs: 100, retry: { maxAttempts: 2 } })
  const e = await failure(c.getDeployment(SEED_IDS.hybrid))
  expect(e.status).toBeUndefined()
  expect(e.message).toMatch(/no answer within 100 ms/)
  expect(e.attempts).toBe(2)
})

test('400: field errors shown, the request body (and its secret) not', async () => {
  const c = clientFor(server)
  const plan = planDeployment(
    await c.getDeployment(SEED_IDS.standard),
    desiredFor(SEED_IDS.standard)
  )
  const body = { ...plan.body!, schedulerSize: 'HUGE' } as typeof plan.body &
    object
  const e = await failure(c.updateDeployment(SEED_IDS.standard, body))
  expect(e.status).toBe(400)
  expect(e.fieldErrors).toEqual([
    expect.objectContaining({ field: 'schedulerSize', code: 'enum' })
  ])
  expect(e.message).toContain('schedulerSize')
  expect(e.message).toMatch(/request id [0-9a-f-]{36}/)
})
