import { setRequestLog } from '../clients/net/request-log.js'
import { escapeLine } from '../core/render/escape-text.js'
import type { CliRuntime } from './runtime.js'

/** AIRFLOW_VAULT_SYNC_DEBUG (not empty, 0 or false), or a runner's RUNNER_DEBUG=1. */
export function debugWanted(env: NodeJS.ProcessEnv): boolean {
  const ours = (env.AIRFLOW_VAULT_SYNC_DEBUG ?? '').trim().toLowerCase()
  return (
    (ours !== '' && ours !== '0' && ours !== 'false') ||
    env.RUNNER_DEBUG === '1'
  )
}

/**
 * Our debug output for one CLI run: request lines and status codes on
 * stderr (request-log.ts), never headers or bodies. Returns the undo.
 */
export function startDebugLog(runtime: CliRuntime): () => void {
  if (!debugWanted(runtime.env)) return () => undefined
  setRequestLog((line) => runtime.stderr(`debug: ${escapeLine(line)}\n`))
  return () => setRequestLog(undefined)
}
