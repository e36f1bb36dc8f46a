import type { AstroEnv } from '../sync/run.js'
import { shownAddress } from '../core/render/address.js'
import { applyProxyEnv } from './proxy-env.js'
import { isLoopback } from './vault-env.js'

export const DEFAULT_ASTRO_API_URL = 'https://api.astronomer.io/v1'

/**
 * ASTRO_API_TOKEN, ASTRO_ORGANIZATION_ID and ASTRO_API_URL (for the
 * v1beta1 API, a gateway, or the project's test server). Also gives the
 * Astro client HTTPS_PROXY, HTTP_PROXY and NO_PROXY (proxy-env.ts).
 */
export function astroFromEnv(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void = () => undefined
): AstroEnv {
  applyProxyEnv(env)
  const given = (env.ASTRO_API_URL || DEFAULT_ASTRO_API_URL)
    .trim()
    .replace(/\/+$/, '')
  // fetch refuses a URL with credentials (and quotes it whole), and the
  // API takes the token anyway; the front ends mask them (urlCredentials).
  const baseUrl = shownAddress(given)
  if (baseUrl !== given)
    warn(
      'ASTRO_API_URL carries credentials (user:password@), which are not sent: the Astro API is called with ASTRO_API_TOKEN'
    )
  if (/^http:\/\//i.test(baseUrl) && !isLoopback(baseUrl))
    warn(
      `ASTRO_API_URL ${baseUrl} is plain http and not this machine: the API token crosses the network unencrypted; use https`
    )
  return {
    baseUrl,
    token: env.ASTRO_API_TOKEN || undefined,
    organizationId: env.ASTRO_ORGANIZATION_ID || undefined
  }
}
