/**
 * What a plan shows: never the kwargs secret (the body that holds it is
 * non-enumerable), and for Remote Execution a Helm values snippet that
 * references a Kubernetes Secret instead of containing the kwargs.
 */
import { inspect } from 'node:util'
import { parse } from 'yaml'
import { SEED_IDS, seedDeployments } from '../../devserver/astro/index.js'
import {
  type Deployment,
  ENV_BACKEND,
  ENV_KWARGS,
  helmValuesSnippet,
  planDeployment
} from '../../src/core/astro/index.js'
import { BACKEND_CLASS } from '../../src/core/vault-backend/kwargs.js'
import {
  asFetched,
  desiredFor,
  expectNoSecrets,
  KWARGS_SECRET
} from './helpers.js'

const seeds = new Map(seedDeployments('clx5orgtest').map((d) => [d.id, d]))
const desired = desiredFor(SEED_IDS.standard)
const fetched = (id: string): Deployment =>
  asFetched(structuredClone(seeds.get(id)!))

test('the plan never shows the kwargs secret, though the body holds it', () => {
  const plan = planDeployment(fetched(SEED_IDS.standard), desired)
  expect(JSON.stringify(plan.body)).toContain(KWARGS_SECRET)
  expect(Object.keys(plan)).not.toContain('body')
  expectNoSecrets(plan, JSON.stringify(plan), inspect(plan, { depth: 10 }))
})

test('Remote Execution: skipped with a Helm snippet that references a Secret', () => {
  const plan = planDeployment(fetched(SEED_IDS.remote), desired)
  expect(plan).toMatchObject({
    action: 'skipped',
    reason: expect.stringMatching(/agents/)
  })
  expect(plan.body).toBeUndefined()
  const values = parse(plan.helmValues!) as Record<string, unknown>
  expect(values.secretBackend).toBe(BACKEND_CLASS)
  expect(values.commonEnv).toEqual([
    { name: ENV_BACKEND, value: BACKEND_CLASS },
    {
      name: ENV_KWARGS,
      valueFrom: {
        secretKeyRef: {
          name: 'airflow-vault-sync-backend-kwargs',
          key: 'backend_kwargs'
        }
      }
    }
  ])
  expect(plan.helmValues).toContain('role_id, secret_id')
  expectNoSecrets(plan.helmValues)
})

test('helmValuesSnippet keeps names on one comment line and drops odd keys', () => {
  const text = helmValuesSnippet({
    deploymentId: 'd1',
    deploymentName: 'evil\nsecretBackend: x',
    kwargsKeys: ['url', 'bad key: value']
  })
  expect((parse(text) as { secretBackend: string }).secretBackend).toBe(
    BACKEND_CLASS
  )
  expect(text).not.toContain('bad key')
})
