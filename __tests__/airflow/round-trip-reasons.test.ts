/**
 * checkRoundTrip reasons: each names the rule of airflow.md §2.3 that loses
 * the field, and none ever contains a declared value.
 */
import {
  checkRoundTrip,
  type ConnectionInput
} from '../../src/core/airflow/index.js'

test.each<[string, ConnectionInput, string, 2 | 3, RegExp]>([
  [
    'port 0',
    { conn_type: 'postgres', host: 'h', port: 0 },
    'port',
    3,
    /port 0 is dropped by Airflow's get_uri/
  ],
  [
    'empty password',
    { conn_type: 'postgres', host: 'h', login: 'u', password: '' },
    'password',
    3,
    /core model stores None/
  ],
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
