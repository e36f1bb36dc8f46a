import { z } from 'zod'
import { StringOrRefSchema } from './value-ref.js'
import { ConnectionSchema } from './connection-schema.js'
import { AstroSchema } from './astro-schema.js'
import { ProvisionSchema } from './provision-schema.js'

/**
 * Manifest v1, written once: validation, the types and the published JSON
 * Schema (schema/manifest.schema.json) all come from these definitions.
 */
const BasePath = z
  .string()
  .nullable()
  .describe(
    'Path under the mount, as VaultBackend reads it. null: not managed.'
  )

export const VaultSettingsSchema = z
  .strictObject({
    mount: z
      .string()
      .min(1)
      .default('secret')
      .describe('The KV mount Airflow reads (VaultBackend mount_point).'),
    kv_version: z
      .union([z.literal(1), z.literal(2)])
      .optional()
      .describe('KV engine version. When absent, detected from Vault.'),
    namespace: z
      .string()
      .optional()
      .describe('Vault Enterprise / HCP namespace, such as "admin".'),
    connections_path: BasePath.default('connections'),
    variables_path: BasePath.default('variables'),
    config_path: BasePath.default('config'),
    connection_format: z
      .enum(['uri', 'json'])
      .default('uri')
      .describe(
        'uri: {"conn_uri": "..."}; json: the connection fields as the secret.'
      ),
    prune: z
      .union([z.boolean(), z.literal('all')])
      .default(false)
      .describe(
        'Delete secrets under managed paths that the manifest no longer lists: true = only those this tool wrote, "all" = every one.'
      ),
    prune_mode: z
      .enum(['soft', 'destroy'])
      .default('soft')
      .describe('KV v2: soft delete (recoverable) or destroy every version.')
  })
  .describe('Where and how secrets are written in Vault.')

/** Variables are strings in Airflow; other YAML values are converted. */
export const VariableValueSchema = z.union([
  StringOrRefSchema,
  z.number(),
  z.boolean(),
  z.array(z.unknown()),
  z.record(z.string(), z.unknown())
])

export const ManifestSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1).describe('Manifest format version. Always 1.'),
    vault: VaultSettingsSchema.prefault({}),
    connections: z
      .record(z.string(), ConnectionSchema)
      .default({})
      .describe('Airflow connections by conn_id.'),
    variables: z
      .record(z.string(), VariableValueSchema)
      .default({})
      .describe('Airflow variables by key.'),
    config: z
      .record(z.string(), StringOrRefSchema)
      .default({})
      .describe('Airflow config secrets (the *_secret options) by name.'),
    astro: AstroSchema.optional(),
    provision: ProvisionSchema.optional()
  })
  .describe('airflow-vault-sync secrets manifest')

export type Manifest = z.infer<typeof ManifestSchema>
export type VaultSettings = z.infer<typeof VaultSettingsSchema>
export type VariableValue = z.infer<typeof VariableValueSchema>
