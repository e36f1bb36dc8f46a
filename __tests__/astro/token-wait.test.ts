/**
 * organizationIdFromToken (decoded as astro-cli does, astro-api.md §3),
 * waitForHealthy against the server's DEPLOYING-then-HEALTHY, the retry
 * arithmetic, redaction, and the validator's OpenAPI corners.
 */
import { SEED_IDS } from '../../devserver/astro/index.js'
import { validateSchema } from '../../devserver/astro/validate.js'
import {
  AstroWaitTimeout,
  backoffMs,
  DEFAULT_RETRY,
  organizationIdFromToken,
  parseRetryAfter,
  redact,
  waitForHealthy
} from '../../src/clients/astro/index.js'
import { planDeployment } from '../../src/core/astro/index.js'
import { clientFor, desiredFor, start } from './helpers.js'

const jwt = (payload: unknown): string =>
  [
    'e30',
    Buffer.from(JSON.stringify(payload)).toString('base64url'),
    'sig'
  ].join('.')

test('organizationIdFromToken reads the permissions claim, else undefined', async () => {
  const server = await start()
  expect(organizationIdFromToken(server.token)).toBe(server.organizationId)
  expect(organizationIdFromToken(`Bearer ${server.token}\n`)).toBe(
    server.organizationId
  )
  await server.close()
  expect(
    organizationIdFromToken(
      jwt({ permissions: ['workspaceId:w', 'organizationId:org1'] })
    )
  ).toBe('org1')
  expect(
    organizationIdFromToken(jwt({ org_id: 'auth-service-id' }))
  ).toBeUndefined()
  expect(
    organizationIdFromToken(jwt({ permissions: ['organizationId:'] }))
  ).toBeUndefined()
  expect(organizationIdFromToken('opaque-token')).toBeUndefined()
  expect(organizationIdFromToken('a.!!!.c')).toBeUndefined()
  expect(organizationIdFromToken(jwt(null))).toBeUndefined()
})

test('waitForHealthy polls through DEPLOYING; times out with the last status', async () => {
  const server = await start({ updatingGets: 2 })
  const client = clientFor(server)
  const id = SEED_IDS.standard
  const plan = planDeployment(await client.getDeployment(id), desiredFor(id))
  await client.updateDeployment(id, plan.body!)
  const slept: number[] = []
  const result = await waitForHealthy(client, id, {
    intervalMs: 7,
    sleep: async (ms) => void slept.push(ms)
  })
  expect(result.polls).toBe(3)
  expect(slept).toEqual([7, 7])

  await client.updateDeployment(id, plan.body!)
  let clock = 0
  const e = await waitForHealthy(client, id, {
    timeoutMs: 15,
    intervalMs: 10,
    now: () => clock,
    sleep: async (ms) => void (clock += ms)
  }).catch((err: unknown) => err)
  expect(e).toBeInstanceOf(AstroWaitTimeout)
  expect((e as AstroWaitTimeout).lastStatus).toBe('DEPLOYING')
  await server.close()
})

test('backoff: exponential with equal jitter, capped, at least Retry-After', () => {
  const o = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 }
  expect([1, 2, 3, 4, 5].map((n) => backoffMs(o, n, () => 1))).toEqual([
    100, 200, 400, 800, 1000
  ])
  expect(backoffMs(o, 1, () => 0)).toBe(50)
  expect(backoffMs(o, 1, () => 0, 3000)).toBe(3000)
  expect(parseRetryAfter('2', 0)).toBe(2000)
  expect(
    parseRetryAfter(
      'Wed, 21 Oct 2015 07:28:10 GMT',
      Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')
    )
  ).toBe(10_000)
  expect(parseRetryAfter('soon', 0)).toBeUndefined()
  expect(parseRetryAfter(null, 0)).toBeUndefined()
})

test('redact replaces every occurrence of each secret', () => {
  expect(redact('a s3cr3t b s3cr3t', ['s3cr3t', 'ab'])).toBe(
    'a [redacted] b [redacted]'
  )
})

test('validator: discriminator picks the variant, nullable, additionalProperties', () => {
  const A = {
    type: 'object' as const,
    properties: { t: { type: 'string' as const } },
    required: ['t']
  }
  expect(
    validateSchema({ oneOf: [A, A] }, { t: 'x' }).errors[0]?.message
  ).toMatch(/matches 2 of the oneOf/)
  expect(
    validateSchema({ type: 'string', nullable: true }, null).errors
  ).toEqual([])
  expect(validateSchema({ type: 'string' }, null).errors).toHaveLength(1)
  const closed = {
    type: 'object' as const,
    properties: {},
    additionalProperties: false
  }
  expect(validateSchema(closed, { x: 1 }).errors[0]?.code).toBe('unknown')
  const map = {
    type: 'object' as const,
    additionalProperties: { type: 'string' as const }
  }
  expect(validateSchema(map, { x: 1 }).errors[0]?.field).toBe('x')
  expect(
    validateSchema({ type: 'string', format: 'date-time' }, '2026-01-01').errors
  ).toHaveLength(1)
  expect(validateSchema({ type: 'integer' }, 1.5).errors).toHaveLength(1)
})
