/**
 * Ids and keys, ours against one Airflow: each rule of our version model
 * (src/core/airflow/airflow-ids.ts) must answer exactly as the real
 * function does, and the manifest rule (src/core/validate/rules/keys.ts)
 * must never accept what some entry point of that version refuses. It may
 * refuse more on purpose: those are counted as refusals, not agreements.
 */
import {
  cliAcceptsConnId,
  restAcceptsConnId,
  restAcceptsVariableKey,
  sanitizeConnId
} from '../../../src/core/airflow/airflow-ids.js'
import type { AirflowVersion } from '../../../src/core/airflow/index.js'
import {
  connIdProblems,
  keyProblems
} from '../../../src/core/validate/rules/keys.js'
import type { AirflowOracle } from './oracle.js'
import type { Verdicts } from './uri-compare.js'

interface Rule {
  rule: string | null
  accepted?: boolean
  kept?: string | null
}
interface IdAnswer {
  model: Rule
  cli: Rule
  rest: Rule
}

const verdict = (r: Rule): boolean | null =>
  r.rule === null ? null : (r.accepted ?? null)
const show = (x: unknown): string => JSON.stringify(x)

/** Where ours and Airflow's rules differ for one id (also as a variable key). */
function judge(
  id: string,
  v: AirflowVersion,
  theirs: IdAnswer,
  key: Rule
): { wrong: string[]; refused: number } {
  const wrong: string[] = []
  const says = (what: string, airflow: unknown, ours: unknown): void => {
    if (show(airflow) !== show(ours))
      wrong.push(
        `${what} ${show(id)}: Airflow ${show(airflow)}, ours ${show(ours)}`
      )
  }
  says('model keeps', theirs.model.kept ?? null, sanitizeConnId(id, v))
  says('cli accepts', verdict(theirs.cli), cliAcceptsConnId(id, v))
  says('rest accepts', verdict(theirs.rest), restAcceptsConnId(id, v))
  says('rest accepts key', verdict(key), restAcceptsVariableKey(id, v))
  let refused = 0
  const everywhere =
    theirs.model.kept === id &&
    verdict(theirs.cli) === true &&
    verdict(theirs.rest) !== false
  const weAccept = connIdProblems(id).length === 0
  if (weAccept && !everywhere)
    wrong.push(`manifest accepts conn id ${show(id)}`)
  if (!weAccept && everywhere) refused++
  const keyOk = verdict(key) !== false
  const weAcceptKey = keyProblems('variables', id).length === 0
  if (weAcceptKey && !keyOk) wrong.push(`manifest accepts key ${show(id)}`)
  if (!weAcceptKey && keyOk) refused++
  return { wrong, refused }
}

/** Ask one Airflow about every id (and the same text as a variable key). */
export async function compareIds(
  oracle: AirflowOracle,
  ids: string[]
): Promise<Verdicts> {
  const v = oracle.line as AirflowVersion
  const answers = await Promise.all(
    ids.map(async (id) => {
      const a = await oracle.ask<IdAnswer>('conn_id', { conn_id: id })
      const k = await oracle.ask<{ rest: Rule }>('variable_key', { key: id })
      if (!a.ok || !k.ok) throw new Error(`the oracle failed on ${show(id)}`)
      return judge(id, v, a.result, k.result.rest)
    })
  )
  const disagreements = answers.flatMap((a) => a.wrong)
  const refused = answers.reduce((n, a) => n + a.refused, 0)
  const total = ids.length * 2
  return {
    agreed: total - refused - disagreements.length,
    refused,
    total,
    disagreements
  }
}
