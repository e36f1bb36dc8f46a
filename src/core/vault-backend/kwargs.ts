/**
 * What the HashiCorp provider's VaultBackend accepts (airflow.md §4.2-4.3).
 * Construction fails with VaultError for an unknown auth_type or a missing
 * required parameter, which in Airflow means no secrets at all.
 */
export const AUTH_TYPES = [
  'approle',
  'aws_iam',
  'azure',
  'gcp',
  'github',
  'jwt',
  'kubernetes',
  'ldap',
  'radius',
  'token',
  'userpass'
] as const
export type AuthType = (typeof AUTH_TYPES)[number]

/**
 * Each inner list is "one of these"; every list must be satisfied. Token auth
 * may also use VAULT_TOKEN in Airflow's environment, so it only warns.
 */
export const REQUIRED_PARAMS: Record<AuthType, string[][]> = {
  approle: [['role_id']],
  aws_iam: [],
  azure: [['azure_resource'], ['azure_tenant_id']],
  gcp: [['gcp_scopes'], ['role_id']],
  github: [['token', 'token_path']],
  jwt: [['jwt_role'], ['jwt_token', 'jwt_token_path']],
  kubernetes: [['kubernetes_role']],
  ldap: [['username'], ['password']],
  radius: [['radius_host'], ['radius_secret']],
  token: [['token', 'token_path']],
  userpass: [['username'], ['password']]
}

/** Parameters whose value is a credential: never a literal in git. */
export const SECRET_KWARGS = new Set([
  'secret_id',
  'token',
  'password',
  'radius_secret',
  'jwt_token',
  'gcp_keyfile_dict',
  'key_id'
])

/** Generated from `vault:` so Airflow reads exactly where the sync writes. */
export const MANAGED_KWARGS = [
  'mount_point',
  'connections_path',
  'variables_path',
  'config_path',
  'kv_engine_version'
] as const

/** Provider kwargs, plus the hvac.Client ones it passes through. */
export const KNOWN_KWARGS = [
  ...MANAGED_KWARGS,
  'url',
  'auth_type',
  'auth_mount_point',
  'token',
  'token_path',
  'username',
  'password',
  'key_id',
  'secret_id',
  'role_id',
  'assume_role_kwargs',
  'region',
  'kubernetes_role',
  'kubernetes_jwt_path',
  'gcp_key_path',
  'gcp_keyfile_dict',
  'gcp_scopes',
  'azure_tenant_id',
  'azure_resource',
  'radius_host',
  'radius_secret',
  'radius_port',
  'jwt_role',
  'jwt_token',
  'jwt_token_path',
  'use_team_secrets_path',
  'global_secrets_path',
  'namespace',
  'timeout',
  'verify',
  'cert',
  'proxies',
  'allow_redirects'
]

export const BACKEND_CLASS =
  'airflow.providers.hashicorp.secrets.vault.VaultBackend'
