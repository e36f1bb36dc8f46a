/**
 * One Astro API call with retries: plain fetch, a timeout per attempt,
 * 429/5xx/network failures retried (retry.ts), and a final failure turned
 * into an AstroApiError from the spec's Error body (message, requestId,
 * fieldErrors) or from a text body (gateways answer text, astro-api.md §3).
 */
import {
  AstroApiError,
  type AstroErrorContext,
  type FieldErrorInfo,
  hintFor,
  tidy
} from './errors.js'
import {
  backoffMs,
  isRetryableStatus,
  parseRetryAfter,
  type RetryOptions,
  type Sleep
} from './retry.js'
import { ProxyError } from '../net/proxy-tunnel.js'
import { RedirectRefusedError } from '../net/redirect-policy.js'
import { fetchSameOrigin } from '../net/same-origin-fetch.js'
import { logRequest } from '../net/request-log.js'
import { CancelledError, cancelledBy } from '../net/cancellation.js'

export interface Transport {
  fetch: typeof fetch
  headers: Record<string, string>
  retry: RetryOptions
  timeoutMs: number
  sleep: Sleep
  now: () => number
  random: () => number
  /** Values to redact from any server text (the token, always). */
  secrets: string[]
}

type Outcome =
  | { ok: true; status: number; text: string }
  | {
      ok: false
      status?: number
      text: string
      retryAfterMs?: number
      /** A proxy that refused: another try would be refused alike. */
      final?: boolean
    }

async function attempt(
  t: Transport,
  url: string,
  init: RequestInit
): Promise<Outcome> {
  const cancelled = cancelledBy()
  // Astro comes after Vault: a cancelled run does not start on it.
  if (cancelled)
    return {
      ok: false,
      text: new CancelledError(cancelled).message,
      final: true
    }
  try {
    const res = await fetchSameOrigin(t.fetch, 'the Astro API', url, {
      ...init,
      signal: AbortSignal.timeout(t.timeoutMs)
    })
    const text = await res.text()
    logRequest('Astro', init.method ?? 'GET', url, res.status)
    if (res.ok) return { ok: true, status: res.status, text }
    const retryAfterMs = parseRetryAfter(
      res.headers.get('retry-after'),
      t.now()
    )
    return { ok: false, status: res.status, text, retryAfterMs }
  } catch (e) {
    if (e instanceof RedirectRefusedError)
      return { ok: false, text: e.message, final: true }
    const err = e as Error & { cause?: { code?: string; message?: string } }
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError'
    logRequest(
      'Astro',
      init.method ?? 'GET',
      url,
      err.cause?.code ?? 'no answer'
    )
    const detail = timedOut
      ? `no answer within ${t.timeoutMs} ms`
      : (err.cause?.code ?? err.cause?.message ?? err.message)
    return { ok: false, text: detail, final: err.cause instanceof ProxyError }
  }
}

/** Sends and returns the 2xx body text; throws AstroApiError otherwise. */
export async function send(
  t: Transport,
  url: string,
  init: RequestInit,
  ctx: AstroErrorContext,
  secrets: readonly string[] = []
): Promise<string> {
  const started = t.now()
  for (let n = 1; ; n++) {
    const out = await attempt(t, url, init)
    if (out.ok) return out.text
    const retryable =
      !out.final && (out.status === undefined || isRetryableStatus(out.status))
    if (retryable && n < t.retry.maxAttempts) {
      const delay = backoffMs(t.retry, n, t.random, out.retryAfterMs)
      if (t.now() - started + delay <= t.retry.maxTotalMs) {
        await t.sleep(delay)
        continue
      }
    }
    throw toError(out, ctx, n, [...t.secrets, ...secrets])
  }
}

function toError(
  out: { status?: number; text: string },
  ctx: AstroErrorContext,
  attempts: number,
  secrets: readonly string[]
): AstroApiError {
  let serverMessage: string | undefined
  let requestId: string | undefined
  let fieldErrors: FieldErrorInfo[] = []
  try {
    const body = JSON.parse(out.text) as Record<string, unknown>
    if (typeof body.message === 'string') serverMessage = body.message
    if (typeof body.requestId === 'string') requestId = body.requestId
    if (Array.isArray(body.fieldErrors))
      fieldErrors = (body.fieldErrors as FieldErrorInfo[]).map((f) => ({
        field: tidy(String(f.field), secrets),
        code: tidy(String(f.code), secrets),
        message: tidy(String(f.message), secrets)
      }))
  } catch {
    serverMessage = out.text || undefined
  }
  if (serverMessage !== undefined) serverMessage = tidy(serverMessage, secrets)
  const parts = [hintFor(out.status, ctx)]
  const said = out.status === undefined ? 'Cause' : `Astro said (${out.status})`
  if (serverMessage) parts.push(`${said}: ${serverMessage}`)
  for (const f of fieldErrors) parts.push(`${f.field}: ${f.message}`)
  if (requestId) parts.push(`request id ${requestId}`)
  if (attempts > 1) parts.push(`${attempts} attempts`)
  return new AstroApiError(
    parts.join(' | '),
    out.status,
    ctx.operation,
    attempts,
    serverMessage,
    requestId,
    fieldErrors
  )
}
