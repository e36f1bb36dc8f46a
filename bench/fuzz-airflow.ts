/**
 * The differential fuzz target (`npx tsx bench/fuzz.ts N differential`):
 * N generated URIs and N declarations per Airflow line and code path, put
 * to the real Airflow of that line (tools/airflow/oracle) and to our
 * src/core/airflow, in batches so any N fits in memory.
 */
import {
  AIRFLOW_LINES,
  AirflowOracle,
  type CodePath
} from '../__tests__/real/helpers/oracle.js'
import {
  compareBuild,
  compareParse,
  type Verdicts
} from '../__tests__/real/helpers/uri-compare.js'
import {
  corpusInput,
  corpusUri,
  sample
} from '../__tests__/real/helpers/uri-corpus.js'
import { compareStored } from '../__tests__/real/helpers/uri-stored.js'

const BATCH = 5000

type Question = (
  o: AirflowOracle,
  path: CodePath,
  seed: number,
  n: number
) => Promise<Verdicts>

const QUESTIONS: Record<string, Question> = {
  parse: (o, p, seed, n) => compareParse(o, p, sample(corpusUri, n, seed)),
  build: (o, p, seed, n) => compareBuild(o, p, sample(corpusInput, n, seed)),
  stored: (o, p, seed, n) => compareStored(o, p, sample(corpusInput, n, seed))
}

/** Run `cases` of every question on every line; false when any disagreed. */
export async function fuzzAirflow(
  cases: number,
  seed: number
): Promise<boolean> {
  let ok = true
  const lines = process.env.AIRFLOW_LINES?.split(',') ?? AIRFLOW_LINES
  for (const line of lines) {
    const oracle = await AirflowOracle.start(line)
    try {
      for (const path of oracle.hello.paths) {
        for (const [name, ask] of Object.entries(QUESTIONS)) {
          const start = performance.now()
          const sum: Verdicts = {
            agreed: 0,
            refused: 0,
            total: 0,
            disagreements: []
          }
          // Each batch has its own seed, so a failing batch replays alone.
          for (let done = 0, b = 0; done < cases; done += BATCH, b++) {
            const v = await ask(
              oracle,
              path,
              seed + b,
              Math.min(BATCH, cases - done)
            )
            sum.agreed += v.agreed
            sum.refused += v.refused
            sum.total += v.total
            sum.disagreements.push(
              ...v.disagreements.map((d) => `batch seed ${seed + b}: ${d}`)
            )
          }
          const s = ((performance.now() - start) / 1000).toFixed(1)
          console.log(
            `differential Airflow ${line} ${path} ${name}: ${sum.agreed}/${sum.total} agreed, ` +
              `${sum.refused} refused by us, ${sum.disagreements.length} disagreed, ${s} s`
          )
          for (const d of sum.disagreements.slice(0, 5))
            console.log(`  ${d.slice(0, 400)}`)
          if (sum.disagreements.length > 0) ok = false
        }
      }
    } finally {
      await oracle.close()
    }
  }
  return ok
}
