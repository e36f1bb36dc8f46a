/** The shapes of the admin API's answers, normalised for comparison. */
import { z } from 'zod'
import type { MountInfo } from '../../core/provision/state.js'

export const MountTable = z.record(
  z.string(),
  z.unknown().transform((v): MountInfo | undefined => {
    const m = z
      .object({
        type: z.string(),
        options: z.record(z.string(), z.unknown()).nullish()
      })
      .safeParse(v)
    if (!m.success) return undefined
    const version = m.data.options?.version
    return { type: m.data.type, version: version ? String(version) : undefined }
  })
)
export const Data = <T extends z.ZodType>(data: T): z.ZodObject<{ data: T }> =>
  z.object({ data })
export const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => [...(v ?? [])].sort())

export const AppRoleAnswer = Data(
  z.object({
    token_policies: strings,
    token_ttl: z.number(),
    token_max_ttl: z.number(),
    secret_id_ttl: z.number(),
    secret_id_num_uses: z.number(),
    bind_secret_id: z.boolean(),
    secret_id_bound_cidrs: strings,
    token_bound_cidrs: strings
  })
)
export const JwtRoleAnswer = Data(
  z.object({
    role_type: z.string(),
    user_claim: z.string(),
    bound_audiences: strings,
    bound_claims: z.record(z.string(), z.unknown()).nullish(),
    bound_claims_type: z.string().default('string'),
    token_policies: strings,
    token_ttl: z.number()
  })
)
export const SecretIdAnswer = Data(
  z.object({ secret_id: z.string(), secret_id_accessor: z.string() })
)
export const AccessorAnswer = Data(
  z.object({
    metadata: z.record(z.string(), z.string()).nullish(),
    expiration_time: z.string().nullish()
  })
)
export const ZERO_TIME = /^0001-01-01/
