/**
 * What a run that failed half-way says as its error: what is done, what is
 * not, and that a rerun finishes the job. Each part of a run is idempotent
 * (only differences are written), so "run it again" is always the advice.
 */
import type { TokenExpiredError } from '../clients/vault/token-keeper.js'

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
