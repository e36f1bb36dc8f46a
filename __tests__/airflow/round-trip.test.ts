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

test.each<[string, ConnectionInput, string, 2 | 3, RegExp]>([
  [
    'port 0',
    { conn_type: 'postgres', host: 'h', port: 0 },
    'port',
    3,
    /port 0 is dropped by Airflow's get_uri/
  ],
  [
    'empty login',
    { conn_type: 'postgres', host: 'h', login: '' },
    'login',
    3,
    /empty login without a password/
  ],
  [
    'password only',
    { conn_type: 'postgres', host: 'h', password: 'x' },
    'login',
    3,
    /empty login \(''\)/
  ],
  [
    'empty password',
    { conn_type: 'postgres', host: 'h', login: 'u', password: '' },
    'password',
    3,
    /core model stores None/
  ],
  ['port alone', { conn_type: 'postgres', port: 1 }, 'login', 3, /'@:port'/],
  [
    'same protocol',
    { conn_type: 'http', host: 'http://h' },
    'host',
    2,
    /#51953/
  ],
  [
    'upper-case host',
    { conn_type: 'postgres', host: 'DB' },
    'host',
    3,
    /lower-cases the host/
  ],
  [
    'upper-case protocol',
    { conn_type: 'http', host: 'HTTPS://h' },
    'host',
    3,
    /protocol part of the host is lower-cased/
  ],
  ['upper-case type', { conn_type: 'Postgres' }, 'conn_type', 3, /lower-cased/],
  ['empty type', { conn_type: '' }, 'conn_type', 3, /no scheme/],
  ['bad port', { conn_type: 'postgres', port: 65536 }, 'port', 3, /0 to 65535/],
  [
    '__extra__ key',
    { conn_type: 'http', extra: { __extra__: 'x' } },
    'extra',
    3,
    /named '__extra__'/
  ],
  [
    'lone surrogate',
    { conn_type: 'http', login: 'a\ud800' },
    'login',
    3,
    /unpaired UTF-16 surrogate/
  ]
])('%s: the reason names the rule', (_name, input, field, airflow, reason) => {
  const issue = checkRoundTrip(input).find(
    (i) => i.field === field && i.airflow === airflow
  )
  expect(issue?.reason).toMatch(reason)
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

test('reasons never contain declared values', () => {
  const secret = 'Zq9-SECRET-kT7'
  const inputs: ConnectionInput[] = [
    {
      conn_type: 'postgres',
      host: secret.toUpperCase(),
      login: '',
      password: ''
    },
    { conn_type: secret, host: `${secret}://${secret}`, port: 0 },
    { conn_type: 'http', login: `${secret}\ud800`, password: secret },
    { conn_type: 'http', extra: { __extra__: secret, k: secret } }
  ]
  for (const input of inputs) {
    const issues = checkRoundTrip(input)
    expect(issues.length).toBeGreaterThan(0)
    for (const i of issues)
      expect(i.reason.toLowerCase()).not.toContain('secret')
  }
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
