/**
 * Typed access to request fields with the framework's validation errors
 * (`sdk/framework/field_data.go`): a value that cannot be converted gives
 * 400 `Field validation failed: error converting input <v> for field "<f>":
 * <mapstructure error>` (vault-api.md §2.3).
 */
import { type ErrorResult, fail } from './response.js'
import { intList, isObject, stringList, weakBool, weakInt } from '../util/go.js'
import { parseDurationSecond } from '../util/time.js'

/** Go's `%v` for JSON values. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`
  if (isObject(v)) {
    const parts = Object.keys(v)
      .sort()
      .map((k) => `${k}:${goValue(v[k])}`)
    return `map[${parts.join(' ')}]`
  }
  return String(v)
}

function goType(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64'
  if (Array.isArray(v)) return 'slice'
  return 'map'
}

function invalid(field: string, value: unknown, reason: string): ErrorResult {
  return fail(
    400,
    `Field validation failed: error converting input ${goValue(value)} for field "${field}": ${reason}`
  )
}

export type Field<T> = T | ErrorResult | undefined

export function isError(v: unknown): v is ErrorResult {
  return isObject(v) && v.kind === 'error'
}

const present = (data: Record<string, unknown>, f: string): boolean =>
  data[f] !== undefined && data[f] !== null

export function intField(
  data: Record<string, unknown>,
  f: string
): Field<number> {
  if (!present(data, f)) return undefined
  const n = weakInt(data[f])
  if (n !== undefined) return n
  const v = data[f]
  return invalid(
    f,
    v,
    typeof v === 'string'
      ? `cannot parse '' as int: strconv.ParseInt: parsing "${v}": invalid syntax`
      : `'' expected type 'int', got unconvertible type '${goType(v)}'`
  )
}

export function boolField(
  data: Record<string, unknown>,
  f: string
): Field<boolean> {
  if (!present(data, f)) return undefined
  const b = weakBool(data[f])
  if (b !== undefined) return b
  const v = data[f]
  return invalid(
    f,
    v,
    `cannot parse '' as bool: strconv.ParseBool: parsing "${goValue(v)}": invalid syntax`
  )
}

export function mapField(
  data: Record<string, unknown>,
  f: string
): Field<Record<string, unknown>> {
  if (!present(data, f)) return undefined
  const v = data[f]
  if (isObject(v)) return v
  return invalid(f, v, `'' expected a map, got '${goType(v)}'`)
}

export function durationField(
  data: Record<string, unknown>,
  f: string
): Field<number> {
  if (!present(data, f)) return undefined
  const d = parseDurationSecond(data[f])
  if (d !== undefined) return d
  return invalid(f, data[f], `time: invalid duration "${goValue(data[f])}"`)
}

export function stringListField(
  data: Record<string, unknown>,
  f: string
): Field<string[]> {
  if (!present(data, f)) return undefined
  const list = stringList(data[f])
  return (
    list ?? invalid(f, data[f], `'' expected a slice, got '${goType(data[f])}'`)
  )
}

export function intListField(
  data: Record<string, unknown>,
  f: string
): Field<number[]> {
  if (!present(data, f)) return []
  const list = intList(data[f])
  return (
    list ?? invalid(f, data[f], `'' expected a slice, got '${goType(data[f])}'`)
  )
}

export function stringField(data: Record<string, unknown>, f: string): string {
  const v = data[f]
  if (v === undefined || v === null) return ''
  return typeof v === 'string' ? v : goValue(v)
}
