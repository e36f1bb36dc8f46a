import { z } from 'zod'
import { StringOrRefSchema } from './value-ref.js'

/**
 * One object for both forms (a whole `uri`, or fields), so an unknown key is
 * reported against every valid key and not hidden inside a union's errors.
 * Which form applies is checked by the validation rules.
 */
export const ConnectionSchema = z
  .strictObject({
    uri: StringOrRefSchema.optional().describe(
      'A whole Airflow conn_uri. Cannot be combined with fields.'
    ),
    conn_type: z
      .string()
      .optional()
      .describe('Connection type, such as postgres or google_cloud_platform.'),
    description: z.string().optional(),
    host: StringOrRefSchema.optional(),
    port: z.int().min(0).max(65535).optional(),
    login: StringOrRefSchema.optional(),
    password: StringOrRefSchema.optional().describe(
      'Always { env: NAME } or { file: PATH }: a literal is refused.'
    ),
    schema: StringOrRefSchema.optional(),
    extra: z
      .record(z.string(), z.unknown())
      .optional()
      .describe(
        'Extra fields; any value may be { env: NAME } or { file: PATH }.'
      )
  })
  .describe('An Airflow connection: either `uri`, or `conn_type` and fields.')

export type ConnectionEntry = z.infer<typeof ConnectionSchema>

/** Fields that exist only in the fields form. */
export const FIELD_KEYS = [
  'conn_type',
  'description',
  'host',
  'port',
  'login',
  'password',
  'schema',
  'extra'
] as const
