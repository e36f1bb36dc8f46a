import type { Manifest } from '../manifest/schema.js'
import type { ConnectionEntry } from '../manifest/connection-schema.js'
import { isValueRef, type ValueRef } from '../manifest/value-ref.js'
import { buildConnUri } from '../airflow/build-conn-uri.js'
import { connectionFieldsFromInput } from '../airflow/build-conn-uri.js'
import { parseConnUri } from '../airflow/parse-conn-uri.js'
import type { ConnectionFields } from '../airflow/connection.js'
import { materializeConnection } from '../validate/rules/materialize.js'

export type SecretKind = 'connection' | 'variable' | 'config'

/** One secret as VaultBackend must find it (airflow.md §4.4-4.6). */
export interface DesiredSecret {
  kind: SecretKind
  key: string
  /** Relative to the mount: `{base}/{key}`, or the key when base is "". */
  path: string
  data: Record<string, unknown>
  /** Where it is declared, for problems. */
  at: (string | number)[]
}

export type Read = (ref: ValueRef) => string

export function secretPath(base: string, key: string): string {
  return base === '' ? key : `${base}/${key}`
}

/** Every secret the manifest declares, with references already read. */
export function desiredSecrets(
  manifest: Manifest,
  read: Read
): DesiredSecret[] {
  const { vault } = manifest
  const out: DesiredSecret[] = []
  if (vault.connections_path !== null) {
    for (const [id, entry] of Object.entries(manifest.connections)) {
      out.push({
        kind: 'connection',
        key: id,
        path: secretPath(vault.connections_path, id),
        data: connectionData(entry, vault.connection_format, read),
        at: ['connections', id]
      })
    }
  }
  const simple = [
    ['variable', vault.variables_path, manifest.variables, 'variables'],
    ['config', vault.config_path, manifest.config, 'config']
  ] as const
  for (const [kind, base, entries, section] of simple) {
    if (base === null) continue
    for (const [key, value] of Object.entries(entries)) {
      out.push({
        kind,
        key,
        path: secretPath(base, key),
        data: { value: variableText(value, read) },
        at: [section, key]
      })
    }
  }
  return out
}

/**
 * Airflow variables are strings: text as it is, numbers and booleans as
 * their YAML text, mappings and lists as JSON (Variable.get(...,
 * deserialize_json=True) reads them back).
 */
export function variableText(value: unknown, read: Read): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value)
  if (isValueRef(value)) return read(value)
  return JSON.stringify(value)
}

function connectionData(
  entry: ConnectionEntry,
  format: 'uri' | 'json',
  read: Read
): Record<string, unknown> {
  if (entry.uri !== undefined) {
    const uri = typeof entry.uri === 'string' ? entry.uri : read(entry.uri)
    if (format === 'uri') return { conn_uri: uri }
    const parsed = parseConnUri(uri)
    if (!parsed.ok) throw new Error(`unparsable uri: ${parsed.code}`)
    return fieldStyle(parsed.fields, entry.description)
  }
  const input = materializeConnection(entry, read)
  if (format === 'uri') return { conn_uri: buildConnUri(input) }
  return fieldStyle(connectionFieldsFromInput(input), entry.description)
}

/** The field-style secret: only Connection's own keys, none empty (§4.6). */
function fieldStyle(
  fields: ConnectionFields,
  description?: string
): Record<string, unknown> {
  const out: Record<string, unknown> = { conn_type: fields.conn_type }
  for (const key of [
    'host',
    'login',
    'password',
    'schema',
    'port',
    'extra'
  ] as const) {
    const value = fields[key]
    if (value !== null && value !== '') out[key] = value
  }
  if (description) out.description = description
  return out
}
