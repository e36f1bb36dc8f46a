import * as core from '@actions/core'
import type { VaultConnection } from '../clients/vault/session.js'
import type { AstroEnv } from '../sync/astro-connection.js'
import { connectionFromEnv, connectionSecrets } from '../io/vault-env.js'
import { astroFromEnv } from '../io/astro-env.js'
import { urlCredentials } from '../io/url-credentials.js'
import type { ActionSettings } from './inputs.js'
import { maskSecret } from './mask.js'
import { warnStep } from './report.js'

/**
 * The Vault and Astro settings of a step, with every credential registered
 * with the runner before the first request, and every token a login
 * obtains registered as it arrives.
 */
export async function maskedConnections(
  settings: ActionSettings,
  concurrency: number
): Promise<{ connection: VaultConnection; astro: AstroEnv }> {
  const jwt = await oidcToken(settings)
  const connection = connectionFromEnv(
    settings.vaultEnv,
    { concurrency, jwt },
    warnStep
  )
  connectionSecrets(connection).forEach(maskSecret)
  connection.onToken = maskSecret
  // A long run outlives GitHub's ID token: a re-login asks for a new one.
  if (jwt) connection.refreshJwt = () => core.getIDToken(settings.jwtAudience)
  urlCredentials(settings.vaultEnv.ASTRO_API_URL).forEach(maskSecret)
  const astro = astroFromEnv(settings.vaultEnv, warnStep)
  if (astro.token) maskSecret(astro.token)
  return { connection, astro }
}

/** GitHub's OIDC token for a JWT login, when no token was given. */
async function oidcToken(
  settings: ActionSettings
): Promise<string | undefined> {
  if (!settings.vaultEnv.VAULT_JWT_ROLE || settings.vaultEnv.VAULT_JWT)
    return undefined
  try {
    return await core.getIDToken(settings.jwtAudience)
  } catch (cause) {
    throw new Error(
      `cannot get GitHub's OIDC token for the Vault JWT login: ${cause instanceof Error ? cause.message : String(cause)}. The workflow needs \`permissions: id-token: write\``,
      { cause }
    )
  }
}
