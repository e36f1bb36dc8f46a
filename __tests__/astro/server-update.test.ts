/**
 * Updates on the Astro test server over raw HTTP: bad bodies get the spec's
 * Error with fieldErrors, the prose rules, secret semantics (keep, wipe,
 * made plain, new secret without value), and dropped fields recorded.
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

test('an invalid body gets the spec Error with fieldErrors and changes nothing', async () => {
  const id = SEED_IDS.hybrid
  const body: Record<string, unknown> = {
    ...api.bodyFor(id, []),
    executor: 'ASTRO',
    scheduler: { au: 30, replicas: 1 }
  }
  delete body.name
  const r = await api.post(id, body)
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
    (await api.post(id, { ...api.bodyFor(id, []), type: 'PLANET' })).body
      .fieldErrors
  ).toEqual([expect.objectContaining({ field: 'type', code: 'oneof' })])
  expect(
    (await api.post(id, { ...api.bodyFor(id, []), type: 'STANDARD' })).status
  ).toBe(400)
})

test('prose rules: task pod fields unless Remote Execution, astroMachine, one default queue', async () => {
  const id = SEED_IDS.standard
  const body = api.bodyFor(id, [])
  delete body.resourceQuotaCpu
  const queues = body.workerQueues as Array<Record<string, unknown>>
  delete queues[1]!.astroMachine
  queues[1]!.isDefault = true
  const r = await api.post(id, body)
  expect(
    (r.body.fieldErrors as Array<{ field: string }>).map((f) => f.field)
  ).toEqual([
    'resourceQuotaCpu',
    'workerQueues[1].astroMachine',
    'workerQueues'
  ])
  expect(
    (await api.post(SEED_IDS.remote, api.bodyFor(SEED_IDS.remote, []))).status
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
  const newSecret = await api.post(
    id,
    api.bodyFor(id, [...kept, { key: 'NEW', isSecret: true }])
  )
  expect(newSecret.status).toBe(400)
  expect(newSecret.body.fieldErrors).toEqual([
    expect.objectContaining({ field: 'environmentVariables[2].value' })
  ])
  const r = await api.post(
    id,
    api.bodyFor(id, [
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
  await api.post(id, api.bodyFor(id, kept))
  expect(server.changes[1]!.env.removed).toEqual([
    'DATADOG_API_KEY',
    'SLACK_WEBHOOK_URL'
  ])
})

test('left-out writable fields are recorded as dropped; unknown ones as unknown', async () => {
  const id = SEED_IDS.standard
  const body = api.bodyFor(id, [])
  delete body.workerQueues
  delete body.contactEmails
  delete body.scalingSpec
  body.description = 'changed'
  body.schedulerAu = 5
  ;(body.remoteExecution as unknown) = undefined
  expect((await api.post(id, body)).status).toBe(200)
  expect(server.changes[0]).toMatchObject({
    changed: ['description'],
    dropped: ['contactEmails', 'scalingSpec', 'workerQueues'],
    unknown: ['schedulerAu']
  })
  expect(server.store.get(id)!.workerQueues).toBeUndefined()
})
