import { PROVIDER_LIMITS, isSet, type AuthType } from './kwargs.js'

/** A kwarg that works on some Airflow lines and not on others. */
export interface LimitNote {
  /** The key to point at: the kwarg itself, or auth_type. */
  key: string
  message: string
}

/**
 * What the lines in PROVIDER_LIMITS refuse that the newest provider takes.
 * These are warnings, not errors: the manifest does not say which Airflow
 * its Deployments run, so each note names the lines it concerns.
 */
export function providerLimitNotes(
  kwargs: Record<string, unknown>,
  authType: AuthType
): LimitNote[] {
  const notes: LimitNote[] = []
  for (const limit of PROVIDER_LIMITS) {
    const on = `on ${limit.airflow.map((l) => `Airflow ${l}`).join(', ')} (provider ${limit.provider})`
    if (limit.authTypes.includes(authType))
      notes.push({
        key: 'auth_type',
        message: `auth_type ${authType} is unknown to the provider ${on}: VaultBackend fails to start there and Airflow sees no secrets`
      })
    for (const key of limit.kwargs.filter((k) => k in kwargs))
      notes.push({
        key,
        message: `${key} is not a kwarg of the provider ${on}: hvac refuses it at login there and Airflow sees no secrets`
      })
    for (const anyOf of limit.required[authType] ?? [])
      if (!anyOf.some((name) => isSet(kwargs[name])))
        notes.push({
          key: 'auth_type',
          message: `auth_type ${authType} needs ${anyOf.join(' or ')} ${on}; without it VaultBackend fails to start there`
        })
  }
  return notes
}
