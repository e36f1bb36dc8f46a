/**
 * Retrying 429, 5xx and network failures. Astro documents no 429 body or
 * Retry-After, only per-token limits (POST 10/s, GET 25/s, astro-api.md
 * §3) and "use exponential backoff" (§3, S9 best practices). So: capped
 * exponential backoff with equal jitter (never less than half the step,
 * which keeps a retrying job well under those limits), at least the
 * Retry-After a server sends, and bounds on attempts and total time.
 * Update POSTs are idempotent (§3 "Other"), so they are retried too.
 */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** No retry starts if it would end later than this after the first try. */
  maxTotalMs: number
}

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxTotalMs: 60_000
}

export type Sleep = (ms: number) => Promise<void>

export const realSleep: Sleep = (ms) =>
  new Promise((resolve) => setTimeout(resolve, ms))

export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599)
}

/**
 * Retry-After in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(
  header: string | null,
  now: number
): number | undefined {
  if (!header) return undefined
  const text = header.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

export function backoffMs(
  opts: RetryOptions,
  attempt: number,
  random: () => number,
  retryAfterMs?: number
): number {
  const step = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1))
  const jittered = Math.round(step / 2 + (random() * step) / 2)
  return Math.max(jittered, retryAfterMs ?? 0)
}
