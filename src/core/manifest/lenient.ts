import { z } from 'zod'
import {
  ManifestSchema,
  VariableValueSchema,
  VaultSettingsSchema,
  type Manifest
} from './schema.js'
import { ConnectionSchema } from './connection-schema.js'
import { AstroSchema } from './astro-schema.js'
import { StringOrRefSchema } from './value-ref.js'

/**
 * The manifest made of every part that is valid on its own. A wrong port in
 * one connection must not hide a literal password in another: the semantic
 * checks run on this, while the schema problems are reported separately.
 */
export function lenientManifest(data: unknown): Manifest {
  const raw = isRecord(data) ? data : {}
  const strict = ManifestSchema.safeParse(raw)
  if (strict.success) return strict.data
  return {
    version: 1,
    vault: VaultSettingsSchema.parse(
      validFields(raw.vault, VaultSettingsSchema.shape)
    ),
    connections: validEntries(raw.connections, ConnectionSchema),
    variables: validEntries(raw.variables, VariableValueSchema),
    config: validEntries(raw.config, StringOrRefSchema),
    astro: AstroSchema.safeParse(raw.astro).data
  }
}

function validEntries<T>(
  value: unknown,
  schema: z.ZodType<T>
): Record<string, T> {
  if (!isRecord(value)) return {}
  const entries: Record<string, T> = {}
  for (const [key, item] of Object.entries(value)) {
    const parsed = schema.safeParse(item)
    if (parsed.success) entries[key] = parsed.data
  }
  return entries
}

/** The keys of an object whose values pass their own schema. */
function validFields(
  value: unknown,
  shape: Record<string, z.ZodType>
): Record<string, unknown> {
  if (!isRecord(value)) return {}
  return Object.fromEntries(
    Object.entries(value).filter(
      ([key, item]) => shape[key]?.safeParse(item).success
    )
  )
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
