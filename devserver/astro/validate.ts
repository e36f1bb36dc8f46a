/**
 * A validator for the subset of OpenAPI 3.0 the Astro spec uses: $ref,
 * type, properties, required, additionalProperties, items, enum, nullable,
 * the length/count/range bounds, format date-time and oneOf with a
 * discriminator. Hand-written rather than Ajv because the spec's oneOf
 * variants all allow every `type` value, so plain JSON Schema oneOf
 * matches two or three variants and rejects every body; OpenAPI says the
 * discriminator mapping picks the variant, which is what Astro does.
 */
import { bounds } from './bounds.js'
import { deref, type Schema, schemaNamed } from './spec.js'

/** The spec's FieldValidationError. */
export interface FieldError {
  field: string
  code: string
  message: string
}

export interface ValidationResult {
  errors: FieldError[]
  /** Properties the schema does not define (allowed, but ignored). */
  unknown: string[]
}

export function validate(schemaName: string, value: unknown): ValidationResult {
  return validateSchema(schemaNamed(schemaName), value)
}

export function validateSchema(
  schema: Schema,
  value: unknown
): ValidationResult {
  const out: ValidationResult = { errors: [], unknown: [] }
  walk(schema, value, '', out)
  return out
}

function at(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path ? `${path}.${key}` : key
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  if (value === null) return 'null'
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer'
  return typeof value
}

function walk(
  raw: Schema,
  value: unknown,
  path: string,
  out: ValidationResult
): void {
  const schema = deref(raw)
  const fail = (code: string, message: string): void => {
    out.errors.push({ field: path || '(body)', code, message })
  }
  if (value === null) {
    if (!schema.nullable) fail('type', `${path || 'body'} must not be null`)
    return
  }
  if (schema.oneOf) return oneOf(schema, value, path, out)
  const actual = typeOf(value)
  const want = schema.type
  const ok =
    !want || actual === want || (want === 'number' && actual === 'integer')
  if (!ok) return fail('type', `${path || 'body'} must be ${want}`)
  if (schema.enum && !schema.enum.includes(value)) {
    return fail('enum', `${path} must be one of ${schema.enum.join(', ')}`)
  }
  for (const [code, message] of bounds(schema, value))
    fail(code, `${path} ${message}`)
  if (Array.isArray(value) && schema.items) {
    const items = schema.items
    value.forEach((v, i) => walk(items, v, at(path, i), out))
  } else if (actual === 'object') {
    object(schema, value as Record<string, unknown>, path, out)
  }
}

function object(
  schema: Schema,
  value: Record<string, unknown>,
  path: string,
  out: ValidationResult
): void {
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) {
      out.errors.push({
        field: at(path, key),
        code: 'required',
        message: `${at(path, key)} is required`
      })
    }
  }
  const props = schema.properties ?? {}
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue
    const prop = props[key]
    if (prop) walk(prop, v, at(path, key), out)
    else if (schema.additionalProperties === false) {
      out.errors.push({
        field: at(path, key),
        code: 'unknown',
        message: `${at(path, key)} is not allowed`
      })
    } else if (typeof schema.additionalProperties === 'object') {
      walk(schema.additionalProperties, v, at(path, key), out)
    } else if (schema.properties) out.unknown.push(at(path, key))
  }
}

/** OpenAPI oneOf: the discriminator picks the variant; else exactly one. */
function oneOf(
  schema: Schema,
  value: unknown,
  path: string,
  out: ValidationResult
): void {
  const d = schema.discriminator
  if (d && typeOf(value) === 'object') {
    const tag = (value as Record<string, unknown>)[d.propertyName]
    const field = at(path, d.propertyName)
    const ref = typeof tag === 'string' ? d.mapping?.[tag] : undefined
    if (ref) return walk({ $ref: ref }, value, path, out)
    const allowed = Object.keys(d.mapping ?? {}).join(', ')
    const code = tag === undefined ? 'required' : 'oneof'
    out.errors.push({ field, code, message: `${field} must be ${allowed}` })
    return
  }
  const fits = (schema.oneOf ?? []).filter(
    (s) => validateSchema(s, value).errors.length === 0
  )
  if (fits.length !== 1) {
    out.errors.push({
      field: path || '(body)',
      code: 'oneof',
      message: `${path || 'body'} matches ${fits.length} of the oneOf schemas`
    })
  }
}
