/**
 * A run cancelled by SIGINT or SIGTERM (a cancelled CI job) stops in two
 * steps. At once, no new unit of work starts (sync/pool.ts) and the Astro
 * API is not called again. Requests already under way may finish, a write
 * with its metadata, for `graceMs`; then no request goes out at all, except
 * the one that revokes the token we logged in for.
 */

/** Thrown instead of sending, once the grace period is over. */
export class CancelledError extends Error {
  constructor(readonly signal: string) {
    super(`the run was cancelled (${signal}): no new request is sent`)
    this.name = 'CancelledError'
  }

  // The Vault client shows String(failure): just the message.
  override toString(): string {
    return this.message
  }
}

let signal: string | undefined
let gateClosed = false
let timer: NodeJS.Timeout | undefined

/** Starts the cancellation; a second call changes nothing. */
export function cancel(by: string, graceMs: number): void {
  if (signal) return
  signal = by
  timer = setTimeout(() => (gateClosed = true), graceMs)
  timer.unref()
}

/** The signal that cancelled the run, if one did. */
export function cancelledBy(): string | undefined {
  return signal
}

/** Throws once the grace period is over; `revoking` always goes. */
export function checkMaySend(revoking = false): void {
  if (signal && gateClosed && !revoking) throw new CancelledError(signal)
}

/** For tests in one process. */
export function resetCancellation(): void {
  if (timer) clearTimeout(timer)
  signal = undefined
  gateClosed = false
}
