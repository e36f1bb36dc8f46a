import { z } from 'zod'

/**
 * The `provision:` section: the Vault side of Airflow's identity (mount,
 * policies, AppRole, optional GitHub JWT role). Its presence also says that
 * Astro Deployments get their role_id and secret_id from `provision`, not
 * from the manifest.
 */

/** Seconds, or a Go-style duration Vault accepts: "90s", "15m", "1h30m", "7d". */
export const DurationSchema = z
  .union([
    z.number().int().min(0),
    z
      .string()
      .regex(
        /^(0|\d+|(\d+[dhms])+)$/,
        'a duration like "15m", "1h", "1h30m", "7d" or a number of seconds'
      )
  ])
  .describe('Seconds, or a duration like "15m", "1h", "7d".')

/** Vault lower-cases policy names; ours are written lower-case so they match. */
const PolicyName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'lower-case letters, digits, _ . -')
  .refine((s) => s !== 'root' && s !== 'default', 'a built-in policy name')

const Cidrs = z.array(z.string().min(1)).default([])

export const AppRoleSettingsSchema = z.strictObject({
  mount: z
    .string()
    .regex(/^[\w.-]+(\/[\w.-]+)*$/)
    .default('approle')
    .describe('Where the AppRole auth method is mounted; enabled if missing.'),
  name: z
    .string()
    .regex(/^[A-Za-z0-9 _.{}-]+$/)
    .optional()
    .describe(
      'Role name; `{deployment}` becomes each Deployment’s name (or id). Default airflow-{deployment}, or airflow-<mount> without astro:.'
    ),
  token_ttl: DurationSchema.default('1h'),
  token_max_ttl: DurationSchema.default('4h'),
  secret_id_ttl: DurationSchema.default(0).describe(
    '0: the secret-id never expires (rotate it with --rotate-secret-id); an expired one stops Airflow from reading any secret.'
  ),
  secret_id_bound_cidrs: Cidrs,
  token_bound_cidrs: Cidrs
})

export const GithubJwtSchema = z.strictObject({
  mount: z
    .string()
    .regex(/^[\w.-]+(\/[\w.-]+)*$/)
    .default('jwt'),
  issuer: z
    .url()
    .default('https://token.actions.githubusercontent.com')
    .describe(
      'OIDC issuer; GitHub Enterprise Server: https://HOST/_services/token.'
    ),
  role: z
    .string()
    .regex(/^[\w.@-]+$/)
    .default('airflow-vault-sync'),
  bound_audiences: z
    .array(z.string().min(1))
    .min(1)
    .describe(
      'Audiences the CI asks GitHub for (vault-jwt-audience), e.g. https://github.com/<owner>.'
    ),
  repository: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, 'owner/name')
    .describe('Only this repository’s workflows may log in.'),
  ref: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
    .optional()
    .describe(
      'Only these refs, e.g. refs/heads/main, or [refs/heads/main, "refs/pull/*/merge"] so pull requests can plan (a * makes the claims globs). Absent: any ref.'
    ),
  token_ttl: DurationSchema.default('15m')
})

export const ProvisionSchema = z
  .strictObject({
    create_mount: z
      .boolean()
      .default(true)
      .describe('Enable the KV mount at vault.mount when it is missing.'),
    reader_policy: PolicyName.optional().describe(
      'Airflow’s read-only policy. Default airflow-<mount>.'
    ),
    sync_policy: z
      .strictObject({
        name: PolicyName.optional().describe(
          'Default airflow-vault-sync-<mount>.'
        ),
        create: z
          .boolean()
          .default(false)
          .describe(
            'Write it to Vault (always printed in the plan). Implied by github_jwt.'
          )
      })
      .prefault({}),
    approle: AppRoleSettingsSchema.prefault({}),
    github_jwt: GithubJwtSchema.optional().describe(
      'A JWT role for GitHub Actions OIDC with the sync policy: CI logs in without a stored secret.'
    )
  })
  .describe(
    'What `provision` creates in Vault for Airflow (an operator runs it with an admin token).'
  )

export type ProvisionSettings = z.infer<typeof ProvisionSchema>
export type AppRoleSettings = z.infer<typeof AppRoleSettingsSchema>
export type GithubJwtSettings = z.infer<typeof GithubJwtSchema>
