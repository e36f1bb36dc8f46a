/**
 * The Astro test server itself, over raw fetch: GET bodies match the spec's
 * Deployment schema without secret values, bad bodies get the spec's Error
 * with fieldErrors, secret semantics (keep, wipe, made plain, new secret
 * without value), dropped fields recorded, and DEPLOYING then HEALTHY.
 */
import {
  type AstroTestServer,
  SEED_IDS,
  SEED_SECRET_MARKER,
  validate
} from '../../devserver/astro/index.js'
import { buildUpdateBody } from '../../src/core/astro/index.js'
import { asFetched, start } from './helpers.js'

let server: AstroTestServer
let url: (id?: string) => string
beforeEach(async () => {
  server = await start({ updatingGets: 2 })
  url = (id) =>
    `${server.url}/organizations/${server.organizationId}/deployments${id ? `/${id}` : ''}`
})
afterEach(() => server.close())

const auth = (): Record<string, string> => ({
  Authorization: `Bearer ${server.token}`
})

async function get(id: string): Promise<Record<string, unknown>> {
  const res = await fetch(url(id), { headers: auth() })
  expect(res.status).toBe(200)
  return (await res.json()) as Record<string, unknown>
}

async function post(
  id: string,
  body: unknown
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url(id), {
    method: 'POST',
    headers: auth(),
    body: JSON.stringify(body)
  })
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown>
  }
}

/** A correct body for a seed, with `env` as its variables. */
function bodyFor(
  id: string,
  env: Array<{ key: string; isSecret: boolean; value?: string }>
): Record<string, unknown> {
  return buildUpdateBody(
    asFetched(server.store.get(id)!),
    env
  ) as unknown as Record<string, unknown>
}

test.each(Object.values(SEED_IDS))(
  'GET %s matches the Deployment schema, secrets without value',
  async (id) => {
    const res = await fetch(url(id), { headers: auth() })
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
  const res = await fetch(`${url()}?limit=2&offset=1`, { headers: auth() })
  const page = (await res.json()) as {
    deployments: unknown[]
    totalCount: number
  }
  expect(validate('DeploymentsPaginated', page).errors).toEqual([])
  expect(page.deployments).toHaveLength(2)
  expect(page.totalCount).toBe(5)
  const byId = await fetch(
    `${url()}?deploymentIds=${SEED_IDS.hybrid},${SEED_IDS.remote}`,
    { headers: auth() }
  )
  expect(((await byId.json()) as { totalCount: number }).totalCount).toBe(2)
})

test('an invalid body gets the spec Error with fieldErrors and changes nothing', async () => {
  const id = SEED_IDS.hybrid
  const body: Record<string, unknown> = {
    ...bodyFor(id, []),
    executor: 'ASTRO',
    scheduler: { au: 30, replicas: 1 }
  }
  delete body.name
  const r = await post(id, body)
  expect(r.status).toBe(400)
  expect(validate('Error', r.body).errors).toEqual([])
  expect(r.body.fieldErrors).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ field: 'name', code: 'required' }),
      expect.objectContaining({ field: 'executor', code: 'enum' }),
      expect.objectContaining({ field: 'scheduler.au', code: 'max' })
    ])
  )
  expect(server.changes).toHaveLength(0)
  expect(
    (await post(id, { ...bodyFor(id, []), type: 'PLANET' })).body.fieldErrors
  ).toEqual([expect.objectContaining({ field: 'type', code: 'oneof' })])
  expect(
    (await post(id, { ...bodyFor(id, []), type: 'STANDARD' })).status
  ).toBe(400)
})

test('prose rules: task pod fields unless Remote Execution, astroMachine, one default queue', async () => {
  const id = SEED_IDS.standard
  const body = bodyFor(id, [])
  delete body.resourceQuotaCpu
  const queues = body.workerQueues as Array<Record<string, unknown>>
  delete queues[1]!.astroMachine
  queues[1]!.isDefault = true
  const r = await post(id, body)
  expect(
    (r.body.fieldErrors as Array<{ field: string }>).map((f) => f.field)
  ).toEqual([
    'resourceQuotaCpu',
    'workerQueues[1].astroMachine',
    'workerQueues'
  ])
  expect(
    (await post(SEED_IDS.remote, bodyFor(SEED_IDS.remote, []))).status
  ).toBe(200)
})

