import type { VaultConnection } from '../clients/vault/session.js'
import { connectionFromEnv } from './vault-env.js'

/**
 * check-access may run with no Vault credentials of its own: it then logs
 * in only with the credentials in the manifest's kwargs. The address, TLS
 * and proxy settings still come from the environment.
 */
export function operatorConnection(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void
): { connection: VaultConnection; operator: boolean } {
  const hasCredentials = Boolean(
    env.VAULT_TOKEN || env.VAULT_ROLE_ID || env.VAULT_JWT_ROLE
  )
  // A stand-in token, never sent: every login below has its own.
  const connection = connectionFromEnv(
    hasCredentials ? env : { ...env, VAULT_TOKEN: 'none' },
    { concurrency: 4 },
    warn
  )
  return { connection, operator: hasCredentials }
}
