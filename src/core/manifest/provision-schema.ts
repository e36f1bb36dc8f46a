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

const Refs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])

/** GitHub sends ids as strings in the token; `gh api` prints numbers. */
const GithubId = z
  .union([z.number().int().positive(), z.string().regex(/^\d+$/)])
  .transform(String)

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
  plan_role: z
    .string()
    .regex(/^[\w.@-]+$/)
    .default('airflow-vault-sync-plan')
    .describe(
      'The read-only role for plan and drift (vault-jwt-role of pull-request and drift jobs): pull requests and `ref`.'
    ),
  apply_role: z
    .string()
    .regex(/^[\w.@-]+$/)
    .default('airflow-vault-sync-apply')
    .describe(
      'The role with the sync policy (vault-jwt-role of the apply job): `ref`, `environment` and `job_workflow_ref` only.'
    ),
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
  repository_id: GithubId.optional().describe(
    'The repository’s numeric id, so a repository recreated under the same name cannot log in: `gh api repos/OWNER/REPO --jq .id`.'
  ),
  repository_owner_id: GithubId.optional().describe(
    'The owner’s numeric id, so a renamed or re-registered owner cannot log in: `gh api repos/OWNER/REPO --jq .owner.id`.'
  ),
  ref: Refs.optional().describe(
    'The branch apply runs from, normally the default branch: refs/heads/main (a * makes the claims globs). Plan may also log in from it; pull requests get the plan role by their merge ref, never the apply role.'
  ),
  environment: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Apply only from jobs in this GitHub environment (environment: production), so its required reviewers guard every write.'
    ),
  job_workflow_ref: Refs.optional().describe(
    'Apply only from this reusable workflow, e.g. airflow-vault-sync/airflow-vault-sync/.github/workflows/airflow-secrets.yml@refs/tags/v0.'
  ),
  allow_any_ref: z
    .boolean()
    .default(false)
    .describe(
      'Without ref or environment, any branch could apply; say true to mean it.'
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
    plan_policy: PolicyName.optional().describe(
      'The read-only policy of the plan role: metadata, never a value. Default airflow-vault-sync-plan-<mount>.'
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
            'Write it and the plan policy to Vault (always printed in the plan). Implied by github_jwt.'
          )
      })
      .prefault({}),
    approle: AppRoleSettingsSchema.prefault({}),
    github_jwt: GithubJwtSchema.optional().describe(
      'Two JWT roles for GitHub Actions OIDC: a read-only plan role for pull requests and drift, an apply role with the sync policy for the default branch. CI logs in without a stored secret.'
    )
  })
  .describe(
    'What `provision` creates in Vault for Airflow (an operator runs it with an admin token).'
  )

export type ProvisionSettings = z.infer<typeof ProvisionSchema>
export type AppRoleSettings = z.infer<typeof AppRoleSettingsSchema>
export type GithubJwtSettings = z.infer<typeof GithubJwtSchema>