test('secret semantics: keep without value, wipe with "", made plain, new secret needs a value', async () => {
  const id = SEED_IDS.standard
  const before = new Map(
    server.store.get(id)!.environmentVariables.map((v) => [v.key, v])
  )
  const kept = [
    {
      key: 'AIRFLOW__CORE__DEFAULT_TIMEZONE',
      isSecret: false,
      value: 'Europe/Berlin'
    },
    { key: 'DBT_TARGET', isSecret: false, value: 'stg' }
  ]
  const newSecret = await post(
    id,
    bodyFor(id, [...kept, { key: 'NEW', isSecret: true }])
  )
  expect(newSecret.status).toBe(400)
  expect(newSecret.body.fieldErrors).toEqual([
    expect.objectContaining({ field: 'environmentVariables[2].value' })
  ])
  const r = await post(
    id,
    bodyFor(id, [
      ...kept,
      { key: 'DATADOG_API_KEY', isSecret: true, value: '' },
      { key: 'SLACK_WEBHOOK_URL', isSecret: false, value: 'now-plain' }
    ])
  )
  expect(r.status).toBe(200)
  expect(server.changes[0]!.env).toMatchObject({
    secretsWiped: ['DATADOG_API_KEY'],
    secretsMadePlain: ['SLACK_WEBHOOK_URL'],
    changed: ['DATADOG_API_KEY', 'SLACK_WEBHOOK_URL']
  })
  expect(
    server.store
      .get(id)!
      .environmentVariables.find((v) => v.key === 'DATADOG_API_KEY')?.value
  ).toBe('')
  expect(before.get('DATADOG_API_KEY')?.value).toContain(SEED_SECRET_MARKER)
  await post(id, bodyFor(id, kept))
  expect(server.changes[1]!.env.removed).toEqual([
    'DATADOG_API_KEY',
    'SLACK_WEBHOOK_URL'
  ])
})

test('left-out writable fields are recorded as dropped; unknown ones as unknown', async () => {
  const id = SEED_IDS.standard
  const body = bodyFor(id, [])
  delete body.workerQueues
  delete body.contactEmails
  delete body.scalingSpec
  body.description = 'changed'
  body.schedulerAu = 5
  ;(body.remoteExecution as unknown) = undefined
  expect((await post(id, body)).status).toBe(200)
  expect(server.changes[0]).toMatchObject({
    changed: ['description'],
    dropped: ['contactEmails', 'scalingSpec', 'workerQueues'],
    unknown: ['schedulerAu']
  })
  expect(server.store.get(id)!.workerQueues).toBeUndefined()
})

test('DEPLOYING for the configured number of GETs, then HEALTHY', async () => {
  const id = SEED_IDS.dedicated
  const r = await post(id, bodyFor(id, []))
  expect(r.body.status).toBe('DEPLOYING')
  expect(validate('Deployment', r.body).errors).toEqual([])
  expect([
    (await get(id)).status,
    (await get(id)).status,
    (await get(id)).status
  ]).toEqual(['DEPLOYING', 'DEPLOYING', 'HEALTHY'])
})

test('counters, 405, non-JSON body and unknown paths', async () => {
  expect(
    (await fetch(url(SEED_IDS.hybrid), { method: 'DELETE', headers: auth() }))
      .status
  ).toBe(405)
  const bad = await fetch(url(SEED_IDS.hybrid), {
    method: 'POST',
    headers: auth(),
    body: '{'
  })
  expect(bad.status).toBe(400)
  expect(
    (await fetch(`${server.url}/organizations`, { headers: auth() })).status
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
  const first = await fetch(url(SEED_IDS.hybrid), { headers: auth() })
  expect([first.status, first.headers.get('content-type')]).toEqual([
    502,
    'text/plain'
  ])
  expect((await fetch(url(SEED_IDS.hybrid), { headers: auth() })).status).toBe(
    200
  )
  server.faults.set({
    errorRate: 1,
    errorStatuses: [429],
    retryAfterSeconds: 3
  })
  const limited = await fetch(url(SEED_IDS.remote), { headers: auth() })
  expect([limited.status, limited.headers.get('retry-after')]).toEqual([
    429,
    '3'
  ])
  server.faults.reset()
  expect((await fetch(url(SEED_IDS.remote), { headers: auth() })).status).toBe(
    200
  )
  expect(server.counters.snapshot().faults).toBe(2)
})
