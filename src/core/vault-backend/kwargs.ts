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
 * Each inner list is "one of these"; every list must be satisfied. The
 * provider tests truthiness, so an empty string is as missing as an absent
 * key. Token auth may also use VAULT_TOKEN in Airflow's environment, so it
 * only warns. ldap and userpass pass the constructor without a username or
 * password, but hvac then logs in as user "None" or with no password, which
 * Vault refuses (judged by OpenBao, __tests__/real/kwargs-provider.test.ts).
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

/**
 * Auth types whose provider code does not log in: `_auth_azure` and
 * `_auth_radius` write auth/<mount>/config (hvac's `configure`) with the
 * kwargs, then read with whatever token hvac finds, VAULT_TOKEN. Seen in
 * 4.3.4 and 4.8.4 (__tests__/real/kwargs-provider.test.ts).
 */
export const CONFIGURE_ONLY_AUTH: readonly AuthType[] = ['azure', 'radius']

/**
 * Parameters with a default that the provider refuses when set to null or
 * "": kubernetes reads its service-account token from this file.
 */
export const NOT_EMPTY_PARAMS: Partial<Record<AuthType, string[]>> = {
  kubernetes: ['kubernetes_jwt_path']
}

/**
 * Where the provider's answer depends on the Airflow line. Provider 4.3.4,
 * the newest for Airflow 2.10, has no jwt auth and no team paths (a key it
 * does not name reaches hvac, which refuses it at login), and its gcp auth
 * reads the key from gcp_key_path or gcp_keyfile_dict (4.8.4 falls back to
 * Google's default credentials). Each entry names the lines it concerns.
 */
export interface ProviderLimit {
  airflow: string[]
  provider: string
  authTypes: string[]
  kwargs: string[]
  required: Partial<Record<AuthType, string[][]>>
}

export const PROVIDER_LIMITS: ProviderLimit[] = [
  {
    airflow: ['2.10'],
    provider: '4.3.4',
    authTypes: ['jwt'],
    kwargs: [
      'jwt_role',
      'jwt_token',
      'jwt_token_path',
      'use_team_secrets_path',
      'global_secrets_path'
    ],
    required: { gcp: [['gcp_key_path', 'gcp_keyfile_dict']] }
  }
]

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

/**
 * Provider kwargs, plus what it passes through to hvac.Client and on to
 * hvac's adapter. Any other key makes hvac raise TypeError when the client
 * logs in, so Airflow gets no secret from Vault.
 */
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
  'allow_redirects',
  'ignore_exceptions',
  'strict_http',
  'request_header'
]

export const BACKEND_CLASS =
  'airflow.providers.hashicorp.secrets.vault.VaultBackend'

/**
 * Whether the provider sees a value: it tests truthiness, so null and ""
 * count as unset. A reference ({ env }, { file }) counts as set.
 */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== ''
}
