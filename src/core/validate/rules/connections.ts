import { error, warning, type PathProblem } from '../../problems.js'
import type { ConnectionEntry } from '../../manifest/connection-schema.js'
import { FIELD_KEYS } from '../../manifest/connection-schema.js'
import { describeRef, type ValueRef } from '../../manifest/value-ref.js'
import { parseConnUri } from '../../airflow/parse-conn-uri.js'
import { checkRoundTrip } from '../../airflow/round-trip.js'
import { normalizeConnType } from '../../airflow/connection.js'
import { materializeConnection } from './materialize.js'

type Path = (string | number)[]
export type ReadRef = (ref: ValueRef) => string | undefined

/** A scheme Python's urlsplit recognises, with Airflow's `_` allowed. */
const CONN_TYPE = /^[A-Za-z][A-Za-z0-9+.\-_]*$/
/** Extra keys whose literal value is almost certainly a credential. */
const SECRET_EXTRA =
  /(pass(word)?|secret|token|private_?key|api_?key|credential)/i

export function connectionProblems(
  id: string,
  entry: ConnectionEntry,
  format: 'uri' | 'json',
  read: ReadRef
): PathProblem[] {
  const at: Path = ['connections', id]
  if (entry.uri !== undefined) return uriFormProblems(at, entry, read)
  return fieldsFormProblems(at, entry, format, read)
}

function uriFormProblems(
  at: Path,
  entry: ConnectionEntry,
  read: ReadRef
): PathProblem[] {
  const mixed = FIELD_KEYS.filter(
    (k) => k !== 'description' && entry[k] !== undefined
  )
  if (mixed.length > 0) {
    return [
      error(
        'conn-uri-and-fields',
        [...at, mixed[0] as string],
        `uri cannot be combined with ${mixed.join(', ')} (Airflow refuses both); keep either uri or the fields`,
        true
      )
    ]
  }
  const uri = entry.uri as string | ValueRef
  const text = typeof uri === 'string' ? uri : read(uri)
  if (text === undefined) return []
  const origin =
    typeof uri === 'string' ? 'uri' : `uri (the value of ${describeRef(uri)})`
  const result = parseConnUri(text)
  const where = [...at, 'uri']
  if (!result.ok)
    return [error(result.code, where, `${origin}: ${result.message}`)]
  const problems = result.notes.map((n) =>
    warning(n.code, where, `${origin}: ${n.message}`)
  )
  if (typeof uri === 'string' && result.fields.password) {
    problems.unshift(
      error(
        'literal-secret',
        where,
        'the uri carries a password, so it would be in git; use uri: { env: NAME }, or the fields form with password: { env: NAME }'
      )
    )
  }
  return problems
}

function fieldsFormProblems(
  at: Path,
  entry: ConnectionEntry,
  format: 'uri' | 'json',
  read: ReadRef
): PathProblem[] {
  const problems: PathProblem[] = []
  const type = entry.conn_type
  if (type === undefined || type === '') {
    return [
      error(
        'conn-type-missing',
        at,
        'a connection needs conn_type (such as postgres or http), or a whole uri',
        true
      )
    ]
  }
  if (!CONN_TYPE.test(type)) {
    problems.push(
      error(
        'conn-type-invalid',
        [...at, 'conn_type'],
        `conn_type ${JSON.stringify(type)} cannot be a URI scheme; use letters, digits, '_', '-', '+' and '.', starting with a letter`
      )
    )
    return problems
  }
  if (normalizeConnType(type.toLowerCase()) !== type) {
    problems.push(
      warning(
        'conn-type-normalized',
        [...at, 'conn_type'],
        `Airflow reads conn_type ${JSON.stringify(type)} as ${JSON.stringify(normalizeConnType(type.toLowerCase()))}; write that instead`
      )
    )
  }
  if (typeof entry.password === 'string') {
    problems.push(
      error(
        'literal-secret',
        [...at, 'password'],
        'a literal password would be in git; use password: { env: NAME } or { file: PATH }'
      )
    )
  }
  for (const [key, value] of Object.entries(entry.extra ?? {})) {
    if (SECRET_EXTRA.test(key) && typeof value === 'string') {
      problems.push(
        warning(
          'extra-literal-secret',
          [...at, 'extra', key],
          `extra.${key} looks like a credential written into git; use { env: NAME } or { file: PATH }`
        )
      )
    }
  }
  // With connection_format json the fields are stored as they are, and no
  // conn_uri is written, so only the uri format must survive a round trip.
  if (format === 'uri') {
    for (const issue of checkRoundTrip(materializeConnection(entry, read))) {
      const path = [...at, issue.field]
      problems.push(
        issue.airflow === 3
          ? error(
              'conn-round-trip',
              path,
              `${issue.field} does not survive Airflow's conn_uri: ${issue.reason}`
            )
          : warning(
              'conn-airflow2-round-trip',
              path,
              `on Airflow 2, ${issue.field} does not survive the conn_uri: ${issue.reason}`
            )
      )
    }
  }
  return problems
}
