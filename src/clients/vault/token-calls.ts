/**
 * The token self-service calls the keeper needs (vault-api.md §6.5), and
 * fresh credentials for logging in again.
 */
import { z } from 'zod'
import type { VaultHttp } from './client.js'
import type { LoginAuth } from './login.js'
import type { VaultConnection } from './session.js'
import type { Lease } from './token-keeper.js'
import { VaultError } from './transport.js'

const TokenLookup = z.object({
  data: z.object({
    ttl: z.number().optional(),
    creation_ttl: z.number().optional(),
    renewable: z.boolean().optional()
  })
})

/**
 * A static token's TTL, to renew it in time. Unknown when the token may
 * not look itself up or Vault cannot be reached: the next request says so.
 */
export async function lookupSelf(http: VaultHttp): Promise<Lease | undefined> {
  try {
    const response = await http.send(
      { method: 'GET', path: 'auth/token/lookup-self' },
      [200],
      false
    )
    const { data } = TokenLookup.parse(response.body)
    return {
      ttlSeconds: data.ttl ?? 0,
      fullSeconds: data.creation_ttl,
      renewable: data.renewable ?? false
    }
  } catch {
    return undefined
  }
}

export async function renewSelf(http: VaultHttp): Promise<Lease> {
  const response = await http.send(
    { method: 'POST', path: 'auth/token/renew-self' },
    [200],
    false
  )
  const { auth } = z
    .object({
      auth: z.object({ lease_duration: z.number(), renewable: z.boolean() })
    })
    .parse(response.body)
  return { ttlSeconds: auth.lease_duration, renewable: auth.renewable }
}

/** The credentials for logging in again: a new OIDC token when we can get one. */
export async function freshAuth(
  auth: LoginAuth,
  connection: VaultConnection
): Promise<LoginAuth> {
  if (auth.method !== 'jwt' || !connection.refreshJwt) return auth
  try {
    const jwt = await connection.refreshJwt()
    connection.onToken?.(jwt)
    return { ...auth, jwt }
  } catch (cause) {
    throw new VaultError(
      `the Vault token expired mid-run and a new OIDC token could not be fetched: ${cause instanceof Error ? cause.message : String(cause)}`,
      undefined,
      `auth/${auth.mount}/login`
    )
  }
}
