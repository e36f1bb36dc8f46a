/**
 * The update body per type (astro-api.md §1.2-1.3), checked against the
 * verbatim spec with the test server's validator and prose rules: every
 * writable field carried back, read-only parts left out, nothing unknown.
 */
import {
  SEED_IDS,
  seedDeployments,
  validate
} from '../../devserver/astro/index.js'
import { currentValue, writableFields } from '../../devserver/astro/diff.js'
import { ruleErrors } from '../../devserver/astro/rules.js'
import type { StoredDeployment } from '../../devserver/astro/model.js'
import { buildUpdateBody, PlanError } from '../../src/core/astro/index.js'
import { asFetched } from './helpers.js'

const seeds = new Map(seedDeployments('clx5orgtest').map((d) => [d.id, d]))
const seed = (id: string): StoredDeployment => structuredClone(seeds.get(id)!)
const env = [{ key: 'A', isSecret: false, value: 'a' }]

test.each(Object.entries(SEED_IDS))(
  '%s: valid per spec, every writable field carried back',
  (_, id) => {
    const d = seed(id)
    const body = buildUpdateBody(asFetched(d), env) as unknown as Record<
      string,
      unknown
    >
    expect(validate('UpdateDeploymentRequest', body)).toEqual({
      errors: [],
      unknown: []
    })
    expect(ruleErrors(d, body)).toEqual([])
    for (const [field, schema] of writableFields(d)) {
      expect([field, body[field]]).toEqual([
        field,
        currentValue(d, field, schema)
      ])
    }
    expect(body.type).toBe(d.type)
    expect(body.environmentVariables).toBe(env)
  }
)

test('STANDARD: hosted fields, queues with ids and astroMachine, hibernation', () => {
  const body = buildUpdateBody(asFetched(seed(SEED_IDS.standard)), env)
  expect(body).toMatchObject({
    type: 'STANDARD',
    schedulerSize: 'SMALL',
    isHighAvailability: false,
    isDevelopmentMode: true,
    contactEmails: ['data-platform@example.com', 'oncall@example.com'],
    defaultTaskPodCpu: '0.25',
    resourceQuotaMemory: '20Gi',
    scalingSpec: {
      hibernationSpec: {
        schedules: [
          expect.objectContaining({ hibernateAtCron: '0 20 * * 1-5' })
        ],
        override: {
          isHibernating: false,
          overrideUntil: '2026-12-24T18:00:00Z'
        }
      }
    }
  })
  expect(body.workerQueues).toEqual([
    expect.objectContaining({
      name: 'default',
      astroMachine: 'A5',
      id: expect.any(String)
    }),
    expect.objectContaining({
      name: 'heavy',
      astroMachine: 'A20',
      podEphemeralStorage: '20Gi'
    })
  ])
  expect(JSON.stringify(body)).not.toMatch(
    /isActive|podCpu|podMemory|nodePoolId|workloadIdentity|scheduler"/
  )
})

test('HYBRID: scheduler {au, replicas} and node pools, no hosted fields', () => {
  const k8s = buildUpdateBody(asFetched(seed(SEED_IDS.hybrid)), env)
  expect(k8s).toMatchObject({
    type: 'HYBRID',
    scheduler: { au: 10, replicas: 2 },
    taskPodNodePoolId: expect.any(String)
  })
  for (const f of [
    'schedulerSize',
    'isHighAvailability',
    'defaultTaskPodCpu',
    'scalingSpec',
    'workerQueues'
  ])
    expect(k8s).not.toHaveProperty(f)
  const celery = buildUpdateBody(asFetched(seed(SEED_IDS.hybridCelery)), env)
  expect(
    celery.workerQueues?.map((q) => [
      q.nodePoolId !== undefined,
      q.astroMachine
    ])
  ).toEqual([
    [true, undefined],
    [true, undefined]
  ])
})

test('Remote Execution: remoteExecution without remoteApiUrl; task pod fields optional', () => {
  const body = buildUpdateBody(asFetched(seed(SEED_IDS.remote)), env)
  expect(body).toMatchObject({
    remoteExecution: {
      enabled: true,
      allowedIpAddressRanges: ['203.0.113.0/24'],
      taskLogBucket: 's3://acme-airflow-task-logs'
    }
  })
  expect(JSON.stringify(body)).not.toContain('remoteApiUrl')
  expect(body).not.toHaveProperty('defaultTaskPodCpu')
})

test('a GET lacking a required field or with an unknown type is refused', () => {
  const noSize = seed(SEED_IDS.dedicated)
  delete noSize.schedulerSize
  expect(() => buildUpdateBody(asFetched(noSize), env)).toThrow(PlanError)
  expect(() => buildUpdateBody(asFetched(noSize), env)).toThrow(
    /no schedulerSize/
  )
  const noQuota = seed(SEED_IDS.standard)
  delete noQuota.resourceQuotaCpu
  expect(() => buildUpdateBody(asFetched(noQuota), env)).toThrow(
    /resourceQuotaCpu/
  )
  const noAu = seed(SEED_IDS.hybrid)
  delete noAu.schedulerAu
  expect(() => buildUpdateBody(asFetched(noAu), env)).toThrow(/schedulerAu/)
  const odd = { ...asFetched(seed(SEED_IDS.standard)), type: 'SERVERLESS' }
  expect(() => buildUpdateBody(odd, env)).toThrow(/type "SERVERLESS"/)
})

test('null and empty optional fields are left out, never sent as null', () => {
  const d = {
    ...asFetched(seed(SEED_IDS.dedicated)),
    description: null,
    workerQueues: [],
    scalingSpec: null
  }
  const body = buildUpdateBody(d, env)
  expect(body).not.toHaveProperty('description')
  expect(body).not.toHaveProperty('workerQueues')
  expect(body).not.toHaveProperty('scalingSpec')
  expect(JSON.stringify(body)).not.toContain('null')
})
