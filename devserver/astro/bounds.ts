/**
 * The scalar and array limits of OpenAPI 3.0 the Astro spec uses: string
 * length (in characters, as Go's validators count runes), format date-time
 * (RFC 3339), numeric minimum/maximum and minItems/maxItems.
 */
import type { Schema } from './spec.js'

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** [code, message] for each limit the value breaks. */
export function bounds(
  schema: Schema,
  value: unknown
): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const check = (broken: boolean, code: string, message: string): void => {
    if (broken) out.push([code, message])
  }
  const { minLength, maxLength, minimum, maximum, minItems, maxItems } = schema
  if (typeof value === 'string') {
    const length = [...value].length
    check(
      maxLength !== undefined && length > maxLength,
      'max',
      `must be at most ${maxLength} characters`
    )
    check(
      minLength !== undefined && length < minLength,
      'min',
      `must be at least ${minLength} characters`
    )
    check(
      schema.format === 'date-time' && !DATE_TIME.test(value),
      'datetime',
      'must be an RFC 3339 date-time'
    )
  } else if (typeof value === 'number') {
    check(
      minimum !== undefined && value < minimum,
      'min',
      `must be at least ${minimum}`
    )
    check(
      maximum !== undefined && value > maximum,
      'max',
      `must be at most ${maximum}`
    )
  } else if (Array.isArray(value)) {
    check(
      minItems !== undefined && value.length < minItems,
      'min',
      `must have at least ${minItems} items`
    )
    check(
      maxItems !== undefined && value.length > maxItems,
      'max',
      `must have at most ${maxItems} items`
    )
  }
  return out
}
