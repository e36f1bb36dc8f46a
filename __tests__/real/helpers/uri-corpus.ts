/**
 * The generated corpus the differential tests put to real Airflow: URIs
 * assembled from the pieces that make parsers disagree, and declared
 * connections for get_uri. Seeded, so a failure can be replayed with
 * AIRFLOW_DIFF_SEED=<seed>.
 */
import fc from 'fast-check'
import type { ConnectionInput } from '../../../src/core/airflow/index.js'

/** The corpus seed: fixed, or AIRFLOW_DIFF_SEED to replay another run. */
export const DIFF_SEED = Number(process.env.AIRFLOW_DIFF_SEED ?? 20261204)

const pick = (...xs: string[]): fc.Arbitrary<string> => fc.constantFrom(...xs)

/** Credential text: every percent-escape the issue names, raw and encoded. */
const credPiece = pick(
  'user',
  'Admin',
  'a b',
  '%40',
  '%3A',
  '%2F',
  '%25',
  '%23',
  '%3F',
  '%2B',
  '%20',
  '+',
  ' ',
  '%C3%A9',
  'é',
  'Ü',
  '%zz',
  '%',
  '!',
  '~',
  '%E2%82%AC',
  '@',
  ':',
  '%0A',
  '%5B',
  '[',
  'p'
)
const cred = fc.array(credPiece, { maxLength: 4 }).map((a) => a.join(''))

// A scheme-less URI is one we refuse on purpose: rare, so most cases are
// ones both sides judge.
const scheme = fc.oneof(
  {
    weight: 12,
    arbitrary: pick(
      'postgres',
      'postgresql',
      'mysql',
      'http',
      'HTTP',
      'Postgres',
      'aws',
      'google-cloud-platform',
      'google_cloud_platform',
      'my-type',
      'a1.b+c',
      'postgresql+psycopg2',
      'spark'
    )
  },
  { weight: 1, arbitrary: pick('', '1db') }
)
const protocol = pick('', '', '', 'http://', 'k8s://', 'HTTPS://', 'my_p://')
const host = pick(
  'h',
  'db.example.com',
  'Host.Example.COM',
  '[::1]',
  '[fe80::1%25eth0]',
  '[::1',
  'fe80::1]',
  '[v1.x]',
  '[::ffff:1.2.3.4]',
  '::1',
  '',
  '',
  '%2Ftmp%2Fs',
  'host%3Ax',
  'MiXeD%2FPath',
  'ünï',
  '127.0.0.1',
  'h%20x',
  'http://x',
  'ｈ'
)
const port = pick(
  '',
  '',
  ':5432',
  ':0',
  ':65535',
  ':65536',
  ':-1',
  ':abc',
  ':+80',
  ':',
  ':007',
  ':٨٠',
  ': 1'
)
const path = pick(
  '',
  '',
  '/',
  '/db',
  '/a%2Fb',
  '/A B',
  '/é',
  '//x',
  '/%',
  '/a/b',
  '/%7E'
)
const qKey = pick('a', 'a', 'timeout', '__extra__', '', 'A', 'k+y', '%C3%A9')
const qValue = pick(
  '30',
  '0123',
  '-0',
  '-0.0',
  'true',
  'null',
  'false',
  '1.5',
  '1e5',
  'NaN',
  '-Infinity',
  '%7B%22x%22%3A1%7D',
  '%7B%22x%22%3A%5B1%2Cnull%5D%7D',
  '[1]',
  '%5B1%5D',
  'x+y',
  'x%20y',
  '',
  '%22s%22',
  'abc',
  '%7B%7D',
  '+30+',
  '12345678901234567890',
  'é',
  '%FF',
  'http%3A%2F%2Fx'
)
const qPart = fc.oneof(
  fc.tuple(qKey, qValue).map(([k, v]) => `${k}=${v}`),
  qKey,
  fc.constant('')
)
const query = fc.oneof(
  fc.constant(''),
  fc.array(qPart, { minLength: 1, maxLength: 4 }).map((a) => `?${a.join('&')}`)
)
// Around the URI: what urlsplit strips (ASCII), what only Python's
// str.strip() strips (the sdk path), and what neither does (U+FEFF).
const rare = (common: string[], odd: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 10, arbitrary: pick(...common) },
    { weight: 1, arbitrary: pick(...odd) }
  )
const lead = rare(['', '', '', ' ', '\t', '\n'], ['\u00a0', '\x1f', '\ufeff'])
const tail = rare(['', '', '', ' ', '#frag', '\n'], ['\u2028', '\u3000'])

/** A URI Airflow may accept, refuse or misread. */
export const corpusUri: fc.Arbitrary<string> = fc
  .record({
    scheme,
    protocol,
    login: fc.option(cred, { nil: null }),
    password: fc.option(cred, { nil: null }),
    host,
    port,
    path,
    query,
    lead,
    tail
  })
  .map((u) => {
    const auth =
      u.login === null && u.password === null
        ? ''
        : `${u.login ?? ''}${u.password === null ? '' : `:${u.password}`}@`
    const head = u.scheme === '' ? '//' : `${u.scheme}://`
    return `${u.lead}${head}${u.protocol}${auth}${u.host}${u.port}${u.path}${u.query}${u.tail}`
  })

const text = pick(
  '',
  'x',
  'a b',
  '@',
  ':',
  '/',
  '%',
  '#',
  '?',
  '+',
  '&',
  '=',
  'é',
  'Ü',
  '€',
  '%41',
  'a/b',
  'p@ss:w/rd',
  'ümlaut pass',
  '[',
  ']',
  '~',
  '"',
  "'"
)
const field = fc.array(text, { maxLength: 3 }).map((a) => a.join(''))
const extraValue = fc.oneof(
  pick('30', '0123', '-0', 'true', 'null', '1e5', 'x', '', 'é', '{"a": 1}'),
  fc.integer({ min: -5, max: 100 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(1.5),
  fc.constant({ nested: { deep: [1, 'two', null] } }),
  fc.constant(['a', 1])
)

/** A connection as a manifest's fields form declares it. */
export const corpusInput: fc.Arbitrary<ConnectionInput> = fc.record(
  {
    conn_type: pick(
      'postgres',
      'postgresql',
      'http',
      'HTTP',
      'google_cloud_platform',
      'my-type',
      'spark',
      'aws',
      'mysql',
      'a_b-c'
    ),
    host: fc.option(
      fc.oneof(
        field,
        pick('http://x', 'HTTP://x', 'https://h:1', '::1', 'k8s://h', '://x')
      ),
      { nil: null }
    ),
    schema: fc.option(field, { nil: null }),
    login: fc.option(field, { nil: null }),
    password: fc.option(field, { nil: null }),
    port: fc.option(fc.constantFrom(0, 1, 5432, 65535), { nil: null }),
    extra: fc.option(
      fc.oneof(
        fc.dictionary(
          pick('a', 'b', 'timeout', '__extra__', ' ', 'é'),
          extraValue,
          {
            maxKeys: 3
          }
        ),
        fc.dictionary(pick('a', 'b', 'c'), pick('x', 'a b', '30', ''), {
          maxKeys: 3
        })
      ),
      { nil: null }
    )
  },
  { requiredKeys: ['conn_type'] }
)

/** `count` cases of an arbitrary, reproducible from the seed. */
export function sample<T>(
  arb: fc.Arbitrary<T>,
  count: number,
  seed = DIFF_SEED
): T[] {
  return fc.sample(arb, { numRuns: count, seed })
}
