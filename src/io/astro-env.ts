import type { AstroEnv } from '../sync/run.js'
import { applyProxyEnv } from './proxy-env.js'

export const DEFAULT_ASTRO_API_URL = 'https://api.astronomer.io/v1'

/**
 * ASTRO_API_TOKEN, ASTRO_ORGANIZATION_ID and ASTRO_API_URL (for the
 * v1beta1 API, a gateway, or the project's test server). Also gives the
 * Astro client HTTPS_PROXY, HTTP_PROXY and NO_PROXY (proxy-env.ts).
 */
export function astroFromEnv(env: NodeJS.ProcessEnv): AstroEnv {
  applyProxyEnv(env)
  return {
    baseUrl: (env.ASTRO_API_URL || DEFAULT_ASTRO_API_URL).replace(/\/+$/, ''),
    token: env.ASTRO_API_TOKEN || undefined,
    organizationId: env.ASTRO_ORGANIZATION_ID || undefined
  }
}
