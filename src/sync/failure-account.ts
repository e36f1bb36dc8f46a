/**
 * What a run that failed half-way says as its error: what is done, what is
 * not, and that a rerun finishes the job. Each part of a run is idempotent
 * (only differences are written), so "run it again" is always the advice.
 */
import type { TokenExpiredError } from '../clients/vault/token-keeper.js'
import type { ApplyOutcome } from './apply.js'
import type { AstroResult } from './astro.js'
import type { SyncCommand } from './report.js'

/**
 * The run lost its token: a static one expired, or logging in again
 * failed (logins are otherwise replaced, token-keeper.ts).
 */
export function tokenLostMessage(
  lost: TokenExpiredError,
  written: number
): string {
  const after = `after ${written} secret(s) were written`
  if (!lost.staticToken) {
    return `${lost.message}; stopped ${after}. Run again once the login works: only what is missing is written`
  }
  return (
    `the Vault token expired (or was revoked) mid-run ${after}; ` +
    'use a token with a longer TTL, or AppRole/JWT, which log in again. ' +
    'Run again with a valid token: only what is missing is written'
  )
}

function who(d: AstroResult): string {
  return d.name ? `${d.name} (${d.id})` : d.id
}

/**
 * When any Deployment failed: which were updated and which were not, and
 * that Vault was complete first (Airflow reads the secrets from there).
 */
export function astroAccount(
  results: readonly AstroResult[],
  command: SyncCommand,
  outcome: ApplyOutcome | undefined
): string | undefined {
  const failed = results.filter((d) => d.error)
  if (failed.length === 0) return undefined
  // Each Deployment's own error is in its line of the report.
  const names = failed.map(who).join(', ')
  if (command !== 'apply') {
    return `the Astro step failed for ${names}, so the ${command} of the Deployments is incomplete`
  }
  const updated = results.filter((d) => d.posted)
  const current = results.filter(
    (d) => !d.posted && !d.error && !d.notAttempted
  )
  const missed = results.filter((d) => !d.posted && !current.includes(d))
  const written = outcome?.written.length ?? 0
  const vault =
    written > 0
      ? `all ${written} secret change(s) were written to Vault first`
      : 'Vault already matched the manifest'
  const list = (ds: AstroResult[]): string =>
    ds.length > 0 ? ds.map(who).join(', ') : 'none'
  return (
    `the Astro step failed for ${names} after ${vault}. ` +
    `Updated: ${list(updated)}. ` +
    (current.length > 0 ? `Unchanged or skipped: ${list(current)}. ` : '') +
    `Not updated: ${list(missed)}. ` +
    'Once fixed, run apply again: it updates only the Deployments not yet pointed at Vault'
  )
}
