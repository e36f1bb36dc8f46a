import type { z } from 'zod'
import { EnvRefSchema, FileRefSchema } from '../manifest/value-ref.js'

/**
 * zod's issues say what failed, not what would have passed. To suggest the
 * nearest valid key and say what a value should be, the schema itself is
 * walked along the path.
 */
interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  valueType?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  innerType?: z.ZodType
  values?: unknown[]
  entries?: Record<string, unknown>
  format?: string
}

function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault'])

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  while (WRAPPERS.has(def(current).type)) {
    current = def(current).innerType as z.ZodType
  }
  return current
}

function child(schema: z.ZodType, segment: string | number): z.ZodType[] {
  const d = def(unwrap(schema))
  switch (d.type) {
    case 'object':
      return d.shape && segment in d.shape
        ? [d.shape[segment] as z.ZodType]
        : []
    case 'record':
      return d.valueType ? [d.valueType] : []
    case 'array':
      return d.element ? [d.element] : []
    case 'union':
      return (d.options ?? []).flatMap((o) => child(o, segment))
    default:
      return []
  }
}

/** Every schema a data path can lead to (unions give several). */
export function schemasAt(
  root: z.ZodType,
  path: readonly PropertyKey[]
): z.ZodType[] {
  let current = [root]
  for (const segment of path) {
    if (typeof segment === 'symbol') return []
    current = current.flatMap((s) => child(s, segment))
  }
  return current
}

/** Object keys a schema allows, through any nesting of unions. */
function objectKeys(schema: z.ZodType): string[] {
  const d = def(unwrap(schema))
  if (d.type === 'union') return (d.options ?? []).flatMap(objectKeys)
  return Object.keys(d.shape ?? {})
}

/** The keys an object at this path may have. */
export function objectKeysAt(
  root: z.ZodType,
  path: readonly PropertyKey[]
): string[] {
  return [...new Set(schemasAt(root, path).flatMap(objectKeys))]
}

/** "a string, or { env: NAME } or { file: PATH }" and the like. */
export function describeExpected(schema: z.ZodType): string {
  if (schema === EnvRefSchema) return '{ env: NAME }'
  if (schema === FileRefSchema) return '{ file: PATH }'
  const inner = unwrap(schema)
  const d = def(inner)
  switch (d.type) {
    case 'string':
      return 'a string'
    case 'number':
      return d.format?.includes('int') ? 'a whole number' : 'a number'
    case 'boolean':
      return 'true or false'
    case 'literal':
      return (d.values ?? []).map((v) => JSON.stringify(v)).join(' or ')
    case 'enum':
      return `one of ${Object.values(d.entries ?? {})
        .map((v) => JSON.stringify(v))
        .join(', ')}`
    case 'object':
    case 'record':
      return 'a mapping'
    case 'array':
      return 'a list'
    case 'null':
      return 'null'
    case 'union': {
      const options = [...new Set((d.options ?? []).map(describeExpected))]
      const literals = (d.options ?? []).every(
        (o) => def(unwrap(o)).type === 'literal'
      )
      return options.join(literals ? ' or ' : ', or ')
    }
    default:
      return 'a valid value'
  }
}

/** YAML's names for what the user wrote. */
export function describeActual(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'string') return 'a string'
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'a whole number' : 'a number'
  }
  return typeof value === 'boolean' ? `${value}` : typeof value
}
