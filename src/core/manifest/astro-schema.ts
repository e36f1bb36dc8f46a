import { z } from 'zod'
import { StringOrRefSchema } from './value-ref.js'

/**
 * The kwargs Airflow's VaultBackend is built with. Any provider or hvac
 * kwarg may appear (the provider passes unknown ones to hvac.Client), so the
 * object is open; known names are checked by the validation rules.
 */
export const BackendKwargsSchema = z
  .record(
    z.string(),
    z.union([StringOrRefSchema, z.number(), z.boolean(), z.null()])
  )
  .describe(
    'VaultBackend kwargs (url, auth_type and its parameters). mount_point, the paths and kv_engine_version come from `vault:`.'
  )

export const DeploymentSchema = z.strictObject({
  id: z.string().min(1).describe('Astro Deployment id.'),
  name: z.string().optional().describe('A label for reports.'),
  backend_kwargs: BackendKwargsSchema.optional().describe(
    'Overrides of the shared backend_kwargs for this Deployment.'
  ),
  wait: z
    .enum(['healthy', 'none'])
    .optional()
    .describe('After an update, wait until the Deployment is HEALTHY.')
})

export const AstroSchema = z
  .strictObject({
    organization_id: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Astro organization id; else ASTRO_ORGANIZATION_ID or the token.'
      ),
    deployments: z.array(DeploymentSchema).min(1),
    backend_kwargs: BackendKwargsSchema.default({}),
    wait: z.enum(['healthy', 'none']).default('none')
  })
  .describe(
    'Astro Deployments to point at Vault through AIRFLOW__SECRETS__BACKEND.'
  )

export type AstroSettings = z.infer<typeof AstroSchema>
export type Deployment = z.infer<typeof DeploymentSchema>
export type BackendKwargs = z.infer<typeof BackendKwargsSchema>
