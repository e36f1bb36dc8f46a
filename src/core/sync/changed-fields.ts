import { parseConnUri } from '../airflow/parse-conn-uri.js'
import type { SecretKind } from './desired.js'

/** Fields whose old and new values may be shown: never a credential. */
export const SHOWN_FIELDS = new Set([
  'conn_type',
  'host',
  'port',
  'schema',
  'login'
])

export interface FieldChange {
  field: string
  /** Only for SHOWN_FIELDS. */
  from?: string
  to?: string
}

type Fields = Record<string, unknown>

/**
 * A connection as comparable fields: `conn_uri` parsed the way Airflow
 * parses it, or the field-style secret as it is; extra flattened to
 * `extra.<key>` so a plan says `extra.sslmode`, not just `extra`.
 */
function connectionFields(data: Fields): Fields | null {
  let fields: Fields = data
  if (typeof data.conn_uri === 'string' && data.conn_uri !== '') {
    const parsed = parseConnUri(data.conn_uri)
    if (!parsed.ok) return null
    fields = { ...parsed.fields }
  }
  const out: Fields = {}
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'extra') Object.assign(out, flattenExtra(value))
    else if (value !== null && value !== '' && value !== undefined)
      out[key] = String(value)
  }
  return out
}

function flattenExtra(extra: unknown): Fields {
  let object = extra
  if (typeof extra === 'string') {
    try {
      object = JSON.parse(extra)
    } catch {
      return { extra }
    }
  }
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    return object === null || object === ''
      ? {}
      : { extra: JSON.stringify(object) }
  }
  return Object.fromEntries(
    Object.entries(object).map(([k, v]) => [`extra.${k}`, JSON.stringify(v)])
  )
}

/** The names of what differs, in a stable order; values only when safe. */
export function changedFields(
  kind: SecretKind,
  current: Fields,
  desired: Fields
): FieldChange[] {
  const a = kind === 'connection' ? connectionFields(current) : current
  const b = kind === 'connection' ? connectionFields(desired) : desired
  if (a === null || b === null)
    return [{ field: Object.keys(desired)[0] ?? 'value' }]
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  return keys
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((field) =>
      SHOWN_FIELDS.has(field)
        ? { field, from: show(a[field]), to: show(b[field]) }
        : { field }
    )
}

function show(value: unknown): string {
  return value === undefined ? '(none)' : String(value)
}

/** Same secret, whatever the key order: Vault returns keys sorted. */
export function sameData(current: Fields, desired: Fields): boolean {
  return canonical(current) === canonical(desired)
}

/** Key-order-free JSON of a secret: what its fingerprint is taken of. */
export function canonicalData(data: Record<string, unknown>): string {
  return canonical(data)
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
