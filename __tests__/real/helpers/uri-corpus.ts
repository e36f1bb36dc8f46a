/**
 * The generated corpus the differential tests put to real Airflow: URIs
 * assembled from the pieces that make parsers disagree (and some free
 * text), and declared connections for get_uri. Seeded, so a failure can
 * be replayed with AIRFLOW_DIFF_SEED=<seed>.
 */
import fc from 'fast-check'
import type { ConnectionInput } from '../../../src/core/airflow/index.js'
import * as P from './uri-corpus-pieces.js'

/** The corpus seed: fixed, or AIRFLOW_DIFF_SEED to replay another run. */
export const DIFF_SEED = Number(process.env.AIRFLOW_DIFF_SEED ?? 20261204)

/** Mostly `common`, sometimes `odd`: keeps most cases ones both sides judge. */
const rare = <T>(
  common: fc.Arbitrary<T>,
  odd: fc.Arbitrary<T>
): fc.Arbitrary<T> =>
  fc.oneof({ weight: 10, arbitrary: common }, { weight: 1, arbitrary: odd })

const pieces = (xs: fc.Arbitrary<string>, max: number): fc.Arbitrary<string> =>
  fc.array(xs, { maxLength: max }).map((a) => a.join(''))

const cred = pieces(rare(fc.constantFrom(...P.CRED), P.FREE), 4)
const qPart = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...P.QUERY_KEY),
      rare(fc.constantFrom(...P.QUERY_VALUE), P.FREE)
    )
    .map(([k, v]) => `${k}=${v}`),
  fc.constantFrom(...P.QUERY_KEY),
  fc.constant('')
)
const query = fc.oneof(
  fc.constant(''),
  fc.array(qPart, { minLength: 1, maxLength: 4 }).map((a) => `?${a.join('&')}`)
)

/** A URI Airflow may accept, refuse or misread. */
export const corpusUri: fc.Arbitrary<string> = fc
  .record({
    scheme: rare(fc.constantFrom(...P.SCHEME), fc.constantFrom('', '1db')),
    protocol: fc.constantFrom(...P.PROTOCOL),
    login: fc.option(cred, { nil: null }),
    password: fc.option(cred, { nil: null }),
    host: rare(fc.constantFrom(...P.HOST), P.FREE),
    port: fc.constantFrom(...P.PORT),
    path: rare(
      fc.constantFrom(...P.PATH),
      P.FREE.map((t) => `/${t}`)
    ),
    query,
    lead: rare(fc.constantFrom(...P.LEAD), fc.constantFrom(...P.ODD_SPACE)),
    tail: rare(fc.constantFrom(...P.TAIL), fc.constantFrom(...P.ODD_SPACE))
  })
  .map((u) => {
    const auth =
      u.login === null && u.password === null
        ? ''
        : `${u.login ?? ''}${u.password === null ? '' : `:${u.password}`}@`
    const head = u.scheme === '' ? '//' : `${u.scheme}://`
    return `${u.lead}${head}${u.protocol}${auth}${u.host}${u.port}${u.path}${u.query}${u.tail}`
  })

const field = pieces(rare(fc.constantFrom(...P.TEXT), P.FREE), 3)
const extraValue = fc.oneof(
  fc.constantFrom(...P.EXTRA_STRING),
  P.FREE,
  fc.integer({ min: -5, max: 100 }),
  fc.boolean(),
  fc.constantFrom<unknown>(
    null,
    1.5,
    -0.5,
    1e21,
    { nested: { deep: [1, 'two', null] } },
    ['a', 1]
  )
)
const extra = fc.oneof(
  fc.dictionary(fc.constantFrom(...P.EXTRA_KEY), extraValue, { maxKeys: 3 }),
  fc.dictionary(
    fc.constantFrom('a', 'b', 'c'),
    fc.constantFrom('x', 'a b', '30', ''),
    {
      maxKeys: 3
    }
  )
)

/** A connection as a manifest's fields form declares it. */
export const corpusInput: fc.Arbitrary<ConnectionInput> = fc.record(
  {
    conn_type: fc.constantFrom(...P.CONN_TYPE),
    host: fc.option(rare(field, fc.constantFrom(...P.PROTOCOL_HOST)), {
      nil: null
    }),
    schema: fc.option(field, { nil: null }),
    login: fc.option(field, { nil: null }),
    password: fc.option(field, { nil: null }),
    port: fc.option(fc.constantFrom(0, 1, 5432, 65535), { nil: null }),
    extra: fc.option(extra, { nil: null })
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
