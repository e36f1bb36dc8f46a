/**
 * The Astro v1 OpenAPI spec, read from the verbatim copy next to this
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

export const SPEC_PATH = fileURLToPath(
  new URL('./spec/astro-v1.yml', import.meta.url)
)

/**
 * Schema name → its YAML text. Parsing the whole 350 kB file costs most
 * of a second per test file, and the server needs a dozen schemas, so each
 * `components.schemas` entry (a 4-space-indented key in this file) is
 * parsed on first use.
 */
let chunks: Map<string, string> | undefined
const parsed = new Map<string, Schema>()

function index(): Map<string, string> {
  if (chunks) return chunks
  const lines = readFileSync(SPEC_PATH, 'utf8').split('\n')
  chunks = new Map()
  let name: string | undefined
  let body: string[] = []
  const flush = (): void => {
    if (name) chunks?.set(name, body.join('\n'))
  }
  let inSchemas = false
  for (const line of lines) {
    if (line === '  schemas:') inSchemas = true
    else if (inSchemas && /^ {0,2}\S/.test(line)) break
    else if (inSchemas) {
      const key = /^ {4}([A-Za-z0-9_.-]+):\s*$/.exec(line)?.[1]
      if (key) {
        flush()
        name = key
        body = []
      }
      body.push(line)
    }
  }
  flush()
  return chunks
}

/** The schema a `#/components/schemas/X` reference points at. */
export function resolveRef(ref: string): Schema {
  const name = ref.replace('#/components/schemas/', '')
  const done = parsed.get(name)
  if (done) return done
  const text = index().get(name)
  if (text === undefined) throw new Error(`spec has no schema ${name}`)
  const schema = (parse(text) as Record<string, Schema>)[name] as Schema
  parsed.set(name, schema)
  return schema
}

/** Every schema name in the spec. */
export function schemaNames(): string[] {
  return [...index().keys()]
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
