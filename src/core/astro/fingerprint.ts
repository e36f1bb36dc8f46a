/**
 * AIRFLOW_VAULT_SYNC_FINGERPRINT: a plain env var that tells a later run
 * whether the secret KWARGS it cannot read is still current (astro-api.md
 * §2: GET never returns secret values), so an unchanged run makes no POST
 * and no restart. Anyone who can read the Deployment sees it, and kwargs
 * may hold low-entropy secrets (an LDAP password), so it is a slow salted
 * KDF, not a hash: scrypt N=2^14 (~16 MiB, tens of ms per guess), salted
 * per Deployment so equal kwargs on two Deployments don't look equal.
 * The same derivation fingerprints Vault secrets (core/sync/fingerprint).
 */
import { scrypt, scryptSync } from 'node:crypto'
import { canonicalKwargsJson, type BackendKwargsValues } from './kwargs.js'

/** Bump with any change to the derivation; old values then just mismatch. */
export const FINGERPRINT_VERSION = 'v1'

export const FINGERPRINT_PARAMS = { N: 2 ** 14, r: 8, p: 1 } as const

/** The slow, salted key of `text`, base64url; never reversible. */
export function slowKey(text: string, salt: string): string {
  return scryptSync(text, salt, 32, FINGERPRINT_PARAMS).toString('base64url')
}

/** slowKey on libuv's pool, so many secrets use every core. */
export function slowKeyAsync(text: string, salt: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(text, salt, 32, FINGERPRINT_PARAMS, (error, key) =>
      error ? reject(error) : resolve(key.toString('base64url'))
    )
  )
}

export function fingerprint(
  kwargs: BackendKwargsValues,
  deploymentId: string
): string {
  const key = slowKey(
    canonicalKwargsJson(kwargs),
    `airflow-vault-sync:${deploymentId}`
  )
  return `${FINGERPRINT_VERSION}:${key}`
}
