/**
 * planDeployment without HTTP: which variables change, that secrets go
 * back without a value and never become plain, and when nothing is POSTed.
 */
import { SEED_IDS, seedDeployments } from '../../devserver/astro/index.js'
import {
  type Deployment,
  ENV_BACKEND,
  ENV_FINGERPRINT,
  ENV_KWARGS,
  type EnvVar,
  planDeployment,
  PlanError
} from '../../src/core/astro/index.js'
import { BACKEND_CLASS } from '../../src/core/vault-backend/kwargs.js'
import { asFetched, desiredFor } from './helpers.js'

const seeds = new Map(seedDeployments('clx5orgtest').map((d) => [d.id, d]))
const id = SEED_IDS.standard
const desired = desiredFor(id)
const T = '2026-05-04T09:12:44Z'

function withEnv(
  extra: EnvVar[],
  base: string = SEED_IDS.standard
): Deployment {
  const d = asFetched(structuredClone(seeds.get(base)!))
  return {
    ...d,
    environmentVariables: [...(d.environmentVariables ?? []), ...extra]
  }
}
const plain = (key: string, value: string): EnvVar => ({
  key,
  value,
  isSecret: false,
  updatedAt: T
})
const secret = (key: string): EnvVar => ({ key, isSecret: true, updatedAt: T })
const synced = [
  plain(ENV_BACKEND, BACKEND_CLASS),
  secret(ENV_KWARGS),
  plain(ENV_FINGERPRINT, desired.fingerprint)
]
const actions = (p: ReturnType<typeof planDeployment>): string[] =>
  p.variables.map((v) => `${v.key}=${v.action}`)

test('first run: three creates; others go back as they were', () => {
  const plan = planDeployment(withEnv([]), desired)
  expect(actions(plan)).toEqual([
    `${ENV_BACKEND}=create`,
    `${ENV_KWARGS}=create`,
    `${ENV_FINGERPRINT}=create`
  ])
  expect(plan.body!.environmentVariables).toEqual([
    {
      key: 'AIRFLOW__CORE__DEFAULT_TIMEZONE',
      isSecret: false,
      value: 'Europe/Berlin'
    },
    { key: 'DBT_TARGET', isSecret: false, value: 'stg' },
    { key: 'DATADOG_API_KEY', isSecret: true },
    { key: 'SLACK_WEBHOOK_URL', isSecret: true },
    { key: ENV_BACKEND, isSecret: false, value: BACKEND_CLASS },
    { key: ENV_KWARGS, isSecret: true, value: desired.kwargsJson },
    { key: ENV_FINGERPRINT, isSecret: false, value: desired.fingerprint }
  ])
})

test('all current: unchanged, no body', () => {
  const plan = planDeployment(withEnv(synced), desired)
  expect(plan.action).toBe('unchanged')
  expect(plan.body).toBeUndefined()
})

test('a wrong backend class alone updates only the backend, in place', () => {
  const plan = planDeployment(
    withEnv([plain(ENV_BACKEND, 'x.Other'), ...synced.slice(1)]),
    desired
  )
  expect(actions(plan)).toEqual([
    `${ENV_BACKEND}=update`,
    `${ENV_KWARGS}=unchanged`,
    `${ENV_FINGERPRINT}=unchanged`
  ])
  const vars = plan.body!.environmentVariables
  expect(vars.find((v) => v.key === ENV_KWARGS)).toEqual({
    key: ENV_KWARGS,
    isSecret: true
  })
  expect(vars.findIndex((v) => v.key === ENV_BACKEND)).toBe(4)
})

test('a secret backend stays secret: trusted while the fingerprint matches, rewritten with the kwargs', () => {
  const secretBackend = [secret(ENV_BACKEND), ...synced.slice(1)]
  expect(planDeployment(withEnv(secretBackend), desired).action).toBe(
    'unchanged'
  )
  const plan = planDeployment(
    withEnv(secretBackend),
    desiredFor(id, { role_id: 'new' })
  )
  expect(actions(plan)).toEqual([
    `${ENV_BACKEND}=update`,
    `${ENV_KWARGS}=update`,
    `${ENV_FINGERPRINT}=update`
  ])
  expect(
    plan.body!.environmentVariables.find((v) => v.key === ENV_BACKEND)
  ).toEqual({
    key: ENV_BACKEND,
    isSecret: true,
    value: BACKEND_CLASS
  })
})

test('a plain kwargs variable becomes a secret even when the fingerprint matches', () => {
  const plan = planDeployment(
    withEnv([synced[0]!, plain(ENV_KWARGS, '{}'), synced[2]!]),
    desired
  )
  expect(actions(plan)).toContain(`${ENV_KWARGS}=update`)
  expect(
    plan.body!.environmentVariables.find((v) => v.key === ENV_KWARGS)?.isSecret
  ).toBe(true)
})

test('a secret fingerprint stays secret, forces an update and warns', () => {
  const plan = planDeployment(
    withEnv([...synced.slice(0, 2), secret(ENV_FINGERPRINT)]),
    desired
  )
  expect(plan.action).toBe('update')
  expect(plan.warnings[0]).toMatch(/is a secret variable/)
  expect(
    plan.body!.environmentVariables.find((v) => v.key === ENV_FINGERPRINT)
      ?.isSecret
  ).toBe(true)
})

test('no secret ever goes back as plain or with an empty value', () => {
  const plan = planDeployment(
    withEnv([secret('X'), plain('EMPTY', '')]),
    desiredFor(id, { role_id: 'n' })
  )
  for (const v of plan.body!.environmentVariables) {
    if (v.isSecret)
      expect(v.value === undefined || v.value.length > 0).toBe(true)
  }
  expect(
    plan.body!.environmentVariables.find((v) => v.key === 'EMPTY')
  ).toEqual({ key: 'EMPTY', isSecret: false, value: '' })
})

test('a GET without environmentVariables is refused', () => {
  const d = { ...withEnv([]), environmentVariables: undefined }
  expect(() => planDeployment(d, desired)).toThrow(PlanError)
  expect(() => planDeployment(d, desired)).toThrow(
    /would delete every variable/
  )
})
