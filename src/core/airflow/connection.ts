/**
 * The shared shapes of an Airflow connection: what Airflow's model holds
 * after a parse (`ConnectionFields`) and what a user declares
 * (`ConnectionInput`). Field names follow Airflow's, snake_case included,
 * so they can be compared with Airflow's own tests and JSON form.
 */

/** Airflow's Connection fields as the model holds them after a parse. */
export interface ConnectionFields {
  /** Normalised (`postgresql` → `postgres`, `-` → `_`). */
  conn_type: string
  /** `''` when absent: Airflow's parse never gives `None`. */
  host: string
  /** `''` when absent. */
  schema: string
  login: string | null
  /** `null` also for an empty password: the core model ignores `''`. */
  password: string | null
  port: number | null
  /** The stored extra JSON text, exactly as Airflow stores it. */
  extra: string | null
}

/** What a user declares (manifest fields form); extra is an object. */
export interface ConnectionInput {
  conn_type: string
  host?: string | null
  schema?: string | null
  login?: string | null
  password?: string | null
  port?: number | null
  extra?: Record<string, unknown> | null
}

/** The Airflow line a behaviour belongs to. */
export type AirflowMajor = 2 | 3

/** The key whose query value Airflow takes verbatim as the extra JSON. */
export const EXTRA_KEY = '__extra__'

/**
 * `Connection._normalize_conn_type`: exactly `postgresql` becomes
 * `postgres`; otherwise every `-` becomes `_`. Nothing else is touched
 * (`postgresql+psycopg2` and upper case stay as they are).
 */
export function normalizeConnType(connType: string): string {
  if (connType === 'postgresql') return 'postgres'
  return connType.replace(/-/g, '_')
}

/** The field names a round-trip check can report on. */
export type ConnectionFieldName = keyof ConnectionFields

/** All field names, in Airflow's order, for loops and reports. */
export const CONNECTION_FIELD_NAMES: readonly ConnectionFieldName[] = [
  'conn_type',
  'host',
  'schema',
  'login',
  'password',
  'port',
  'extra'
]

/** Drop the first code point, as Python's `s[1:]` does (not a UTF-16 unit). */
export function dropFirstCodePoint(s: string): string {
  const first = s.codePointAt(0)
  if (first === undefined) return ''
  return s.slice(first > 0xffff ? 2 : 1)
}
