/**
 * Failures over loopback HTTP: 401, 403 and 404 say what to fix (astro-api.md
 * §3), 429 and 5xx are retried with backoff and Retry-After, retries stop,
 * timeouts and resets are handled, and no message shows a secret.
 */
import {
  type AstroTestServer,
  OTHER_WORKSPACE_ID,
  SEED_IDS,
  SEED_WORKSPACE_ID
} from '../../devserver/astro/index.js'
import {
  AstroApiError,
  type AstroClient,
  createAstroClient
} from '../../src/clients/astro/index.js'
import { planDeployment } from '../../src/core/astro/index.js'
import { clientFor, desiredFor, expectNoSecrets, start } from './helpers.js'

let server: AstroTestServer
beforeEach(async () => {
  server = await start()
})
afterEach(() => server.close())

async function failure(p: Promise<unknown>): Promise<AstroApiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(AstroApiError)
  expectNoSecrets(e)
  return e as AstroApiError
}

async function updateWith(client: AstroClient, id: string): Promise<unknown> {
  // The body comes from the owner's view, so only the POST is refused.
  const owner = clientFor(server)
  const plan = planDeployment(await owner.getDeployment(id), desiredFor(id))
  return client.updateDeployment(id, plan.body!)
}

test('401: an unknown token, and it is never echoed', async () => {
  const bad = 'not.a-real.token'
  const c = clientFor(server, { token: bad })
  const e = await failure(c.getDeployment(SEED_IDS.standard))
  expect(e.status).toBe(401)
  expect(e.message).toMatch(/Organization, Workspace or Deployment API token/)
  expect(e.message).toContain('invalid API token')
  expect(e.attempts).toBe(1)
  expect(e.message).not.toContain(bad)
})

test('401 as text/plain, as live Astro reportedly answers', async () => {
  server.faults.set({ textAuthErrors: true })
  const e = await failure(
    clientFor(server, { token: 'x.y.z' }).getDeployment(SEED_IDS.standard)
  )
  expect(e.status).toBe(401)
  expect(e.serverMessage).toBe('invalid API token')
})

test('403: a Workspace Member can read but not update', async () => {
  const token = server.issueToken({
    scope: 'WORKSPACE',
    role: 'WORKSPACE_MEMBER',
    entityId: SEED_WORKSPACE_ID
  })
  const c = clientFor(server, { token })
  await expect(c.getDeployment(SEED_IDS.standard)).resolves.toMatchObject({
    id: SEED_IDS.standard
  })
  const e = await failure(updateWith(c, SEED_IDS.standard))
  expect(e.status).toBe(403)
  expect(e.message).toMatch(/Workspace Operator or Workspace Owner/)
  expect(e.message).toMatch(/Deployment API token for this Deployment/)
  expect(e.message).toMatch(/Organization Owner/)
  expect(server.changes).toHaveLength(0)
})

test('403: a Deployment token for another Deployment, a token of another Workspace', async () => {
  const dep = server.issueToken({
    scope: 'DEPLOYMENT',
    role: 'DEPLOYMENT_ADMIN',
    entityId: SEED_IDS.dedicated
  })
  const e = await failure(
    clientFor(server, { token: dep }).getDeployment(SEED_IDS.standard)
  )
  expect(e.status).toBe(403)
  expect(e.message).toContain(`read Deployment ${SEED_IDS.standard}`)
  const ws = server.issueToken({
    scope: 'WORKSPACE',
    role: 'WORKSPACE_OPERATOR',
    entityId: OTHER_WORKSPACE_ID
  })
  expect(
    (
      await failure(
        clientFor(server, { token: ws }).getDeployment(SEED_IDS.hybrid)
      )
    ).status
  ).toBe(403)
})

test('404: unknown Deployment or organization says which ids to check', async () => {
  const e = await failure(
    clientFor(server).getDeployment('clx5nope00000008l1n0p3')
  )
  expect(e.status).toBe(404)
  expect(e.message).toMatch(/check the Deployment id and the organization id/)
  const org = clientFor(server, { organizationId: 'clx5otherorg' })
  expect((await failure(org.getDeployment(SEED_IDS.standard))).status).toBe(404)
})

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

test('the token must fit in a header (and is not quoted when it does not)', () => {
  const make =
    (token: string): (() => unknown) =>
    () =>
      createAstroClient({ baseUrl: server.url, token, organizationId: 'o' })
  expect(make('abc\ndef')).toThrow(/characters an HTTP header cannot carry/)
  expect(make('   ')).toThrow(/empty/)
  expect(() =>
    createAstroClient({
      baseUrl: server.url,
      token: 'Bearer abc \n',
      organizationId: 'o'
    })
  ).not.toThrow()
})
