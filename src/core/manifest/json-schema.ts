import { z } from 'zod'
import { ManifestSchema } from './schema.js'

export const SCHEMA_ID =
  'https://github.com/airflow-vault-sync/airflow-vault-sync/raw/main/schema/manifest.schema.json'

/**
 * The JSON Schema editors use (yaml-language-server). It describes what a
 * user writes, so defaults are optional: the input side of the schema.
 */
export function manifestJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ManifestSchema, {
    io: 'input',
    target: 'draft-7'
  })
  return { ...schema, $id: SCHEMA_ID, title: 'airflow-vault-sync manifest' }
}
