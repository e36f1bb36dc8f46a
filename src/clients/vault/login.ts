import { z } from 'zod'
import type { VaultHttp } from './client.js'
import type { Lease } from './token-keeper.js'
import { encodePath, VaultError } from './transport.js'

export type LoginAuth =
  | { method: 'approle'; roleId: string; secretId: string; mount: string }
  | { method: 'jwt'; role: string; jwt: string; mount: string }

const LoginAnswer = z.object({
  auth: z.object({
    client_token: z.string(),
    lease_duration: z.number().optional(),
    renewable: z.boolean().optional()
  })
})

/**
 * One AppRole or JWT login; the new token is installed on `http`. Never
 * retried: each failed login counts toward the lockout (§6.3). `again`
 * words the error for a login that replaces an expired token.
 */
export async function login(
  http: VaultHttp,
  auth: LoginAuth,
  again = false
): Promise<{ token: string; lease: Lease }> {
  const body =
    auth.method === 'approle'
      ? { role_id: auth.roleId, secret_id: auth.secretId }
      : { role: auth.role, jwt: auth.jwt }
  const response = await http
    .send(
      { method: 'POST', path: encodePath('auth', auth.mount, 'login'), body },
      [200],
      false
    )
    .catch((cause: unknown) => {
      throw loginError(auth.method, auth.mount, cause, again)
    })
  const answer = LoginAnswer.parse(response.body).auth
  http.setToken(answer.client_token)
  return {
    token: answer.client_token,
    lease: {
      ttlSeconds: answer.lease_duration ?? 0,
      renewable: answer.renewable ?? false
    }
  }
}

function loginError(
  method: string,
  mount: string,
  cause: unknown,
  again: boolean
): VaultError {
  const status = cause instanceof VaultError ? cause.status : undefined
  const said =
    cause instanceof VaultError && cause.errors.length > 0
      ? cause.errors.join('; ')
      : String(cause)
  const hint =
    method === 'approle'
      ? again
        ? 'a secret_id limited to one use cannot log in twice: give it more uses, or the role a token_ttl longer than the run'
        : 'check VAULT_ROLE_ID and VAULT_SECRET_ID (not retried: five failures lock the role for 15 minutes)'
      : again
        ? 'the OIDC token may have expired too: give the Vault role a token_ttl longer than the run'
        : 'check VAULT_JWT_ROLE, the token audience and the role’s bound_claims'
  const what = again
    ? `the Vault token expired mid-run and logging in again (${method} at auth/${mount})`
    : `${method} login at auth/${mount}`
  return new VaultError(
    `${what} failed: ${said}; ${hint}`,
    status,
    `auth/${mount}/login`
  )
}
