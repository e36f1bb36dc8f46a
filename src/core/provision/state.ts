/**
 * What provision found in Vault, read before planning. Every field is what
 * the admin API answered, normalised (seconds, sorted lists), so the plan
 * compares like with like.
 */
export interface MountInfo {
  type: string
  /** KV options.version ("1", "2"); undefined for other engines. */
  version?: string
}

export interface AppRoleRead {
  token_policies: string[]
  token_ttl: number
  token_max_ttl: number
  secret_id_ttl: number
  secret_id_num_uses: number
  bind_secret_id: boolean
  secret_id_bound_cidrs: string[]
  token_bound_cidrs: string[]
}

/** A secret-id this tool issued, found by accessor with its metadata. */
export interface ManagedSecretId {
  accessor: string
  deploymentId: string
  /** Unix ms; undefined when it never expires. */
  expiresAt?: number
}

export interface JwtConfigRead {
  oidc_discovery_url: string
  bound_issuer: string
}

export interface JwtRoleRead {
  role_type: string
  user_claim: string
  bound_audiences: string[]
  bound_claims: Record<string, unknown>
  bound_claims_type: string
  token_policies: string[]
  token_ttl: number
}

export interface ProvisionState {
  /** sys/mounts, keyed by path with the trailing '/'. */
  mounts: Record<string, MountInfo>
  /** sys/auth, keyed by path with the trailing '/'. */
  authMounts: Record<string, MountInfo>
  /** Policy text by name; null when absent. */
  policies: Record<string, string | null>
  /** Role settings by name; null when absent. */
  approles: Record<string, AppRoleRead | null>
  /** This tool's secret-ids by role. */
  secretIds: Record<string, ManagedSecretId[]>
  jwtConfig?: JwtConfigRead | null
  /** The plan and apply roles by name; null when absent. */
  jwtRoles: Record<string, JwtRoleRead | null>
  /**
   * The single role of an earlier provision (airflow-vault-sync, with the
   * sync policy), which pull requests could log in to: retired.
   */
  legacyJwtRole?: string
}

/** The mount that would hold `path`, or one `path` would sit inside. */
export function overlappingMount(
  mounts: Record<string, MountInfo>,
  path: string
): string | undefined {
  const want = path.replace(/\/*$/, '/')
  return Object.keys(mounts).find(
    (m) => m !== want && (want.startsWith(m) || m.startsWith(want))
  )
}
