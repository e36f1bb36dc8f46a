/**
 * End to end over loopback HTTP: the real client against the Astro test
 * server, with the pure planner in between. The server's change records
 * prove that nothing but our env vars moved; its store proves every other
 * variable, secrets included, kept its value.
 */
import { type AstroTestServer, SEED_IDS } from '../../devserver/astro/index.js'
import type { AstroClient } from '../../src/clients/astro/index.js'
import {
  ENV_BACKEND,
  ENV_FINGERPRINT,
  ENV_KWARGS
} from '../../src/core/astro/index.js'
import { BACKEND_CLASS } from '../../src/core/vault-backend/kwargs.js'
import {
  clientFor,
  desiredFor,
  expectNoSecrets,
  start,
  syncOne
} from './helpers.js'

const OURS = [ENV_BACKEND, ENV_KWARGS, ENV_FINGERPRINT]

let server: AstroTestServer
let client: AstroClient
beforeEach(async () => {
  server = await start()
  client = clientFor(server)
})
afterEach(() => server.close())

const cases = [
  ['STANDARD (Celery, 2 queues, hibernation)', SEED_IDS.standard],
  ['DEDICATED (Astro executor, cluster)', SEED_IDS.dedicated],
  ['HYBRID (Kubernetes, scheduler, task pod node pool)', SEED_IDS.hybrid],
  ['HYBRID (Celery, node pool queues)', SEED_IDS.hybridCelery]
] as const

test.each(cases)('%s: only env vars move, all others kept', async (_, id) => {
  const before = server.store.get(id)!
  const desired = desiredFor(id)
  const plan = await syncOne(client, id, desired)
  expect(plan.action).toBe('update')
  expect(plan.variables.map((v) => v.action)).toEqual([
    'create',
    'create',
    'create'
  ])
  expect(server.changes).toHaveLength(1)
  const [change] = server.changes
  expect(change).toMatchObject({ changed: [], dropped: [], unknown: [] })
  expect(change!.env).toEqual({
    added: OURS,
    changed: [],
    removed: [],
    kept: before.environmentVariables
      .filter((v) => v.isSecret)
      .map((v) => v.key),
    secretsWiped: [],
    secretsMadePlain: []
  })
  const after = server.store.get(id)!
  // Every earlier variable, secret values included, is still there as it was.
  expect(
    after.environmentVariables.slice(0, before.environmentVariables.length)
  ).toEqual(before.environmentVariables)
  const byKey = new Map(after.environmentVariables.map((v) => [v.key, v]))
  expect(byKey.get(ENV_BACKEND)).toMatchObject({
    isSecret: false,
    value: BACKEND_CLASS
  })
  expect(byKey.get(ENV_KWARGS)).toMatchObject({
    isSecret: true,
    value: desired.kwargsJson
  })
  expect(byKey.get(ENV_FINGERPRINT)).toMatchObject({
    isSecret: false,
    value: desired.fingerprint
  })
  // Apart from env vars and update metadata the Deployment is identical.
  const strip = (d: typeof before): object => {
    const {
      environmentVariables: _e,
      updatedAt: _u,
      updatedBy: _b,
      status: _s,
      ...rest
    } = d
    return rest
  }
  expect(strip(after)).toEqual(strip(before))
  expectNoSecrets(plan, server.changes)
})

test('a rerun with nothing to change makes no POST', async () => {
  const id = SEED_IDS.standard
  const desired = desiredFor(id)
  await syncOne(client, id, desired)
  expect(server.counters.posts(id)).toBe(1)
  const again = await syncOne(client, id, desiredFor(id))
  expect(again.action).toBe('unchanged')
  expect(again.body).toBeUndefined()
  expect(again.variables.every((v) => v.action === 'unchanged')).toBe(true)
  expect(server.counters.posts(id)).toBe(1)
  expect(server.changes).toHaveLength(1)
})

test('a changed role updates only the kwargs and the fingerprint', async () => {
  const id = SEED_IDS.dedicated
  await syncOne(client, id, desiredFor(id))
  const before = server.store.get(id)!
  const desired = desiredFor(id, { role_id: 'airflow-prod-v2' })
  const plan = await syncOne(client, id, desired)
  expect(plan.variables).toEqual([
    { key: ENV_BACKEND, action: 'unchanged' },
    { key: ENV_KWARGS, action: 'update' },
    { key: ENV_FINGERPRINT, action: 'update' }
  ])
  const change = server.changes[1]!
  expect(change).toMatchObject({ changed: [], dropped: [], unknown: [] })
  expect(change.env).toMatchObject({
    added: [],
    removed: [],
    secretsWiped: [],
    secretsMadePlain: []
  })
  expect(change.env.changed).toEqual([ENV_KWARGS, ENV_FINGERPRINT])
  const after = server.store.get(id)!
  const kwargs = after.environmentVariables.find((v) => v.key === ENV_KWARGS)
  expect(JSON.parse(kwargs!.value!)).toMatchObject({
    role_id: 'airflow-prod-v2'
  })
  const others = (d: typeof before): unknown =>
    d.environmentVariables.filter(
      (v) => v.key !== ENV_KWARGS && v.key !== ENV_FINGERPRINT
    )
  expect(others(after)).toEqual(others(before))
})
