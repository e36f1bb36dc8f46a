/**
 * The agreement table (conn-uri-cases.ts): parse and generate must give what
 * Airflow gives, case by case.
 */
import {
  buildConnUri,
  checkRoundTrip,
  getConnUri,
  parseConnUri,
  type ConnectionFields
} from '../../src/core/airflow/index.js'
import { BUILD_CASES, PARSE_CASES, type ParseCase } from './conn-uri-cases.js'

const okCases = PARSE_CASES.filter(
  (c): c is ParseCase & { expect: ConnectionFields } => !('error' in c.expect)
)

describe('parse: URI → fields or error', () => {
  test.each(PARSE_CASES)('$name', (c) => {
    const result = parseConnUri(c.uri)
    if ('error' in c.expect) {
      expect(result).toMatchObject({ ok: false, code: c.expect.error })
    } else {
      expect(result).toMatchObject({ ok: true, fields: c.expect })
    }
    if (c.notes !== undefined) {
      expect(result.ok && result.notes.map((n) => n.code)).toEqual(c.notes)
    }
  })
})

// An empty conn_type makes a URI without a scheme, which our parse refuses.
const reparsable = okCases.filter((c) => c.expect.conn_type !== '')

describe('parse → get_uri → parse (Airflow 3.1+)', () => {
  test.each(reparsable)('$name', (c) => {
    const uri = getConnUri(c.expect, { airflow: 3 })
    expect(uri).toBe(c.regenerated)
    const again = parseConnUri(uri)
    expect(again).toMatchObject({
      ok: true,
      fields: { ...c.expect, ...c.reparse }
    })
  })
})

describe('generate: declared fields → URI', () => {
  test.each(BUILD_CASES)('$name', (c) => {
    expect(buildConnUri(c.input)).toBe(c.stored ?? c.uri)
    expect(buildConnUri(c.input, { airflow: 3 })).toBe(c.uri)
    expect(buildConnUri(c.input, { airflow: 2 })).toBe(c.uriAirflow2 ?? c.uri)
  })
})

describe('round trip: declared fields → URI → fields', () => {
  test.each(BUILD_CASES)('$name', (c) => {
    const issues = checkRoundTrip(c.input)
    const fields = (line: 2 | 3): string[] =>
      issues.filter((i) => i.airflow === line).map((i) => i.field)
    expect(fields(3)).toEqual(c.roundTrip[3])
    expect(fields(2)).toEqual(c.roundTrip[2])
  })
})

describe('the table covers the acceptance bar', () => {
  const uris = PARSE_CASES.map((c) => c.uri)
  const errors = PARSE_CASES.flatMap((c) =>
    'error' in c.expect ? [c.expect.error] : []
  )

  test('at least 80 cases in all', () => {
    expect(PARSE_CASES.length + BUILD_CASES.length).toBeGreaterThanOrEqual(80)
  })

  test.each(['%40', '%3A', '%2F', '%25', '%23', '%3F'])(
    'a password with %s decodes',
    (escape) => {
      const c = okCases.find(
        (k) => k.uri.includes(`:p${escape}`) || k.uri.includes(`:100${escape}`)
      )
      expect(c?.expect.password).toContain(decodeURIComponent(escape))
    }
  )

  test('IPv6 hosts, empty hosts, __extra__, repeated keys, types', () => {
    expect(
      okCases.some((c) => c.uri.includes('[') && c.expect.host.includes(':'))
    ).toBe(true)
    expect(okCases.filter((c) => c.expect.host === '').length).toBeGreaterThan(
      3
    )
    expect(uris.filter((u) => u.includes('__extra__')).length).toBeGreaterThan(
      5
    )
    expect(okCases.some((c) => /[?&](\w+)=.*&\1=/.test(c.uri))).toBe(true)
    expect(okCases.some((c) => c.uri.startsWith('postgresql://'))).toBe(true)
    expect(okCases.some((c) => /^[a-z]+-[a-z-]+:\/\//.test(c.uri))).toBe(true)
    expect(BUILD_CASES.some((c) => c.input.conn_type.includes('-'))).toBe(true)
  })

  test('every error code and invalid ports appear', () => {
    expect(new Set(errors)).toEqual(
      new Set([
        'uri-too-many-protocols',
        'uri-auth-before-protocol',
        'uri-invalid-port',
        'uri-invalid-ipv6',
        'uri-invalid-netloc',
        'uri-extra-not-object',
        'uri-no-scheme'
      ])
    )
    expect(
      errors.filter((e) => e === 'uri-invalid-port').length
    ).toBeGreaterThan(5)
  })
})
