/**
 * Does a declared connection survive Airflow's get_uri → parse? We write
 * URIs, Airflow parses them, so any field that comes back different is a
 * field the user will not get. Reasons name fields, never their values.
 */
import { buildConnUri } from './build-conn-uri.js'
import {
  CONNECTION_FIELD_NAMES,
  EXTRA_KEY,
  normalizeConnType,
  type AirflowMajor,
  type ConnectionFieldName,
  type ConnectionFields,
  type ConnectionInput
} from './connection.js'
import { parseConnUri } from './parse-conn-uri.js'
import { PythonUnicodeEncodeError } from './python-quote.js'
import { pythonJsonLoads, type PyJson } from './python-json-loads.js'
import { explainFailure } from './round-trip-failures.js'
import { explainDifference } from './round-trip-reasons.js'
import type { UriErrorCode } from './uri-diagnostics.js'

/** A declared field that Airflow would not give back unchanged. */
export interface RoundTripIssue {
  field: ConnectionFieldName
  airflow: AirflowMajor
  reason: string
}

/** Per field: the value that came back, or the error that stopped it. */
type Outcome =
  Record<ConnectionFieldName, unknown> | { error: UriErrorCode | 'unencodable' }

/** Python-style equality of decoded JSON with a declared JS value. */
function sameJson(a: PyJson, b: unknown): boolean {
  if (b instanceof Map) b = Object.fromEntries(b)
  if (a instanceof Map) {
    if (b === null || typeof b !== 'object' || Array.isArray(b)) return false
    const entries = Object.entries(b)
    return (
      entries.length === a.size &&
      entries.every(([k, v]) => a.has(k) && sameJson(a.get(k) ?? null, v))
    )
  }
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => sameJson(v, b[i]))
    )
  }
  return Object.is(a, b) || a === b
}

/** The extra as the user would read it back, `null` for none or `{}`. */
function extraValue(extra: string | null): unknown {
  if (extra === null || extra === '') return null
  let decoded: PyJson
  try {
    decoded = pythonJsonLoads(extra)
  } catch {
    return extra // Airflow 2 keeps non-JSON text; it equals no object
  }
  return decoded instanceof Map && decoded.size === 0 ? null : decoded
}

/** What the user declared, in the shape Airflow's parse gives back. */
function declared(
  input: ConnectionInput
): Record<ConnectionFieldName, unknown> {
  const extra = input.extra ?? null
  return {
    conn_type: normalizeConnType(input.conn_type),
    host: input.host ?? '',
    schema: input.schema ?? '',
    login: input.login ?? null,
    password: input.password ?? null,
    port: input.port ?? null,
    extra: extra !== null && Object.keys(extra).length === 0 ? null : extra
  }
}

function equal(
  field: ConnectionFieldName,
  got: unknown,
  want: unknown
): boolean {
  // An empty login and no login are the same to every hook (both falsy),
  // and Airflow itself turns one into the other: not worth a failure.
  if (field === 'login') return (got ?? '') === (want ?? '')
  if (field !== 'extra' || got === null || want === null) return got === want
  return sameJson(got as PyJson, want)
}

function sameUri(input: ConnectionInput): boolean {
  try {
    return (
      buildConnUri(input, { airflow: 2 }) ===
      buildConnUri(input, { airflow: 3 })
    )
  } catch {
    return false
  }
}

function outcome(input: ConnectionInput, airflow: AirflowMajor): Outcome {
  let uri: string
  try {
    uri = buildConnUri(input, { airflow })
  } catch (e) {
    // Python's get_uri raises UnicodeEncodeError on a lone surrogate.
    if (e instanceof PythonUnicodeEncodeError) return { error: 'unencodable' }
    throw e
  }
  const parsed = parseConnUri(uri, { airflow })
  if (!parsed.ok) return { error: parsed.code }
  const fields: ConnectionFields = parsed.fields
  return { ...fields, extra: extraValue(fields.extra) }
}

function issuesFor(
  input: ConnectionInput,
  airflow: AirflowMajor,
  result: Outcome
): RoundTripIssue[] {
  if ('error' in result) return [explainFailure(input, airflow, result.error)]
  const want = declared(input)
  return CONNECTION_FIELD_NAMES.filter(
    (f) => !equal(f, result[f], want[f])
  ).map((field) => ({
    field,
    airflow,
    reason: explainDifference(input, airflow, field)
  }))
}

/**
 * Build the URI and parse it back with Airflow 3 rules, then with Airflow 2
 * rules. Airflow 2 issues are listed only for fields where Airflow 2 gives
 * back something other than Airflow 3 does, so an `airflow: 3` issue with no
 * `airflow: 2` twin on the same field holds for both lines.
 */
export function checkRoundTrip(input: ConnectionInput): RoundTripIssue[] {
  const v3 = outcome(input, 3)
  // The parsers of 2 and 3 agree on every URI get_uri writes (its extra is
  // an object) unless an extra key is itself named __extra__, so Airflow 2
  // can differ only where its get_uri writes another URI: most connections
  // need one round trip, not two.
  if (!(input.extra && EXTRA_KEY in input.extra) && sameUri(input)) {
    return issuesFor(input, 3, v3)
  }
  const v2 = outcome(input, 2)
  const issues3 = issuesFor(input, 3, v3)
  const issues2 = issuesFor(input, 2, v2).filter((issue) => {
    if ('error' in v2 || 'error' in v3) {
      return !('error' in v2 && 'error' in v3 && v2.error === v3.error)
    }
    return !equal(issue.field, v2[issue.field], v3[issue.field])
  })
  return [...issues3, ...issues2]
}
