/**
 * Which connection ids and variable keys each Airflow line accepts, rule by
 * rule, judged against the real functions by __tests__/real (evidence in
 * docs/airflow-versions.md):
 *
 * - model: `sanitize_conn_id` in the core Connection constructor. A refused
 *   id silently becomes `None` (the connection is then unusable by id).
 * - cli: `validate_key(id, max_length=200)`, run by `airflow connections
 *   add/import` (and the Airflow 2 REST API's POST /connections).
 * - rest: the Airflow 3 REST API's request models (none in Airflow 2).
 *
 * Variable keys have no rule in any model; the Airflow 3 REST API limits
 * them to 250 characters.
 */
import type { AirflowVersion } from './airflow-versions.js'

interface IdRules {
  /** The model's regex runs on google-re2: ASCII `\w`, `$` only at the end. */
  re2Model: boolean
  /** validate_key refuses `..` (unless [core] allow_double_dot_in_ids). */
  cliRefusesDotDot: boolean
  /** An Airflow 3 REST API validates request bodies. */
  restApi: boolean
}

const ID_RULES: Record<AirflowVersion, IdRules> = {
  '2.10': { re2Model: true, cliRefusesDotDot: false, restApi: false },
  '2.11': { re2Model: true, cliRefusesDotDot: false, restApi: false },
  '3.0': { re2Model: false, cliRefusesDotDot: false, restApi: true },
  '3.1': { re2Model: false, cliRefusesDotDot: false, restApi: true },
  '3.2': { re2Model: false, cliRefusesDotDot: false, restApi: true },
  '3.3': { re2Model: false, cliRefusesDotDot: true, restApi: true }
}

const MODEL_MAX = 250
const CLI_MAX = 200
const VARIABLE_MAX = 250

/** Python counts code points, not UTF-16 units. */
const pyLen = (s: string): number => [...s].length

// Python's `\w` on str is Unicode letters, digits and `_`; re2's is ASCII.
const PY_MODEL = /^[\p{L}\p{N}_#!()\-.:/\\]+/u
const RE2_MODEL = /^[A-Za-z0-9_#!()\-.:/\\]+$/
const PY_KEY = /^[\p{L}\p{N}_.-]+$/u
// Rust's (pydantic's) Unicode `\w`: marks count and `²`-like numbers don't.
const RUST_KEY = /^[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}.-]+$/u

/**
 * Python's `re.match('^…$', s)`: `$` also matches before one final `\n`,
 * and the match then stops short of it.
 */
function pyFullMatch(re: RegExp, s: string): string | null {
  const body = s.endsWith('\n') ? s.slice(0, -1) : s
  const m = re.exec(body)
  return m !== null && m[0] === body ? body : null
}

/** What the core model keeps of a connection id, `null` when it refuses it. */
export function sanitizeConnId(id: string, v: AirflowVersion): string | null {
  if (pyLen(id) > MODEL_MAX) return null
  if (ID_RULES[v].re2Model) return RE2_MODEL.test(id) ? id : null
  return pyFullMatch(PY_MODEL, id)
}

/** Whether `airflow connections add` accepts the id. */
export function cliAcceptsConnId(id: string, v: AirflowVersion): boolean {
  if (pyLen(id) > CLI_MAX || pyFullMatch(PY_KEY, id) === null) return false
  return !(ID_RULES[v].cliRefusesDotDot && id.includes('..'))
}

/** Whether the REST API accepts the id; `null` where there is no such rule. */
export function restAcceptsConnId(
  id: string,
  v: AirflowVersion
): boolean | null {
  if (!ID_RULES[v].restApi) return null
  // pydantic's pattern runs on Rust's regex: `$` is the end of the text.
  return pyLen(id) <= CLI_MAX && RUST_KEY.test(id)
}

/** Whether the REST API accepts a variable key; `null` where there is no rule. */
export function restAcceptsVariableKey(
  key: string,
  v: AirflowVersion
): boolean | null {
  return ID_RULES[v].restApi ? pyLen(key) <= VARIABLE_MAX : null
}
