/**
 * The Astro v1 OpenAPI spec, loaded once from the verbatim copy next to this
 * file (spec/README.md says where it comes from). The test server derives
 * what it validates and which fields are writable from it, so a newer copy
 * of the spec changes the server's behaviour without code changes.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

/** An OpenAPI 3.0 schema object (only the keywords validate.ts knows). */
export interface Schema {
  $ref?: string
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean'
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  enum?: unknown[]
  oneOf?: Schema[]
  discriminator?: { propertyName: string; mapping?: Record<string, string> }
  nullable?: boolean
  format?: string
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  description?: string
}

export interface Spec {
  schemas: Record<string, Schema>
}

export const SPEC_PATH = fileURLToPath(
  new URL('./spec/astro-v1.yml', import.meta.url)
)

let cached: Spec | undefined

export function loadSpec(): Spec {
  if (cached) return cached
  const doc = parse(readFileSync(SPEC_PATH, 'utf8')) as {
    components: { schemas: Record<string, Schema> }
  }
  cached = { schemas: doc.components.schemas }
  return cached
}

/** The schema a `#/components/schemas/X` reference points at. */
export function resolveRef(ref: string): Schema {
  const name = ref.replace('#/components/schemas/', '')
  const schema = loadSpec().schemas[name]
  if (!schema) throw new Error(`spec has no schema ${name}`)
  return schema
}

export function schemaNamed(name: string): Schema {
  return resolveRef(`#/components/schemas/${name}`)
}

/** Follows `$ref`s until a concrete schema. */
export function deref(schema: Schema): Schema {
  let s = schema
  while (s.$ref) s = resolveRef(s.$ref)
  return s
}

export type DeploymentType = 'STANDARD' | 'DEDICATED' | 'HYBRID'

/**
 * The request schema for a Deployment type, taken from the discriminator
 * mapping of UpdateDeploymentRequest (astro-api.md §1.2).
 */
export function updateSchemaFor(type: DeploymentType): Schema {
  const union = schemaNamed('UpdateDeploymentRequest')
  const ref = union.discriminator?.mapping?.[type]
  if (!ref) throw new Error(`no update schema for ${type}`)
  return resolveRef(ref)
}
