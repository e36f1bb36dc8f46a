import * as core from '@actions/core'

/** Input names in one place, as action.yml declares them. */
export const Inputs = {
  Command: 'command',
  Manifest: 'manifest',
  VaultAddress: 'vault-address',
  VaultNamespace: 'vault-namespace',
  VaultAuthMethod: 'vault-auth-method',
  VaultToken: 'vault-token',
  VaultRoleId: 'vault-role-id',
  VaultSecretId: 'vault-secret-id',
  VaultAuthMount: 'vault-auth-mount',
  VaultJwtRole: 'vault-jwt-role',
  VaultJwtAudience: 'vault-jwt-audience',
  VaultCaCert: 'vault-ca-cert',
  AstroApiToken: 'astro-api-token',
  AstroOrganizationId: 'astro-organization-id',
  Concurrency: 'concurrency',
  FailOnDrift: 'fail-on-drift',
  Prune: 'prune',
  CommentOnPr: 'comment-on-pr',
  DriftIssue: 'drift-issue',
  GitHubToken: 'github-token',
  RotateSecretId: 'rotate-secret-id'
} as const

export const COMMANDS = [
  'validate',
  'plan',
  'apply',
  'drift',
  'provision-plan',
  'provision',
  'check-access'
] as const
export type ActionCommand = (typeof COMMANDS)[number]

/** Everything the Action was asked to do, parsed once. */
export interface ActionSettings {
  command: ActionCommand
  manifest: string
  /** The runner's checkout: file references may not leave it. */
  workspace: string
  concurrency: number
  failOnDrift: boolean
  /** The vault CLI's variables, with the inputs laid over them. */
  vaultEnv: NodeJS.ProcessEnv
  /** GitHub OIDC audience, when Vault is logged into with a JWT. */
  jwtAudience?: string
  /** Overrides vault.prune in the manifest when set. */
  prune?: boolean | 'all'
  commentOnPr: 'never' | 'always' | 'on-change'
  driftIssue: boolean
  githubToken?: string
  /** provision: issue a new secret-id and retire the old one. */
  rotateSecretId: boolean
}

export class InputError extends Error {}

export function getSettings(env: NodeJS.ProcessEnv): ActionSettings {
  const input = (name: string): string => core.getInput(name)
  const command = input(Inputs.Command) || 'validate'
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new InputError(
      `Invalid command '${command}'. Expected one of: ${COMMANDS.join(', ')}.`
    )
  }
  const concurrencyText = input(Inputs.Concurrency) || '16'
  const concurrency = Number(concurrencyText)
  if (!/^\d+$/.test(concurrencyText) || concurrency < 1 || concurrency > 256) {
    throw new InputError(
      `Invalid concurrency '${concurrencyText}'. Expected a number from 1 to 256.`
    )
  }
  const failOnDrift = (input(Inputs.FailOnDrift) || 'true').toLowerCase()
  if (failOnDrift !== 'true' && failOnDrift !== 'false') {
    throw new InputError(
      `Invalid fail-on-drift '${failOnDrift}'. Expected true or false.`
    )
  }
  const prune = oneOf(
    input(Inputs.Prune),
    ['', 'true', 'false', 'all'],
    Inputs.Prune
  )
  const commentOnPr = oneOf(
    input(Inputs.CommentOnPr) || 'on-change',
    ['never', 'always', 'on-change'],
    Inputs.CommentOnPr
  )
  const driftIssue = oneOf(
    input(Inputs.DriftIssue) || 'false',
    ['true', 'false'],
    Inputs.DriftIssue
  )
  const rotate = oneOf(
    input(Inputs.RotateSecretId) || 'false',
    ['true', 'false'],
    Inputs.RotateSecretId
  )
  return {
    command: command as ActionCommand,
    prune:
      prune === '' ? undefined : prune === 'all' ? 'all' : prune === 'true',
    commentOnPr: commentOnPr as ActionSettings['commentOnPr'],
    driftIssue: driftIssue === 'true',
    rotateSecretId: rotate === 'true',
    githubToken: input(Inputs.GitHubToken) || undefined,
    manifest: input(Inputs.Manifest) || 'airflow-secrets.yaml',
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    concurrency,
    failOnDrift: failOnDrift === 'true',
    vaultEnv: vaultEnv(env, input),
    jwtAudience: input(Inputs.VaultJwtAudience) || undefined
  }
}

function oneOf(
  value: string,
  allowed: readonly string[],
  name: string
): string {
  if (allowed.includes(value.toLowerCase())) return value.toLowerCase()
  const shown = allowed.filter((a) => a !== '').join(', ')
  throw new InputError(`Invalid ${name} '${value}'. Expected one of: ${shown}.`)
}

/**
 * Inputs win over the environment; an auth method narrows which of the
 * credentials count, so a stray VAULT_TOKEN cannot shadow an AppRole.
 */
function vaultEnv(
  env: NodeJS.ProcessEnv,
  input: (name: string) => string
): NodeJS.ProcessEnv {
  const pick = (name: string, key: string): string | undefined =>
    input(name) || env[key] || undefined
  const method = input(Inputs.VaultAuthMethod)
  if (method && !['token', 'approle', 'jwt'].includes(method)) {
    throw new InputError(
      `Invalid vault-auth-method '${method}'. Expected token, approle or jwt.`
    )
  }
  const out: NodeJS.ProcessEnv = {
    ...env,
    VAULT_ADDR: pick(Inputs.VaultAddress, 'VAULT_ADDR'),
    VAULT_NAMESPACE: pick(Inputs.VaultNamespace, 'VAULT_NAMESPACE'),
    VAULT_TOKEN: pick(Inputs.VaultToken, 'VAULT_TOKEN'),
    VAULT_ROLE_ID: pick(Inputs.VaultRoleId, 'VAULT_ROLE_ID'),
    VAULT_SECRET_ID: pick(Inputs.VaultSecretId, 'VAULT_SECRET_ID'),
    VAULT_AUTH_MOUNT: pick(Inputs.VaultAuthMount, 'VAULT_AUTH_MOUNT'),
    VAULT_JWT_ROLE: pick(Inputs.VaultJwtRole, 'VAULT_JWT_ROLE'),
    VAULT_CACERT: pick(Inputs.VaultCaCert, 'VAULT_CACERT'),
    ASTRO_API_TOKEN: pick(Inputs.AstroApiToken, 'ASTRO_API_TOKEN'),
    ASTRO_ORGANIZATION_ID: pick(
      Inputs.AstroOrganizationId,
      'ASTRO_ORGANIZATION_ID'
    )
  }
  if (method === 'token')
    Object.assign(out, { VAULT_ROLE_ID: undefined, VAULT_JWT_ROLE: undefined })
  if (method === 'approle') Object.assign(out, { VAULT_JWT_ROLE: undefined })
  if (method === 'jwt') Object.assign(out, { VAULT_ROLE_ID: undefined })
  return out
}
