/**
 * Real Airflow is the judge of our conn_uri engine, version by version and
 * code path by code path: every URI and declaration of our own tables
 * (__tests__/airflow/conn-uri-cases.ts) and a seeded generated corpus must
 * parse to the same fields, fail in the same place, and build to the same
 * string; the URI we store must read back as declared; and connection ids
 * and variable keys must be judged as that version judges them. (Ids share
 * this file because each Airflow takes seconds to import: one oracle per
 * line answers everything.) Replay another corpus with AIRFLOW_DIFF_SEED;
 * AIRFLOW_DIFF_CASES sets its size (default 2,000 of each kind per line).
 */
import { BUILD_CASES, PARSE_CASES } from '../airflow/conn-uri-cases.js'
import {
  AIRFLOW_LINES,
  AirflowOracle,
  type CodePath
} from './helpers/oracle.js'
import { tally } from './helpers/tally.js'
import {
  corpusInput,
  corpusUri,
  DIFF_SEED,
  sample
} from './helpers/uri-corpus.js'
import { compareIds } from './helpers/ids-compare.js'
import { idCorpus } from './helpers/ids-corpus.js'
import { compareStored } from './helpers/uri-stored.js'
import {
  compareBuild,
  compareParse,
  type Verdicts
} from './helpers/uri-compare.js'

const CASES = Number(process.env.AIRFLOW_DIFF_CASES ?? 2000)
const uris = sample(corpusUri, CASES)
const inputs = sample(corpusInput, CASES)
const ids = idCorpus(3000)

// Importing Airflow takes seconds, so every line starts at once and each
// oracle then answers all the questions of this file.
const oracles = new Map(
  AIRFLOW_LINES.map((line) => [line, AirflowOracle.start(line)])
)
for (const o of oracles.values()) o.catch(() => undefined) // awaited in the tests

afterAll(async () => {
  await Promise.all(
    [...oracles.values()].map(async (o) => (await o.catch(() => null))?.close())
  )
})

function expectAgreement(
  v: Verdicts,
  line: string,
  path: CodePath,
  question: string
): void {
  tally(`${line} ${path}`, question, v.agreed, v.total)
  if (v.refused > 0)
    tally(`${line} ${path}`, `${question} (we refuse)`, v.refused, v.total)
  expect({
    seed: DIFF_SEED,
    disagreeing: v.disagreements.length,
    first: v.disagreements.slice(0, 6)
  }).toEqual({ seed: DIFF_SEED, disagreeing: 0, first: [] })
}

const pathsOf = (line: string): CodePath[] =>
  line.startsWith('2.') ? ['core'] : ['core', 'sdk']

describe.each(AIRFLOW_LINES)('Airflow %s', (line) => {
  const oracle = (): Promise<AirflowOracle> =>
    oracles.get(line) as Promise<AirflowOracle>

  test.each(pathsOf(line))(
    '%s path: every table URI parses as Airflow parses it',
    async (path) => {
      const v = await compareParse(
        await oracle(),
        path,
        PARSE_CASES.map((c) => c.uri)
      )
      expectAgreement(v, line, path, 'parse: table')
    }
  )

  test.each(pathsOf(line))(
    '%s path: every table declaration builds as get_uri builds it',
    async (path) => {
      const v = await compareBuild(
        await oracle(),
        path,
        BUILD_CASES.map((c) => c.input)
      )
      expectAgreement(v, line, path, 'build: table')
    }
  )

  test.each(pathsOf(line))(
    `%s path: ${CASES} generated URIs parse as Airflow parses them`,
    async (path) => {
      const v = await compareParse(await oracle(), path, uris)
      expectAgreement(v, line, path, 'parse: corpus')
      // The corpus must mostly be URIs Airflow reads, not ones we refuse.
      expect(v.agreed).toBeGreaterThan(v.total / 2)
    }
  )

  test.each(pathsOf(line))(
    `%s path: ${CASES} generated declarations build as get_uri builds them`,
    async (path) => {
      const v = await compareBuild(await oracle(), path, inputs)
      expectAgreement(v, line, path, 'build: corpus')
    }
  )

  test.each(pathsOf(line))(
    `%s path: the conn_uri we store for ${CASES} declarations reads back as declared`,
    async (path) => {
      const v = await compareStored(await oracle(), path, inputs)
      expectAgreement(v, line, path, 'stored uri: corpus')
    }
  )

  test('connection ids and variable keys are judged as Airflow judges them', async () => {
    const v = await compareIds(await oracle(), ids)
    expectAgreement(v, line, 'core', 'ids and keys')
  })
})
