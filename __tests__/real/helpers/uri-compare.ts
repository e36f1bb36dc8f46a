/**
 * Our src/core/airflow against a real Airflow, case by case: parse gives
 * the same fields or fails in the same place (our message naming Airflow's
 * exception), build gives the same string and it parses back the same.
 * Where we refuse on purpose what Airflow accepts (a URI without a scheme)
 * the case is a refusal, never an agreement.
 */
import {
  buildConnUri,
  CONNECTION_FIELD_NAMES,
  normalizeConnType,
  parseConnUri,
  type AirflowVersion,
  type ConnectionInput,
  type UriErrorCode,
  type UriParseResult
} from '../../../src/core/airflow/index.js'
import type {
  AirflowOracle,
  CodePath,
  OracleAnswer,
  OracleError
} from './oracle.js'

type AirflowFields = Record<string, unknown>
interface ParseAnswer {
  answered_by: string
  fields: AirflowFields
}
interface BuildAnswer {
  uri: string
  reparsed:
    { ok: true; fields: AirflowFields } | { ok: false; error: OracleError }
}

export interface Verdicts {
  agreed: number
  refused: number
  total: number
  disagreements: string[]
}

/** Which of our error codes stand for the exception Airflow raised. */
function codesFor(e: OracleError): UriErrorCode[] {
  if (
    e.type === 'AirflowException' &&
    e.message.startsWith('Invalid connection string')
  )
    return ['uri-too-many-protocols', 'uri-auth-before-protocol']
  if (e.type !== 'ValueError') return []
  if (/[Pp]ort/.test(e.message)) return ['uri-invalid-port']
  if (/IPv6|IPv4|IP address/.test(e.message)) return ['uri-invalid-ipv6']
  if (e.message.includes('NFKC')) return ['uri-invalid-netloc']
  if (e.message.includes('`extra`')) return ['uri-extra-not-object']
  return []
}

const show = (x: unknown): string => JSON.stringify(x)

/** Why ours and Airflow's answers differ, or null when they agree. */
function judgeParse(
  ours: UriParseResult,
  theirs: OracleAnswer<{ fields: AirflowFields }>
): string | null | 'refused' {
  if (!ours.ok && ours.code === 'uri-no-scheme') return 'refused'
  if (!theirs.ok) {
    if (ours.ok)
      return `Airflow raised ${theirs.error.type}: ${theirs.error.message}; ours parsed ${show(ours.fields)}`
    if (!codesFor(theirs.error).includes(ours.code))
      return `Airflow raised ${theirs.error.type}: ${theirs.error.message}; ours ${ours.code}`
    if (!ours.message.includes(theirs.error.type))
      return `our message for ${ours.code} does not name ${theirs.error.type}`
    return null
  }
  if (!ours.ok)
    return `Airflow parsed ${show(theirs.result.fields)}; ours ${ours.code}`
  const diff = CONNECTION_FIELD_NAMES.filter(
    (f) => show(ours.fields[f]) !== show(theirs.result.fields[f] ?? null)
  )
  if (diff.length === 0) return null
  return diff
    .map(
      (f) =>
        `${f}: Airflow ${show(theirs.result.fields[f])}, ours ${show(ours.fields[f])}`
    )
    .join('; ')
}

function tallied(
  results: (string | null | 'refused')[],
  labels: string[]
): Verdicts {
  const v: Verdicts = {
    agreed: 0,
    refused: 0,
    total: results.length,
    disagreements: []
  }
  results.forEach((r, i) => {
    if (r === null) v.agreed++
    else if (r === 'refused') v.refused++
    else v.disagreements.push(`${labels[i]} → ${r}`)
  })
  return v
}

/** Parse every URI with the oracle's Airflow and with ours. */
export async function compareParse(
  oracle: AirflowOracle,
  path: CodePath,
  uris: string[]
): Promise<Verdicts> {
  const airflow = oracle.line as AirflowVersion
  const answers = await Promise.all(
    uris.map((uri) => oracle.ask<ParseAnswer>('parse_uri', { uri, path }))
  )
  return tallied(
    answers.map((a, i) =>
      judgeParse(parseConnUri(uris[i] ?? '', { airflow, path }), a)
    ),
    uris.map((u) => show(u))
  )
}

/** What we send Airflow for a declared connection (conn_type as from_json has it). */
function airflowFields(input: ConnectionInput): Record<string, unknown> {
  return { ...input, conn_type: normalizeConnType(input.conn_type) }
}

/** Build every declared connection with the oracle's get_uri and ours. */
export async function compareBuild(
  oracle: AirflowOracle,
  path: CodePath,
  inputs: ConnectionInput[]
): Promise<Verdicts> {
  const airflow = oracle.line as AirflowVersion
  const answers = await Promise.all(
    inputs.map((i) =>
      oracle.ask<BuildAnswer>('build_uri', { fields: airflowFields(i), path })
    )
  )
  return tallied(
    answers.map((a, i) => {
      if (!a.ok)
        return `Airflow's get_uri raised ${a.error.type}: ${a.error.message}`
      let ours: string
      try {
        ours = buildConnUri(inputs[i] as ConnectionInput, { airflow, path })
      } catch (e) {
        return `ours threw ${String(e)}; Airflow wrote ${a.result.uri}`
      }
      if (ours !== a.result.uri)
        return `Airflow wrote ${a.result.uri}, ours ${ours}`
      const back = a.result.reparsed
      const verdict = judgeParse(
        parseConnUri(ours, { airflow, path }),
        back.ok
          ? { ok: true, result: back }
          : { ok: false, error: { ...back.error, where: '' } }
      )
      // A conn_type that is no URI scheme gives a URI we refuse on purpose.
      if (verdict === null || verdict === 'refused') return verdict
      return `parsing it back: ${verdict}`
    }),
    inputs.map((i) => show(i))
  )
}
