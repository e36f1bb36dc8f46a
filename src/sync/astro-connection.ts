import type { Manifest } from '../core/manifest/schema.js'
import { error as problemError, type PathProblem } from '../core/problems.js'
import { organizationIdFromToken } from '../clients/astro/index.js'
import type { AstroConnection } from './astro.js'

export interface AstroEnv {
  baseUrl: string
  token?: string
  organizationId?: string
  retry?: AstroConnection['retry']
  waitIntervalMs?: number
}

/**
 * The Astro connection a manifest with `astro:` needs: a token, and the
 * organization from the manifest, ASTRO_ORGANIZATION_ID or the token's
 * claims, as the Astro CLI finds it.
 */
export function astroConnection(
  manifest: Manifest,
  env: AstroEnv | undefined
): { connection?: AstroConnection } | { problem: PathProblem } {
  if (!manifest.astro) return {}
  if (!env?.token) {
    return {
      problem: problemError(
        'astro-token-missing',
        ['astro'],
        'astro: lists Deployments, but ASTRO_API_TOKEN is not set; create a Deployment or Workspace API token with the Operator role and set it'
      )
    }
  }
  const organizationId =
    manifest.astro.organization_id ??
    env.organizationId ??
    organizationIdFromToken(env.token)
  if (!organizationId) {
    return {
      problem: problemError(
        'astro-organization-missing',
        ['astro'],
        'no Astro organization id: set astro.organization_id, or ASTRO_ORGANIZATION_ID'
      )
    }
  }
  return {
    connection: {
      baseUrl: env.baseUrl,
      token: env.token,
      organizationId,
      retry: env.retry,
      waitIntervalMs: env.waitIntervalMs
    }
  }
}
