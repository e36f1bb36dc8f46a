/**
 * What the example manifest means, read straight from its YAML and the
 * values a CI job would pass (scripts/example-values.ts), not through our
 * own model: the yardstick for what real Airflow reads back.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { parse } from 'yaml'
import { EXAMPLE_VALUES } from '../../../scripts/example-values.js'
import { EXAMPLE } from './readback-apply.js'

export type Meant =
  { uri: string } | { fields: Record<string, unknown>; description?: string }

export interface ExampleMeaning {
  connections: Record<string, Meant>
  /** Variables as Airflow should return them: always a string. */
  variables: Record<string, { text: string; json: boolean }>
  config: Record<string, string>
}

/** `{ env }` and `{ file }` replaced by their values, at any depth. */
function resolve(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>
    if (typeof v.env === 'string') return EXAMPLE_VALUES[v.env]
    if (typeof v.file === 'string')
      // One trailing newline is dropped, as the README says.
      return readFileSync(
        path.join(path.dirname(EXAMPLE), v.file),
        'utf8'
      ).replace(/\n$/, '')
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, resolve(x)])
    )
  }
  return Array.isArray(value) ? value.map(resolve) : value
}

export function exampleMeaning(): ExampleMeaning {
  const m = resolve(parse(readFileSync(EXAMPLE, 'utf8'))) as {
    connections: Record<string, Record<string, unknown>>
    variables: Record<string, unknown>
    config: Record<string, string>
  }
  const connections: Record<string, Meant> = {}
  for (const [id, c] of Object.entries<Record<string, unknown>>(
    m.connections
  )) {
    if (typeof c.uri === 'string') connections[id] = { uri: c.uri }
    else {
      const { description, ...fields } = c
      connections[id] = {
        fields,
        description: description as string | undefined
      }
    }
  }
  const variables: ExampleMeaning['variables'] = {}
  for (const [key, v] of Object.entries(m.variables)) {
    const json = typeof v === 'object' && v !== null
    variables[key] = { text: json ? JSON.stringify(v) : String(v), json }
  }
  return { connections, variables, config: m.config }
}

/** The fields a hook reads, as the oracle reports them. */
export interface ReadConnection {
  class: string
  conn_type: string | null
  host: string | null
  login: string | null
  password: string | null
  schema: string | null
  port: number | string | null
  description: string | null
  extra_dejson: Record<string, unknown>
  uri: string
  /** get_uri() parsed back by the same class. */
  reparsed: Record<string, unknown>
  /** The manifest's own conn_uri parsed by that class, for `uri:` entries. */
  meant: Record<string, unknown> | null
}

export const FIELDS = [
  'conn_type',
  'host',
  'login',
  'password',
  'schema',
  'port'
] as const
/** Shown in a mismatch; the others only by name, since they hold secrets. */
const SHOWN = new Set(['conn_type', 'host', 'schema', 'port', 'description'])

const unset = (v: unknown): boolean => v === null || v === undefined || v === ''

/** Field-by-field differences between what was meant and what was read. */
export function differences(
  expected: Record<string, unknown>,
  got: Record<string, unknown>
): string[] {
  const out: string[] = []
  for (const f of [...FIELDS, 'extra_dejson', 'description']) {
    if (!(f in expected)) continue
    const want = expected[f]
    const have = got[f]
    // An absent field comes back as None or "" depending on the path.
    const same = unset(want) ? unset(have) : isDeepStrictEqual(want, have)
    if (!same)
      out.push(
        SHOWN.has(f)
          ? `${f}: ${JSON.stringify(have)}, meant ${JSON.stringify(want)}`
          : `${f} differs`
      )
  }
  return out
}

/** What a field-style manifest entry means for the fields a hook reads. */
export function meantFields(
  meant: { fields: Record<string, unknown>; description?: string },
  format: 'uri' | 'json'
): Record<string, unknown> {
  const { extra, ...rest } = meant.fields
  return {
    ...Object.fromEntries(FIELDS.map((f) => [f, rest[f] ?? null])),
    extra_dejson: extra ?? {},
    // A conn_uri has no place for a description (README, "Conversions").
    description: format === 'json' ? (meant.description ?? null) : null
  }
}
