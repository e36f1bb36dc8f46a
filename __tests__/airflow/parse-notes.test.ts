/**
 * Notes and error messages: each silent surprise of airflow.md §1.3-1.4 is
 * flagged, messages say what to do, and no message ever quotes the URI.
 */
import {
  parseConnUri,
  type UriParseResult
} from '../../src/core/airflow/index.js'

function codes(result: UriParseResult): string[] {
  return result.ok ? result.notes.map((n) => n.code) : [result.code]
}

test.each<[string, string[]]>([
  ['postgres://user:pass@host/db', []],
  ['spark://k8s://100.68.0.1:443?deploy-mode=cluster', []],
  ['postgres://h/?__extra__=%7B%22a%22%3A+%22b+c%22%7D', []],
  [
    'postgres://us+er:p+w@host/db',
    ['uri-plus-in-password', 'uri-plus-in-password']
  ],
  ['postgres://host/db?k=a+b', ['uri-plus-in-query']],
  ['http://host/?url=http://x', ['uri-url-in-query']],
  ['spark://my_proto://host', ['uri-scheme-underscore']],
  ['POSTGRES://host', ['uri-uppercase-scheme']],
  ['spark://K8S://host', ['uri-uppercase-scheme']],
  ['postgres://host/?__extra__=', ['uri-empty-extra']],
  ['postgres://host/?__extra__=%7B%7D&a=b', ['uri-extra-discards-params']],
  [
    'postgres://host/?a=1&a=2',
    ['uri-repeated-query-key', 'uri-query-value-decoded']
  ],
  ['postgres://host/?timeout=30&flag=true', ['uri-query-value-decoded']],
  ['postgres://host/?name=abc&empty=', []],
  ['postgres://host/?__extra__=%7B%22a%22%3A+1%7D', []],
  ['postgres://host/db#x', ['uri-fragment']],
  ['postgres://u:@host', ['uri-empty-password']],
  ['postgres://u:p%zz@host', ['uri-bad-percent-escape']],
  ['postgres://u:p%C3@host', ['uri-bad-percent-escape']],
  ['postgres://host/d%b', ['uri-bad-percent-escape']],
  ['postgres://host/?a=%FF', ['uri-bad-percent-escape']],
  ['  postgres://host/db', ['uri-whitespace']],
  ['postgres://host/db\n', ['uri-whitespace']],
  ['postgresql+psycopg2://host', ['uri-sqlalchemy-scheme']],
  ['postgres://u@x:p@host', ['uri-unencoded-at']],
  ['postgres://Host', ['uri-host-lowercased']],
  ['postgres:host/db', ['uri-missing-slashes']]
])('%j notes', (uri, expected) => {
  expect(codes(parseConnUri(uri))).toEqual(expected)
})

test('Airflow 2 keeps a non-object extra with a warning; Airflow 3 rejects it', () => {
  const uri = 'postgres://h/?__extra__=%5B1%5D'
  expect(parseConnUri(uri)).toMatchObject({
    ok: false,
    code: 'uri-extra-not-object'
  })
  expect(parseConnUri(uri, { airflow: 2 })).toMatchObject({
    ok: true,
    fields: { extra: '[1]' },
    notes: [{ code: 'uri-extra-not-object-warning' }]
  })
})

test("a '_' in the type is a warning: Airflow parses it silently", () => {
  const r = parseConnUri('google_cloud_platform://h')
  expect(r.ok && r.fields.conn_type).toBe('')
  expect(r.ok && r.notes.map((n) => [n.code, n.message])).toEqual([
    [
      'uri-scheme-underscore',
      expect.stringMatching(/contains '_'.*google-cloud-platform:\/\//)
    ]
  ])
})

test('no-scheme messages say why', () => {
  const message = (uri: string): string => {
    const r = parseConnUri(uri)
    return r.ok ? '' : r.message
  }
  expect(message('1abc://h')).toMatch(/starts with a digit/)
  expect(message('//h/db')).toMatch(/no ':'/)
})

test('a URL in the query is named as the likely cause of protocol errors', () => {
  const r = parseConnUri('http://u:p@host/?url=http://x')
  expect(r).toMatchObject({ ok: false, code: 'uri-auth-before-protocol' })
  expect(!r.ok && r.message).toMatch(/unencoded ':\/\/'.*%3A and %2F/)
})

const SECRET = 'Zq9sEcReT'
const LOGIN = 'lOgInZq9'
test.each([
  `postgres://${LOGIN}:${SECRET}/x@host/db`,
  `postgres://${LOGIN}:${SECRET}#x@host/db`,
  `postgres://${LOGIN}:${SECRET}[@host/db`,
  `postgres://${LOGIN}:${SECRET}\u2100@host/db`,
  `postgres://${LOGIN}:${SECRET}://@host/db`,
  `postgres://${LOGIN}:${SECRET}://x://y@host/db`,
  `${LOGIN}_x:${SECRET}@host`,
  `postgres://${LOGIN}+:${SECRET}+%zz@@HOST:1/db?__extra__=${SECRET}`,
  `postgres://${LOGIN}:${SECRET}:@H%FF/db?a=${SECRET}+&a=1#${SECRET}`,
  ` POSTGRES://x://${LOGIN}:@h?u=http://${SECRET}`
])('messages never quote the URI, login or password (%#)', (uri) => {
  for (const line of [2, 3] as const) {
    const r = parseConnUri(uri, { airflow: line })
    const messages = r.ok ? r.notes.map((n) => n.message) : [r.message]
    expect(messages.length).toBeGreaterThan(0)
    for (const m of messages) {
      expect(m).not.toContain(SECRET)
      expect(m).not.toContain(LOGIN)
      expect(m.toLowerCase()).not.toContain('zq9')
    }
  }
})
