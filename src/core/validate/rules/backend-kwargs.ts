import { error, warning, type PathProblem } from '../../problems.js'
import type { BackendKwargs } from '../../manifest/astro-schema.js'
import type { VaultSettings } from '../../manifest/schema.js'
import { didYouMean } from '../suggest.js'
import {
  AUTH_TYPES,
  CONFIGURE_ONLY_AUTH,
  KNOWN_KWARGS,
  MANAGED_KWARGS,
  NOT_EMPTY_PARAMS,
  REQUIRED_PARAMS,
  SECRET_KWARGS,
  isSet,
  type AuthType
} from '../../vault-backend/kwargs.js'
import { providerLimitNotes } from '../../vault-backend/provider-limits.js'

type Path = (string | number)[]

/** Checks a Deployment's effective kwargs: the shared ones plus its own. */
export function backendKwargsProblems(
  kwargs: BackendKwargs,
  where: (key: string) => Path,
  vault: VaultSettings
): PathProblem[] {
  const problems: PathProblem[] = []
  for (const [key, value] of Object.entries(kwargs)) {
    if (SECRET_KWARGS.has(key) && typeof value === 'string') {
      problems.push(
        error(
          'literal-secret',
          where(key),
          `${key} is a credential written into git; use { env: NAME } or { file: PATH }`
        )
      )
    }
    if ((MANAGED_KWARGS as readonly string[]).includes(key)) {
      problems.push(
        error(
          'backend-kwargs-managed-key',
          where(key),
          `${key} is generated from the vault: section so Airflow reads where the sync writes; remove it here`,
          true
        )
      )
    } else if (
      key === 'namespace' &&
      vault.namespace !== undefined &&
      value !== vault.namespace
    ) {
      problems.push(
        error(
          'backend-kwargs-managed-key',
          where(key),
          'namespace differs from vault.namespace; Airflow would read another namespace than the sync writes',
          true
        )
      )
    } else if (!KNOWN_KWARGS.includes(key)) {
      // VaultBackend hands unknown keys to hvac, which raises TypeError at
      // login: every lookup fails, so this is an error, not a warning.
      problems.push(
        error(
          'backend-kwargs-unknown-key',
          where(key),
          `${JSON.stringify(key)} is not a VaultBackend or hvac kwarg, and hvac refuses it at login so Airflow sees no secrets; ${didYouMean(key, KNOWN_KWARGS) || 'check the spelling'}`,
          true
        )
      )
    }
  }
  return [
    ...problems,
    ...authProblems(kwargs, where),
    ...urlProblems(kwargs, where)
  ]
}

function authProblems(
  kwargs: BackendKwargs,
  where: (key: string) => Path
): PathProblem[] {
  const authType = kwargs.auth_type ?? 'token'
  if (
    typeof authType !== 'string' ||
    !(AUTH_TYPES as readonly string[]).includes(authType)
  ) {
    const shown =
      typeof authType === 'string' ? JSON.stringify(authType) : 'this value'
    return [
      error(
        'auth-type-unknown',
        where('auth_type'),
        `auth_type ${shown} is not one of the provider's: ${AUTH_TYPES.join(', ')}${typeof authType === 'string' ? `; ${didYouMean(authType, AUTH_TYPES)}` : ''}`
      )
    ]
  }
  const auth = authType as AuthType
  const missing = REQUIRED_PARAMS[auth].filter(
    (anyOf) => !anyOf.some((name) => isSet(kwargs[name]))
  )
  const empty = (NOT_EMPTY_PARAMS[auth] ?? []).filter(
    (name) => name in kwargs && !isSet(kwargs[name])
  )
  return [
    ...missing.map((anyOf) => missingProblem(auth, anyOf, where)),
    ...empty.map((name) =>
      error(
        'auth-param-missing',
        where(name),
        `auth_type ${auth} needs ${name}; set to ${JSON.stringify(kwargs[name])} it makes VaultBackend fail to start (leave it out for the default)`
      )
    ),
    ...(auth === 'approle' && !isSet(kwargs.secret_id)
      ? [
          warning(
            'auth-param-missing',
            where('auth_type'),
            'auth_type approle without secret_id logs in only if the role has bind_secret_id=false; Vault refuses it otherwise'
          )
        ]
      : []),
    ...(CONFIGURE_ONLY_AUTH.includes(auth)
      ? [
          warning(
            'auth-type-no-login',
            where('auth_type'),
            `the provider's ${auth} auth does not log in: it writes auth/${auth}/config (or auth_mount_point's) with these kwargs and then reads with the VAULT_TOKEN of Airflow's environment; without VAULT_TOKEN on the Deployment, Airflow sees no secrets`
          )
        ]
      : []),
    ...providerLimitNotes(kwargs, auth).map((n) =>
      warning('backend-kwargs-provider-version', where(n.key), n.message)
    )
  ]
}

function missingProblem(
  authType: AuthType,
  anyOf: string[],
  where: (key: string) => Path
): PathProblem {
  const names = anyOf.join(' or ')
  // ldap and userpass pass the constructor and fail at Vault's login.
  const fails = ['ldap', 'userpass'].includes(authType)
    ? 'hvac logs in without it and Vault refuses the login'
    : 'VaultBackend fails to start'
  const message = `auth_type ${authType} needs ${names}; without it ${fails} and Airflow sees no secrets`
  // Token auth can fall back to VAULT_TOKEN in Airflow's environment.
  return authType === 'token'
    ? warning(
        'auth-param-missing',
        where('auth_type'),
        `${message}, unless VAULT_TOKEN is set on the Deployment`
      )
    : error('auth-param-missing', where('auth_type'), message)
}

function urlProblems(
  kwargs: BackendKwargs,
  where: (key: string) => Path
): PathProblem[] {
  const url = kwargs.url
  if (url === undefined || url === null) {
    return [
      warning(
        'backend-kwargs-no-url',
        where('auth_type'),
        'no url: Airflow falls back to VAULT_ADDR or http://localhost:8200; set url to your Vault address'
      )
    ]
  }
  if (
    typeof url === 'string' &&
    /^\w+:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:|\/|$)/i.test(url)
  ) {
    return [
      warning(
        'backend-kwargs-localhost-url',
        where('url'),
        'url points at localhost, which Airflow on Astro cannot reach; use the Vault address the Deployment can reach (host.docker.internal only for local `astro dev`)'
      )
    ]
  }
  return []
}
