import type { ConnectionEntry } from '../../manifest/connection-schema.js'
import { isValueRef, type ValueRef } from '../../manifest/value-ref.js'
import type { ConnectionInput } from '../../airflow/connection.js'

/**
 * Stands in for a value that is not available at validate time. It is plain
 * text that survives every encoding, so a round-trip problem is only ever
 * reported for what the manifest really says.
 */
export const PLACEHOLDER = 'value-from-reference'

type Read = (ref: ValueRef) => string | undefined

function value(
  field: string | ValueRef | undefined,
  read: Read
): string | undefined {
  if (field === undefined || typeof field === 'string') return field
  return read(field) ?? PLACEHOLDER
}

function materializeExtra(value: unknown, read: Read): unknown {
  if (isValueRef(value)) return read(value) ?? PLACEHOLDER
  if (Array.isArray(value)) return value.map((v) => materializeExtra(v, read))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, materializeExtra(v, read)])
    )
  }
  return value
}

/** The connection as Airflow would be given it, references read. */
export function materializeConnection(
  entry: ConnectionEntry,
  read: Read
): ConnectionInput {
  return {
    conn_type: entry.conn_type ?? '',
    host: value(entry.host, read) ?? null,
    schema: value(entry.schema, read) ?? null,
    login: value(entry.login, read) ?? null,
    password: value(entry.password, read) ?? null,
    port: entry.port ?? null,
    // The extra is a mapping of values, never a reference as a whole (as
    // collectRefs reads it): `extra: { file: x }` is an extra named file.
    extra:
      entry.extra === undefined
        ? null
        : Object.fromEntries(
            Object.entries(entry.extra).map(([k, v]) => [
              k,
              materializeExtra(v, read)
            ])
          )
  }
}
