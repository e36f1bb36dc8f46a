/**
 * More end-to-end runs over loopback HTTP: Remote Execution (Helm snippet,
 * no POST unless asked), the deprecated v1beta1 base, custom seeds with a
 * Deployment API token, and listing Deployments by name.
 */
import {
  type AstroTestServer,
  SEED_IDS,
  seedDeployments
} from '../../devserver/astro/index.js'
import type { AstroClient } from '../../src/clients/astro/index.js'
import { BACKEND_CLASS } from '../../src/core/vault-backend/kwargs.js'
import {
  clientFor,
  desiredFor,
  expectNoSecrets,
  start,
  syncOne
} from './helpers.js'

let server: AstroTestServer
let client: AstroClient
beforeEach(async () => {
  server = await start()
  client = clientFor(server)
})
afterEach(() => server.close())

test('Remote Execution: a Helm snippet, no POST, unless asked to push', async () => {
  const id = SEED_IDS.remote
  const plan = await syncOne(client, id, desiredFor(id))
  expect(plan.action).toBe('skipped')
  expect(plan.reason).toMatch(/Remote Execution/)
  expect(plan.helmValues).toContain(`secretBackend: ${BACKEND_CLASS}`)
  expect(plan.helmValues).toContain('secretKeyRef')
  expect(server.counters.posts(id)).toBe(0)
  expectNoSecrets(plan, plan.helmValues)

  const pushed = await syncOne(client, id, desiredFor(id), {
    pushRemoteExecution: true
  })
  expect(pushed.action).toBe('update')
  expect(server.changes[0]).toMatchObject({
    changed: [],
    dropped: [],
    unknown: []
  })
})

test('the deprecated /platform/v1beta1 base works the same', async () => {
  const beta = clientFor(server, { baseUrl: server.betaUrl })
  const id = SEED_IDS.hybrid
  await syncOne(beta, id, desiredFor(id))
  expect(server.changes[0]).toMatchObject({
    api: 'v1beta1',
    changed: [],
    dropped: []
  })
})

test('a server seeded with custom Deployments and a Deployment token', async () => {
  await server.close()
  const [standard] = seedDeployments('clx5orgcustom000008l1o9r8g7')
  server = await start({
    organizationId: standard!.organizationId,
    deployments: [standard!]
  })
  const token = server.issueToken({
    scope: 'DEPLOYMENT',
    role: 'DEPLOYMENT_ADMIN',
    entityId: standard!.id
  })
  client = clientFor(server, { token })
  const plan = await syncOne(client, standard!.id, desiredFor(standard!.id))
  expect(plan.action).toBe('update')
  expect(server.store.get(standard!.id)!.updatedBy).toMatchObject({
    subjectType: 'SERVICEKEY'
  })
})

test('listDeployments finds a Deployment by name, paging through', async () => {
  const found = await client.listDeployments({ names: ['ml-training'] })
  expect(found.map((d) => d.id)).toEqual([SEED_IDS.hybrid])
  const all = await client.listDeployments()
  expect(all).toHaveLength(5)
  expectNoSecrets(all)
})
