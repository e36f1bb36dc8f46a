/**
 * The Astro test server over raw HTTP: GET bodies match the spec's
 * Deployment schema without secret values, the list filters and pages,
 * DEPLOYING then HEALTHY after an update, counters, 405s and faults.
 */
import {
  type AstroTestServer,
  SEED_IDS,
  SEED_SECRET_MARKER,
  validate
} from '../../devserver/astro/index.js'
import { start } from './helpers.js'
import { raw, type Raw } from './raw.js'

let server: AstroTestServer
let api: Raw
beforeEach(async () => {
  server = await start({ updatingGets: 2 })
  api = raw(server)
})
afterEach(() => server.close())

test.each(Object.values(SEED_IDS))(
  'GET %s matches the Deployment schema, secrets without value',
  async (id) => {
    const res = await fetch(api.url(id), { headers: api.auth() })
    const text = await res.text()
    expect(validate('Deployment', JSON.parse(text))).toEqual({
      errors: [],
      unknown: []
    })
    expect(text).not.toContain(SEED_SECRET_MARKER)
    const secrets = (
      JSON.parse(text) as {
        environmentVariables: Array<Record<string, unknown>>
      }
    ).environmentVariables.filter((v) => v.isSecret)
    expect(secrets.length).toBeGreaterThan(0)
    for (const v of secrets) expect(v).not.toHaveProperty('value')
  }
)

test('the list matches DeploymentsPaginated and filters', async () => {
  const res = await fetch(`${api.url()}?limit=2&offset=1`, {
    headers: api.auth()
  })
  const page = (await res.json()) as {
    deployments: unknown[]
    totalCount: number
  }
  expect(validate('DeploymentsPaginated', page).errors).toEqual([])
  expect(page.deployments).toHaveLength(2)
  expect(page.totalCount).toBe(5)
  const byId = await fetch(
    `${api.url()}?deploymentIds=${SEED_IDS.hybrid},${SEED_IDS.remote}`,
    { headers: api.auth() }
  )
  expect(((await byId.json()) as { totalCount: number }).totalCount).toBe(2)
})

test('DEPLOYING for the configured number of GETs, then HEALTHY', async () => {
  const id = SEED_IDS.dedicated
  const r = await api.post(id, api.bodyFor(id, []))
  expect(r.body.status).toBe('DEPLOYING')
  expect(validate('Deployment', r.body).errors).toEqual([])
  expect([
    (await api.get(id)).status,
    (await api.get(id)).status,
    (await api.get(id)).status
  ]).toEqual(['DEPLOYING', 'DEPLOYING', 'HEALTHY'])
})

test('counters, 405, non-JSON body and unknown paths', async () => {
  expect(
    (
      await fetch(api.url(SEED_IDS.hybrid), {
        method: 'DELETE',
        headers: api.auth()
      })
    ).status
  ).toBe(405)
  const bad = await fetch(api.url(SEED_IDS.hybrid), {
    method: 'POST',
    headers: api.auth(),
    body: '{'
  })
  expect(bad.status).toBe(400)
  expect(
    (await fetch(`${server.url}/organizations`, { headers: api.auth() })).status
  ).toBe(404)
  expect(server.counters.snapshot()).toMatchObject({
    total: 3,
    byMethod: { DELETE: 1, POST: 1, GET: 1 },
    postsByDeployment: { [SEED_IDS.hybrid]: 1 }
  })
})

test('faults on a path and method only, then back to normal', async () => {
  server.faults.set({
    failPaths: [{ path: SEED_IDS.hybrid, method: 'GET', status: 502, times: 1 }]
  })
  const first = await fetch(api.url(SEED_IDS.hybrid), { headers: api.auth() })
  expect([first.status, first.headers.get('content-type')]).toEqual([
    502,
    'text/plain'
  ])
  expect(
    (await fetch(api.url(SEED_IDS.hybrid), { headers: api.auth() })).status
  ).toBe(200)
  server.faults.set({
    errorRate: 1,
    errorStatuses: [429],
    retryAfterSeconds: 3
  })
  const limited = await fetch(api.url(SEED_IDS.remote), { headers: api.auth() })
  expect([limited.status, limited.headers.get('retry-after')]).toEqual([
    429,
    '3'
  ])
  server.faults.reset()
  expect(
    (await fetch(api.url(SEED_IDS.remote), { headers: api.auth() })).status
  ).toBe(200)
  expect(server.counters.snapshot().faults).toBe(2)
})
