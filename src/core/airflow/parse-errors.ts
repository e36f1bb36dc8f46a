/**
 * The errors `parseConnUri` returns, with messages that say what is wrong
 * and what to do. They never quote the URI: see uri-diagnostics.ts.
 */
import { pythonJsonLoads } from './python-json-loads.js'
import { cleanUrl, type SplitResult } from './python-urllib.js'
import type { UriErrorCode, UriParseResult } from './uri-diagnostics.js'

type Failure = Extract<UriParseResult, { ok: false }>

const QUERY_URL_HINT =
  " The query holds an unencoded '://' (a URL as a query value?): percent-" +
  "encode ':' and '/' there as %3A and %2F."

const MESSAGES: Record<Exclude<UriErrorCode, 'uri-no-scheme'>, string> = {
  'uri-too-many-protocols':
    "The URI contains '://' more than twice; Airflow allows one after the " +
    'connection type and one for a protocol inside the host, and raises ' +
    "AirflowException otherwise. Percent-encode ':' and '/' in the login, " +
    'password, host, schema and query values (%3A, %2F).',
  'uri-auth-before-protocol':
    "The URI contains '://' twice, so Airflow reads the second as a protocol " +
    "inside the host, but an '@' or ':' comes before it and Airflow raises " +
    'AirflowException. Put the credentials after the protocol ' +
    "(type://protocol://login:password@host), or percent-encode '://' in " +
    'the password or query values as %3A%2F%2F.',
  'uri-invalid-port':
    'The port is not an integer from 0 to 65535, so Python raises ' +
    "ValueError. If the login or password contains '/', '?' or '#', " +
    'percent-encode them (%2F, %3F, %23): they end the host part early and ' +
    'the rest is read as the port.',
  'uri-invalid-ipv6':
    "The host part has an unbalanced '[' or ']', or the text in brackets is " +
    'not an IPv6 address, so Python raises ValueError. Percent-encode ' +
    "'[' and ']' in the login and password (%5B, %5D), or write a valid " +
    'IPv6 literal such as [::1].',
  'uri-invalid-netloc':
    'The login, password or host contains non-ASCII characters that NFKC ' +
    "normalisation turns into '/', '?', '#', '@' or ':', so Python raises " +
    'ValueError. Percent-encode those characters.',
  'uri-extra-not-object':
    'The __extra__ query value is not JSON object text; Airflow 3 raises ' +
    'ValueError (Airflow 2 only warns). Set __extra__ to a percent-encoded ' +
    'JSON object, e.g. __extra__=%7B%22key%22%3A+%22value%22%7D.'
}

/** An error result; the first split adds a hint about URLs in the query. */
export function uriError(
  code: Exclude<UriErrorCode, 'uri-no-scheme'>,
  first: SplitResult | null
): Failure {
  const urlInQuery =
    first !== null && `${first.query}#${first.fragment}`.includes('://')
  const hinted =
    code === 'uri-too-many-protocols' || code === 'uri-auth-before-protocol'
  const message = MESSAGES[code] + (hinted && urlInQuery ? QUERY_URL_HINT : '')
  return { ok: false, code, message }
}

/**
 * `google_cloud_platform://…`: a type with `_`, which urlsplit refuses as a
 * scheme. Airflow does not fail: it parses an empty conn_type and puts the
 * rest in the schema, a silent surprise rather than an error.
 */
export function isUnderscoreScheme(uri: string): boolean {
  const url = cleanUrl(uri)
  const colon = url.indexOf(':')
  const candidate = colon > 0 ? url.slice(0, colon) : ''
  return (
    candidate.includes('_') && /^[A-Za-z][A-Za-z0-9+\-._]*$/.test(candidate)
  )
}

export const UNDERSCORE_SCHEME_MESSAGE =
  "The connection type before ':' contains '_', which a URI scheme may not " +
  'contain, so Airflow parses an empty conn_type and puts the rest in the ' +
  "schema. Write it with '-' (e.g. google-cloud-platform://); Airflow turns " +
  "'-' back into '_'."

/** `uri-no-scheme`, saying why urlsplit found no scheme. */
export function schemeProblem(uri: string): Failure {
  // urlsplit's own clean-up, so we judge the text it judged.
  const url = cleanUrl(uri)
  const colon = url.indexOf(':')
  const candidate = colon > 0 ? url.slice(0, colon) : ''
  let why: string
  if (colon < 0) {
    why = "The URI has no ':' at all, so it has no scheme"
  } else if (colon === 0) {
    why = "The URI starts with ':', so it has no scheme"
  } else if (/^[A-Za-z][A-Za-z0-9+\-._]*$/.test(candidate)) {
    why =
      "The connection type before ':' contains '_', which a URI scheme may " +
      "not contain, so Python's urlsplit finds no scheme. Write it with '-' " +
      "(e.g. google-cloud-platform://); Airflow turns '-' back into '_'"
  } else if (/^[0-9]/.test(candidate)) {
    why =
      "The text before the first ':' starts with a digit, so it is no scheme"
  } else {
    why =
      "The text before the first ':' is not a scheme (a letter, then letters, " +
      "digits, '+', '-' or '.')"
  }
  return {
    ok: false,
    code: 'uri-no-scheme',
    message:
      `${why}. Airflow would store an empty conn_type and the airflow CLI ` +
      'rejects such a URI. Start it with the connection type, e.g. postgres://.'
  }
}

/** Airflow 3's `_validate_extra`: a truthy extra must be a JSON object. */
export function extraProblem(extra: string | null): Failure | null {
  if (extra === null || extra === '') return null
  let decoded: unknown
  try {
    decoded = pythonJsonLoads(extra)
  } catch {
    return uriError('uri-extra-not-object', null)
  }
  return decoded instanceof Map ? null : uriError('uri-extra-not-object', null)
}
