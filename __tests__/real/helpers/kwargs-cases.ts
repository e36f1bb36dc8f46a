/**
 * BACKEND_KWARGS to put before the provider and before our validation:
 * for every auth_type, a complete set, each parameter left out, each
 * non-secret one empty, and a misspelt key; plus the keys that are not
 * about auth (hvac's, the team paths). Logins the tests can really make
 * (approle, userpass, ldap, token) go to OpenBao; the others to an address
 * with no network behind it, so the provider shows how far it gets first.
 */
import { SECRET_KWARGS } from '../../../src/core/vault-backend/kwargs.js'

export interface Logins {
  url: string
  approle: { mount: string; roleId: string; secretId: string }
  /** A role with bind_secret_id=false: it logs in with a role_id alone. */
  unbound: { roleId: string }
  userpass: { mount: string; username: string; password: string }
  token: string
  /** A file holding a JWT-shaped string, for *_path parameters. */
  tokenFile: string
  /** Answers azure's and radius's config write (kwargs-config-vault.ts). */
  configVault: string
}

export interface KwargsCase {
  name: string
  kwargs: Record<string, unknown>
  /** Other conditions the same kwargs meet in the field: each is asked too. */
  variants?: Array<{
    name: string
    kwargs?: Record<string, unknown>
    env?: Record<string, string>
  }>
}

/**
 * A Vault address requests cannot even try (no adapter for the scheme), so
 * the provider's retries on a refused connection cost no time.
 */
export const CLOSED = 'nonet://vault.invalid'

/** Kwargs that log in where a login can be made, for each auth_type. */
function complete(l: Logins): Record<string, Record<string, unknown>> {
  return {
    approle: {
      url: l.url,
      auth_mount_point: l.approle.mount,
      role_id: l.approle.roleId,
      secret_id: l.approle.secretId
    },
    aws_iam: {
      url: CLOSED,
      key_id: 'AKIAEXAMPLE',
      secret_id: 'aws-secret',
      role_id: 'airflow',
      region: 'eu-west-1'
    },
    azure: {
      url: l.configVault,
      azure_tenant_id: 'tenant',
      azure_resource: 'https://vault',
      key_id: 'client',
      secret_id: 'azure-secret'
    },
    gcp: {
      url: CLOSED,
      gcp_scopes: 'https://www.googleapis.com/auth/cloud-platform',
      role_id: 'airflow',
      gcp_key_path: l.tokenFile
    },
    github: { url: CLOSED, token: 'ghp_example' },
    jwt: { url: CLOSED, jwt_role: 'airflow', jwt_token: 'eyJ.example.jwt' },
    kubernetes: {
      url: CLOSED,
      kubernetes_role: 'airflow',
      kubernetes_jwt_path: l.tokenFile
    },
    ldap: {
      url: l.url,
      auth_mount_point: l.userpass.mount,
      username: l.userpass.username,
      password: l.userpass.password
    },
    radius: {
      url: l.configVault,
      radius_host: 'radius.example.com',
      radius_secret: 'radius-secret',
      radius_port: 1812
    },
    token: { url: l.url, token: l.token },
    userpass: {
      url: l.url,
      auth_mount_point: l.userpass.mount,
      username: l.userpass.username,
      password: l.userpass.password
    }
  }
}

/** Keys that select the server or the mount, not a credential. */
const NOT_PARAMS = new Set(['url', 'auth_mount_point'])

export function kwargsCases(l: Logins, authTypes: string[]): KwargsCase[] {
  const cases: KwargsCase[] = []
  const all = complete(l)
  for (const auth of authTypes) {
    const full: Record<string, unknown> = {
      auth_type: auth,
      ...(all[auth] ?? { url: CLOSED })
    }
    // Airflow's environment can stand in for a token (token auth, and the
    // azure and radius auth that never log in): ask with VAULT_TOKEN too.
    const env: NonNullable<KwargsCase['variants']> = [
      'token',
      'azure',
      'radius'
    ].includes(auth)
      ? [{ name: 'VAULT_TOKEN set', env: { VAULT_TOKEN: l.token } }]
      : []
    cases.push({ name: `${auth}: complete`, kwargs: full, variants: env })
    for (const key of Object.keys(full).filter(
      (k) => k !== 'auth_type' && !NOT_PARAMS.has(k)
    )) {
      const { [key]: _gone, ...without } = full
      const variants = [...env]
      // An AppRole can be made to need no secret_id: ask that way too.
      if (auth === 'approle' && key === 'secret_id')
        variants.push({
          name: 'bind_secret_id=false',
          kwargs: { role_id: l.unbound.roleId }
        })
      cases.push({ name: `${auth}: without ${key}`, kwargs: without, variants })
      if (!SECRET_KWARGS.has(key) && typeof full[key] === 'string')
        cases.push({
          name: `${auth}: ${key} empty`,
          kwargs: { ...full, [key]: '' },
          variants: env
        })
    }
    const some = Object.keys(full).find(
      (k) => !NOT_PARAMS.has(k) && k !== 'auth_type'
    )
    if (some)
      cases.push({
        name: `${auth}: misspelt ${some}s`,
        kwargs: { ...full, [`${some}s`]: 'x' },
        variants: env
      })
  }
  // Past the auth checks nothing here needs Vault: 4.8.4 sends no request
  // for a token, and 4.3.4's token check meets CLOSED.
  const token = { auth_type: 'token', url: CLOSED, token: l.token }
  const others: Record<string, unknown> = {
    timeout: 5,
    namespace: 'team-a',
    verify: false,
    allow_redirects: false,
    ignore_exceptions: false,
    strict_http: true,
    request_header: false,
    use_team_secrets_path: false,
    global_secrets_path: 'shared',
    jwt_role: 'airflow',
    base_uri: CLOSED,
    adapter: 'requests'
  }
  for (const [key, value] of Object.entries(others))
    cases.push({
      name: `token with ${key}: ${JSON.stringify(value)}`,
      kwargs: { ...token, [key]: value }
    })
  const k8s = { auth_type: 'kubernetes', ...all.kubernetes }
  cases.push({
    name: 'kubernetes: kubernetes_jwt_path null',
    kwargs: { ...k8s, kubernetes_jwt_path: null }
  })
  return cases
}
