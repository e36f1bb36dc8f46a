/**
 * checkRoundTrip: every parsed row of the table, declared as fields, must
 * come back (or give exactly the issues the table expects), and the reasons
 * must explain the rule without leaking values.
 */
import {
  checkRoundTrip,
  connectionFieldsFromInput,
  pythonJsonLoads,
  type ConnectionFields,
  type ConnectionInput,
  type PyJson
} from '../../src/core/airflow/index.js'
import { PARSE_CASES } from './conn-uri-cases.js'

/** A decoded extra as the plain object a manifest would hold. */
function plain(value: PyJson): unknown {
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]))
  }
  return Array.isArray(value) ? value.map(plain) : value
}

function asInput(fields: ConnectionFields): ConnectionInput {
  const { extra, ...rest } = fields
  return {
    ...rest,
    extra: extra
      ? (plain(pythonJsonLoads(extra)) as Record<string, unknown>)
      : null
  }
}

const parsed = PARSE_CASES.flatMap((c) =>
  'error' in c.expect ? [] : [{ ...c, fields: c.expect }]
)

test.each(parsed)('parsed fields of "$name" survive a round trip', (c) => {
  const issues = checkRoundTrip(asInput(c.fields))
  const on = (line: 2 | 3): string[] =>
    issues.filter((i) => i.airflow === line).map((i) => i.field)
  expect(on(3)).toEqual(c.roundTrip?.[3] ?? [])
  expect(on(2)).toEqual(c.roundTrip?.[2] ?? [])
})

test('typed and flat extras come back as declared', () => {
  expect(
    checkRoundTrip({
      conn_type: 'http',
      extra: {
        timeout: 30,
        verify: false,
        proxy: null,
        nested: { a: [1, 'b'] }
      }
    })
  ).toEqual([])
  expect(
    checkRoundTrip({ conn_type: 'http', extra: { a: 'x y+z', b: '' } })
  ).toEqual([])
})

test('an Airflow 2 issue is listed only where Airflow 2 differs from 3', () => {
  // Port 0 is lost on both lines: one issue, tagged 3.
  expect(checkRoundTrip({ conn_type: 'postgres', port: 0 })).toEqual([
    expect.objectContaining({ field: 'port', airflow: 3 })
  ])
})

test('connectionFieldsFromInput gives what Airflow stores', () => {
  expect(
    connectionFieldsFromInput({
      conn_type: 'postgresql',
      password: '',
      extra: { b: 1, a: '\u00e9' }
    })
  ).toEqual({
    conn_type: 'postgres',
    host: '',
    schema: '',
    login: null,
    password: null,
    port: null,
    extra: '{"b": 1, "a": "\\u00e9"}'
  })
  expect(
    connectionFieldsFromInput({ conn_type: 'a-b', extra: {} }).extra
  ).toBeNull()
})
