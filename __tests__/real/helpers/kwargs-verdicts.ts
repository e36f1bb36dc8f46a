/**
 * The two judges of a set of BACKEND_KWARGS: the provider (constructor,
 * then the client's auth setup) and our validation of `astro.backend_kwargs`.
 */
import { stringify } from 'yaml'
import { validateManifest } from '../../../src/core/validate/validate.js'
import { SECRET_KWARGS } from '../../../src/core/vault-backend/kwargs.js'
import type { AirflowOracle, OracleError } from './oracle.js'

export type ProviderVerdict = { accepted: boolean; why: string }

interface Answer {
  constructed: boolean
  client?: boolean
  token?: boolean
  refused?: OracleError
}

/**
 * Refused: the constructor raised, or the auth setup did before it had a
 * token. Not refused: it logged in, or it stopped only for want of what
 * a Deployment has and a test machine lacks (a network behind CLOSED,
 * the Google provider or boto3, the pod's service-account file).
 */
const ENVIRONMENT = new Set([
  'InvalidSchema', // requests' answer to CLOSED (kwargs-cases.ts)
  'ModuleNotFoundError',
  'ImportError',
  'FileNotFoundError'
])

export async function providerVerdict(
  oracle: AirflowOracle,
  kwargs: Record<string, unknown>,
  env: Record<string, string | null> = {}
): Promise<ProviderVerdict> {
  // Airflow's own environment has no VAULT_TOKEN unless a variant says so.
  const a = await oracle.ask<Answer>('backend_kwargs', {
    kwargs,
    env: { VAULT_TOKEN: null, ...env },
    client: true
  })
  if (!a.ok)
    throw new Error(
      `oracle ${oracle.line}: ${a.error.type}: ${a.error.message}`
    )
  const r = a.result
  const why = r.refused
    ? `${r.refused.type} in ${r.refused.where}: ${r.refused.message.slice(0, 160)}`
    : 'logged in'
  if (!r.constructed) return { accepted: false, why: `constructor: ${why}` }
  if (r.client) return { accepted: r.token === true, why }
  return {
    accepted: ENVIRONMENT.has(r.refused?.type ?? ''),
    why: `client: ${why}`
  }
}

export interface OurVerdict {
  level: 'error' | 'warning' | 'clean'
  messages: string[]
}

/** Codes about where the test's servers are, not about the kwargs. */
const IGNORED = new Set([
  'backend-kwargs-localhost-url',
  'backend-kwargs-no-url'
])

export function ourVerdict(kwargs: Record<string, unknown>): OurVerdict {
  // Credentials are references in a manifest; a literal one is its own error.
  const backend_kwargs = Object.fromEntries(
    Object.entries(kwargs).map(([k, v]) => [
      k,
      SECRET_KWARGS.has(k) && typeof v === 'string'
        ? { env: k.toUpperCase() }
        : v
    ])
  )
  const text = stringify({
    version: 1,
    vault: { mount: 'airflow' },
    astro: { deployments: [{ id: 'd' }], backend_kwargs }
  })
  const problems = validateManifest(text, {
    file: 'm.yaml',
    manifestDir: '/repo',
    repoRoot: '/repo'
  }).problems.filter((p) => !IGNORED.has(p.code))
  const level = problems.some((p) => p.severity === 'error')
    ? 'error'
    : problems.length > 0
      ? 'warning'
      : 'clean'
  return {
    level,
    messages: problems.map((p) => `${p.severity} ${p.code}: ${p.message}`)
  }
}
