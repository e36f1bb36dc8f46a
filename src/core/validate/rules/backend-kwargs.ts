import { error, warning, type PathProblem } from '../../problems.js'
import type { BackendKwargs } from '../../manifest/astro-schema.js'
import type { VaultSettings } from '../../manifest/schema.js'
import { didYouMean } from '../suggest.js'
import {
  AUTH_TYPES,
  KNOWN_KWARGS,
  MANAGED_KWARGS,
  REQUIRED_PARAMS,
  SECRET_KWARGS,
  type AuthType
} from '../../vault-backend/kwargs.js'

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
      problems.push(
        warning(
          'backend-kwargs-unknown-key',
          where(key),
          `${JSON.stringify(key)} is not a VaultBackend or hvac kwarg; ${didYouMean(key, KNOWN_KWARGS) || 'check the spelling'}`,
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
  const missing = REQUIRED_PARAMS[authType as AuthType].filter(
    (anyOf) =>
      !anyOf.some((name) => kwargs[name] !== undefined && kwargs[name] !== null)
  )
  return missing.map((anyOf) => {
    const names = anyOf.join(' or ')
    const message = `auth_type ${authType} needs ${names}; without it VaultBackend fails to start and Airflow sees no secrets`
    // Token auth can fall back to VAULT_TOKEN in Airflow's environment.
    return authType === 'token'
      ? warning(
          'auth-param-missing',
          where('auth_type'),
          `${message}, unless VAULT_TOKEN is set on the Deployment`
        )
      : error('auth-param-missing', where('auth_type'), message)
  })
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
