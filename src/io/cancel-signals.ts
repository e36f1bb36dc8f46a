/**
 * SIGINT and SIGTERM, as a cancelled CI job sends them (GitHub: SIGINT,
 * then SIGTERM), end the run in order instead of killing it: nothing new
 * starts, what is in flight finishes, the login token is revoked, and the
 * usual account of what was written is printed (cancellation.ts). The exit
 * code is then 128 + the signal's number, 130 or 143. A second signal, or
 * a run still going after the bound, exits at once.
 */
import { cancel, cancelledBy } from '../clients/net/cancellation.js'

/** Requests in flight get this long; then nothing but the revoke is sent. */
export const GRACE_MS = 5_000
/** Past this, the process exits whatever is left; the token expires on its TTL. */
export const HARD_BOUND_MS = 15_000

const CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 }

export function handleCancelSignals(say: (line: string) => void): void {
  for (const name of Object.keys(CODES)) {
    process.on(name, () => {
      const code = CODES[name] ?? 1
      if (cancelledBy()) process.exit(code)
      say(
        `${name}: stopping: nothing new starts, requests in flight may finish, then the login token is revoked`
      )
      cancel(name, GRACE_MS)
      setTimeout(() => process.exit(code), HARD_BOUND_MS).unref()
    })
  }
}

/** The exit code: the signal's, when one cancelled the run. */
export function exitCodeAfter(code: number): number {
  const by = cancelledBy()
  return by ? (CODES[by] ?? code) : code
}
