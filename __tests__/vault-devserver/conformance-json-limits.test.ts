/**
 * Vault's JSON complexity limit, on both servers: a body may hold 1,000
 * strings (keys and string values). Found by the OpenBao bench: a
 * 2,000-secret capability preflight sent in one request was refused.
 */
import { type Target, openTarget } from './helpers/target.js'

let t: Target
beforeAll(async () => {
  t = await openTarget()
})
afterAll(() => t.close())

const paths = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `airflow/data/connections/c${i}`)

test('sys/capabilities-self takes 999 paths and refuses 1,000', async () => {
  const fits = await t.root.post('sys/capabilities-self', { paths: paths(999) })
  expect(fits.status).toBe(200)
  const over = await t.root.post('sys/capabilities-self', {
    paths: paths(1000)
  })
  expect(over.status).toBe(400)
  expect(over.body).toEqual({
    errors: [
      'refused JSON input due to high complexity: exceeded maximum number of strings'
    ]
  })
})

test('object keys count as strings, numbers do not', async () => {
  const mount = await t.mountKv(2)
  const entries = (n: number, value: (i: number) => unknown): object => ({
    data: Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`k${i}`, value(i)])
    )
  })
  expect(
    (await t.root.post(`${mount}/data/a`, entries(499, String))).status
  ).toBe(200)
  expect(
    (await t.root.post(`${mount}/data/b`, entries(500, String))).status
  ).toBe(400)
  expect(
    (await t.root.post(`${mount}/data/c`, entries(999, Number))).status
  ).toBe(200)
  expect(
    (await t.root.post(`${mount}/data/d`, entries(1000, Number))).status
  ).toBe(400)
  const deep = JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`) as unknown
  expect(
    (await t.root.post(`${mount}/data/e`, { data: { deep } })).status
  ).toBe(200)
})
