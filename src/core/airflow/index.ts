/**
 * The Airflow connection-URI engine: a pure TypeScript port of what Apache
 * Airflow does with `conn_uri` strings (parse, get_uri) and of the CPython
 * `urllib.parse` and `json` functions it relies on. See
 * shared/reference/airflow.md §1-2 for the rules.
 */
export {
  CONNECTION_FIELD_NAMES,
  EXTRA_KEY,
  normalizeConnType,
  type AirflowMajor,
  type ConnectionFieldName,
  type ConnectionFields,
  type ConnectionInput
} from './connection.js'
export {
  AIRFLOW_BEHAVIOUR,
  AIRFLOW_VERSIONS,
  buildBehaviour,
  parseBehaviour,
  type AirflowTarget,
  type AirflowVersion,
  type BuildBehaviour,
  type ConnectionPath,
  type ParseBehaviour,
  type VersionBehaviour
} from './airflow-versions.js'
export {
  cliAcceptsConnId,
  restAcceptsConnId,
  restAcceptsVariableKey,
  sanitizeConnId
} from './airflow-ids.js'
export { parseConnUri } from './parse-conn-uri.js'
export type {
  ParseOptions,
  UriErrorCode,
  UriNote,
  UriNoteCode,
  UriParseResult
} from './uri-diagnostics.js'
export {
  buildConnUri,
  connectionFieldsFromInput,
  getConnUri,
  type BuildOptions
} from './build-conn-uri.js'
export { checkRoundTrip, type RoundTripIssue } from './round-trip.js'
export { pythonJsonDumps, pythonFloatRepr } from './python-json.js'
export { pythonJsonLoads, type PyJson } from './python-json-loads.js'
export {
  parseQsl,
  pyDict,
  quote,
  quotePlus,
  unquote,
  unquotePlus,
  urlencode
} from './python-quote.js'
export { PythonValueError, SplitResult, urlsplit } from './python-urllib.js'
