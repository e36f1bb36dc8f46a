/**
 * Real Airflow judges which connection ids and variable keys we accept:
 * our model of each version's rules must give exactly what that version's
 * own functions give (sanitize_conn_id, validate_key, the REST API's
 * models), and the manifest rule must never accept an id or key a version
 * refuses (it is stricter on purpose; those cases count as refusals).
 */
import { idCorpus } from './helpers/ids-corpus.js'
import { compareIds } from './helpers/ids-compare.js'
import { AIRFLOW_LINES, AirflowOracle } from './helpers/oracle.js'
import { tally } from './helpers/tally.js'
import { DIFF_SEED } from './helpers/uri-corpus.js'

const ids = idCorpus(3000)

// Importing Airflow takes seconds: every line starts at once.
const oracles = new Map(AIRFLOW_LINES.map((l) => [l, AirflowOracle.start(l)]))
for (const o of oracles.values()) o.catch(() => undefined) // awaited below

afterAll(async () => {
  await Promise.all(
    [...oracles.values()].map(async (o) => (await o.catch(() => null))?.close())
  )
})

test.each(AIRFLOW_LINES)(
  'Airflow %s: ids and keys are judged as Airflow judges them',
  async (line) => {
    const v = await compareIds((await oracles.get(line)) as AirflowOracle, ids)
    tally(`${line} core`, 'ids and keys', v.agreed, v.total)
    tally(`${line} core`, 'ids and keys (we refuse)', v.refused, v.total)
    expect({
      seed: DIFF_SEED,
      disagreeing: v.disagreements.length,
      first: v.disagreements.slice(0, 8)
    }).toEqual({ seed: DIFF_SEED, disagreeing: 0, first: [] })
  }
)
