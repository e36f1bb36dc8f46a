/**
 * Airflow's `Connection._parse_from_uri` (2.6.2+ and 3.x; the Task SDK's
 * `from_uri` is the same line for line), on top of the urllib port. The
 * order of the checks follows Airflow's so the first error matches.
 */
import {
  dropFirstCodePoint,
  normalizeConnType,
  type ConnectionFields
} from './connection.js'
import { collectNotes } from './parse-notes.js'
import {
  extraProblem,
  isUnderscoreScheme,
  schemeProblem,
  UNDERSCORE_SCHEME_MESSAGE,
  uriError
} from './parse-errors.js'
import { parseBehaviour } from './airflow-versions.js'
import { queryExtra } from './parse-query-extra.js'
import { parseQsl, pyDict, unquote } from './python-quote.js'
import {
  PythonValueError,
  pythonStrip,
  SplitResult,
  urlsplit
} from './python-urllib.js'
import type {
  ParseOptions,
  UriNote,
  UriParseResult
} from './uri-diagnostics.js'

type Failure = Extract<UriParseResult, { ok: false }>

/** `urlsplit`, with its ValueErrors turned into our error codes. */
function split(uri: string, first: SplitResult | null): SplitResult | Failure {
  try {
    return urlsplit(uri)
  } catch (e) {
    if (!(e instanceof PythonValueError)) throw e
    return uriError(
      e.kind === 'netloc' ? 'uri-invalid-netloc' : 'uri-invalid-ipv6',
      first
    )
  }
}

/**
 * `_parse_netloc_to_hostname`: the unquoted hostname, or, when that contains
 * `/`, the raw netloc after the last `@` and before the first `:` (case kept).
 */
function netlocToHostname(parts: SplitResult): string {
  const hostname = unquote(parts.hostname ?? '')
  if (!hostname.includes('/')) return hostname
  let raw = parts.netloc
  if (raw.includes('@')) raw = raw.slice(raw.lastIndexOf('@') + 1)
  if (raw.includes(':')) raw = raw.slice(0, raw.indexOf(':'))
  return unquote(raw)
}

/**
 * Parse a connection URI exactly as Airflow does: the version and code
 * path of `opts` (airflow-versions.ts), by default the Airflow 3.0 core.
 */
export function parseConnUri(
  input: string,
  opts: ParseOptions = {}
): UriParseResult {
  const behaviour = parseBehaviour(opts)
  // A worker's deserialize_connection strips the secret's value first.
  const uri = behaviour.stripsValue ? pythonStrip(input) : input
  const schemes = uri.split('://').length - 1
  if (schemes > 2) return uriError('uri-too-many-protocols', safeSplit(uri))
  const first = split(uri, null)
  if (!(first instanceof SplitResult)) return first
  // The airflow CLI refuses a URI without a scheme; Airflow's model would
  // carry on with conn_type ''. We side with the CLI, except for a `_` in
  // the type: that one Airflow parses silently, so it is a warning.
  const rawType = first.scheme
  const underscore = rawType === '' && isUnderscoreScheme(uri)
  if (rawType === '' && !underscore) return schemeProblem(uri)
  const hostWithProtocol = schemes === 2
  // Every occurrence is replaced, and only the lower-cased form is found.
  const rest = uri.split(`${rawType}://`).join(hostWithProtocol ? '' : '//')
  if (hostWithProtocol && /[@:]/.test(rest.split('://')[0] ?? '')) {
    return uriError('uri-auth-before-protocol', first)
  }
  const parts = split(rest, first)
  if (!(parts instanceof SplitResult)) return parts
  let port: number | null
  try {
    port = parts.port
  } catch (e) {
    if (!(e instanceof PythonValueError)) throw e
    return uriError('uri-invalid-port', first)
  }
  const protocol = hostWithProtocol ? parts.scheme : ''
  const host = netlocToHostname(parts)
  const rawPath = dropFirstCodePoint(parts.path)
  const username = parts.username
  const password = parts.password
  const pairs = parseQsl(parts.query)
  const extra = queryExtra(
    pyDict(pairs),
    parts.query,
    behaviour.decodesQueryValues
  )
  const fields: ConnectionFields = {
    conn_type: normalizeConnType(rawType),
    host: protocol !== '' && host !== '' ? `${protocol}://${host}` : host,
    schema: unquote(rawPath),
    login: username ? unquote(username) : username,
    // The core model's password setter ignores falsy values; the Task SDK
    // class of 3.2+ has no setter and keeps ''.
    password: password
      ? unquote(password)
      : behaviour.keepsEmptyPassword
        ? password
        : null,
    port,
    extra
  }
  const notes: UriNote[] = underscore
    ? [{ code: 'uri-scheme-underscore', message: UNDERSCORE_SCHEME_MESSAGE }]
    : []
  const problem = extraProblem(extra)
  if (problem !== null) {
    // The Airflow 3 core raises ValueError; Airflow 2.3-2.11 only warns and
    // the 3.2+ Task SDK class does not look (hooks then see {}).
    if (behaviour.extraMustBeObject) return problem
    notes.push({
      code: 'uri-extra-not-object-warning',
      message: problem.message
    })
  }
  // Without a scheme the missing '//' is the same mistake, said once.
  const more = collectNotes({
    uri,
    first,
    parts,
    hostWithProtocol,
    pairs,
    fields
  })
  notes.push(
    ...(underscore
      ? more.filter((n) => n.code !== 'uri-missing-slashes')
      : more)
  )
  return { ok: true, fields, notes }
}

/** The first split for error hints, or null when urlsplit itself fails. */
function safeSplit(uri: string): SplitResult | null {
  try {
    return urlsplit(uri)
  } catch {
    return null
  }
}
