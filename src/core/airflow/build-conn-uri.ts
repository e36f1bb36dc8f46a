/**
 * Airflow's `Connection.get_uri` (airflow.md §2.1), for the version and
 * code path of the options (airflow-versions.ts). By default the Airflow
 * 3.1+ core rules, which keep a host whose protocol equals the conn_type
 * (apache/airflow#51953); `airflow: 2` (and 3.0) always split the protocol
 * off. Every version's get_uri, the Task SDK's included, drops port 0.
 */
import {
  EXTRA_KEY,
  normalizeConnType,
  type ConnectionFields,
  type ConnectionInput
} from './connection.js'
import { buildBehaviour, type AirflowTarget } from './airflow-versions.js'
import { pythonJsonDumps } from './python-json.js'
import { pythonJsonLoads, type PyJson } from './python-json-loads.js'
import { quote, urlencode } from './python-quote.js'

/** Which Airflow's get_uri to follow: a version and path (default 3). */
export type BuildOptions = AirflowTarget

/**
 * What Airflow stores for declared fields: the conn_type normalised as
 * `from_json` does, `''` for a missing host/schema, no empty password (the
 * core setter ignores it), and the extra as `json.dumps` text (`{}` is
 * falsy in Python, so it is not stored).
 */
export function connectionFieldsFromInput(
  input: ConnectionInput,
  opts: BuildOptions = {}
): ConnectionFields {
  const extra = input.extra ?? null
  // The Task SDK class keeps an empty password; the core setter drops it.
  const keepEmpty = buildBehaviour(opts).keepsEmptyPassword
  return {
    conn_type: normalizeConnType(input.conn_type),
    host: input.host ?? '',
    schema: input.schema ?? '',
    login: input.login ?? null,
    password: input.password || (keepEmpty ? (input.password ?? null) : null),
    port: input.port ?? null,
    extra:
      extra !== null && Object.keys(extra).length > 0
        ? pythonJsonDumps(extra)
        : null
  }
}

/**
 * Step 7: a non-empty dict of strings becomes query parameters; anything
 * else (numbers, nesting, `{}`, bad JSON) goes verbatim into `__extra__`.
 * (`urlencode` then `parse_qsl` gives the same dict back exactly when all
 * values are strings; a lone surrogate makes Python raise instead.)
 */
function extraQuery(extra: string, portable: boolean): string {
  let decoded: PyJson = new Map()
  try {
    decoded = pythonJsonLoads(extra)
  } catch {
    // extra_dejson logs the error and returns {}.
  }
  if (
    decoded instanceof Map &&
    decoded.size > 0 &&
    [...decoded.values()].every(
      (v) => typeof v === 'string' && !(portable && looksLikeJson(v))
    )
  ) {
    return urlencode(decoded as Map<string, string>)
  }
  return urlencode([[EXTRA_KEY, extra]])
}

/**
 * Would the Airflow 3.1+ core read this flat query value back as JSON
 * (`"30"` → 30, `"true"` → True)? Such extras are written as `__extra__`,
 * which every line reads verbatim.
 */
function looksLikeJson(value: string): boolean {
  if (value === '') return false
  try {
    pythonJsonLoads(value)
    return true
  } catch {
    return false
  }
}

/**
 * `get_uri()` on stored fields; throws like Python on a lone surrogate.
 * Without `opts.airflow` it writes the URI we store: the 3.1+ get_uri, but
 * with `__extra__` wherever the flat query form would not read back the
 * same on every Airflow line (see looksLikeJson).
 */
export function getConnUri(
  fields: ConnectionFields,
  opts: BuildOptions = {}
): string {
  const { conn_type: connType, host, login, password, port, schema } = fields
  let uri = connType ? `${connType.toLowerCase().replace(/_/g, '-')}://` : '//'
  let hostToUse = host
  if (host.includes('://')) {
    const protocol = host.slice(0, host.indexOf('://'))
    // #51953: a protocol equal to the conn_type stays part of the host.
    if (!buildBehaviour(opts).keepsSameProtocolHost || protocol !== connType) {
      hostToUse = host.slice(protocol.length + 3)
      if (protocol) uri += `${protocol}://`
    }
  }
  let authority = ''
  if (login !== null) authority += quote(login)
  if (password !== null) authority += `:${quote(password)}`
  if (authority !== '') {
    authority += '@'
    uri += authority
  }
  let hostBlock = hostToUse ? quote(hostToUse) : ''
  if (port !== null && port !== 0) {
    hostBlock += hostBlock === '' && authority === '' ? `@:${port}` : `:${port}`
  }
  if (schema) hostBlock += `/${quote(schema)}`
  uri += hostBlock
  if (fields.extra) {
    const portable = opts.airflow === undefined
    uri += (schema ? '?' : '/?') + extraQuery(fields.extra, portable)
  }
  return uri
}

/**
 * The conn_uri Airflow would generate for declared fields, or, without
 * `opts.airflow`, the one we store (readable alike by every line).
 */
export function buildConnUri(
  input: ConnectionInput,
  opts: BuildOptions = {}
): string {
  return getConnUri(connectionFieldsFromInput(input, opts), opts)
}
