import { errorsOf, type VaultResponse } from './transport.js'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** No retry starts after this much time since the first attempt. */
  budgetMs: number
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 6,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  budgetMs: 60_000
}

export type Sleep = (ms: number) => Promise<void>
export const sleep: Sleep = (ms) =>
  new Promise((resolve) => setTimeout(resolve, ms))

/** Connection-level failures worth another try (reset, refused, timeout). */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_SOCKET'
])

export function isNetworkError(cause: unknown): boolean {
  const code = (cause as { code?: unknown } | null)?.code
  return typeof code === 'string' && NETWORK_CODES.has(code)
}

/**
 * 412 (a performance standby behind), 429 (quota), 5xx, and the 400 a new
 * KV v2 mount gives while it upgrades (vault-api.md §3.12). Other 4xx are
 * the caller's mistake and would fail again.
 */
export function isRetryableStatus(response: VaultResponse): boolean {
  const { status } = response
  if (status === 412 || status === 429 || status >= 500) return true
  return (
    status === 400 &&
    errorsOf(response.body).some((e) =>
      e.startsWith('Upgrading from non-versioned')
    )
  )
}

/** Exponential backoff with full jitter, or what the server asked for. */
export function backoffMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterSeconds?: number
): number {
  if (retryAfterSeconds !== undefined)
    return Math.min(retryAfterSeconds * 1000, policy.maxDelayMs)
  const ceiling = Math.min(
    policy.maxDelayMs,
    policy.baseDelayMs * 2 ** (attempt - 1)
  )
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2)
}
