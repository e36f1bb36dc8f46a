/**
 * The per-version behaviour table (src/core/airflow/airflow-versions.ts and
 * airflow-ids.ts) on the evidence rows of docs/airflow-versions.md, so the
 * dev tier catches a change to the table without a real Airflow. The real
 * tier (__tests__/real/uri-and-ids-differential) is the judge of the rows.
 */
import {
  AIRFLOW_VERSIONS,
  buildConnUri,
  cliAcceptsConnId,
  parseConnUri,
  restAcceptsConnId,
  sanitizeConnId,
  type AirflowVersion,
  type ConnectionPath
} from '../../src/core/airflow/index.js'

const extraOf = (
  uri: string,
  airflow: AirflowVersion,
  path: ConnectionPath
): unknown => {
  const r = parseConnUri(uri, { airflow, path })
  return r.ok ? r.fields.extra : r.code
}

const QUERY = 'http://h/?timeout=30&flag=true&zip=0123&neg=-0&ratio=1e5'
const TEXT =
  '{"timeout": "30", "flag": "true", "zip": "0123", "neg": "-0", "ratio": "1e5"}'
const DECODED =
  '{"timeout": 30, "flag": true, "zip": "0123", "neg": 0, "ratio": 100000.0}'

test.each([
  ['2.10', 'core', TEXT],
  ['3.0', 'core', TEXT],
  ['3.0', 'sdk', TEXT],
  ['3.1', 'core', DECODED],
  ['3.1', 'sdk', DECODED],
  ['3.3', 'core', DECODED],
  ['3.3', 'sdk', TEXT]
] as const)(
  'Airflow %s %s: query values as Airflow stores them',
  (v, path, extra) => {
    expect(extraOf(QUERY, v, path)).toBe(extra)
  }
)

test('a non-object __extra__ fails where the core class checks it', () => {
  const uri = 'http://h/?__extra__=%5B1%5D'
  expect(extraOf(uri, '2.11', 'core')).toBe('[1]')
  expect(extraOf(uri, '3.1', 'sdk')).toBe('uri-extra-not-object')
  expect(extraOf(uri, '3.2', 'core')).toBe('uri-extra-not-object')
  expect(extraOf(uri, '3.2', 'sdk')).toBe('[1]')
})

test('a task strips the secret first; the core model keeps a trailing space', () => {
  const host = (v: AirflowVersion, path: ConnectionPath): unknown => {
    const r = parseConnUri(' http://h ', { airflow: v, path })
    return r.ok && r.fields.host
  }
  expect(host('3.3', 'core')).toBe('h ')
  expect(host('3.0', 'sdk')).toBe('h')
})

test('empty passwords: kept by the 3.2+ Task SDK parse and every Task SDK get_uri', () => {
  const password = (v: AirflowVersion, path: ConnectionPath): unknown => {
    const r = parseConnUri('http://u:@h', { airflow: v, path })
    return r.ok && r.fields.password
  }
  expect(password('3.1', 'sdk')).toBeNull()
  expect(password('3.2', 'sdk')).toBe('')
  const input = { conn_type: 'http', host: 'h', login: 'u', password: '' }
  expect(buildConnUri(input, { airflow: '3.3', path: 'core' })).toBe(
    'http://u@h'
  )
  expect(buildConnUri(input, { airflow: '3.0', path: 'sdk' })).toBe(
    'http://u:@h'
  )
})

test('a same-protocol host stays whole from 3.1 (#51953)', () => {
  const input = { conn_type: 'http', host: 'http://x' }
  expect(buildConnUri(input, { airflow: '3.0' })).toBe('http://http://x')
  expect(buildConnUri(input, { airflow: '3.1', path: 'sdk' })).toBe(
    'http://http%3A%2F%2Fx'
  )
})

test('Airflow 2 has no Task SDK path', () => {
  expect(() =>
    parseConnUri('http://h', { airflow: '2.10', path: 'sdk' })
  ).toThrow(/no Task SDK/)
})

test.each(AIRFLOW_VERSIONS)(
  'Airflow %s: ids as its own rules judge them',
  (v) => {
    const two = v.startsWith('2.')
    expect(sanitizeConnId('café', v)).toBe(two ? null : 'café')
    expect(sanitizeConnId('abc\n', v)).toBe(two ? null : 'abc')
    expect(cliAcceptsConnId('a..b', v)).toBe(v !== '3.3')
    expect(restAcceptsConnId('²', v)).toBe(two ? null : false)
    expect(restAcceptsConnId('e\u0301', v)).toBe(two ? null : true)
  }
)
