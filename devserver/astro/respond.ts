/**
 * Response helpers: the spec's `Error` body (message, requestId,
 * statusCode, fieldErrors on 400) and the plain-text bodies a gateway in
 * front of Astro sends for 502/503/504 and, reportedly, auth failures
 * (astro-api.md §3, unverified), so clients must cope with both.
 */
import type { ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import type { ErrorBody } from './model.js'
import type { FieldError } from './validate.js'

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers
  })
  res.end(text)
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain',
    'Content-Length': String(Buffer.byteLength(text)),
    ...headers
  })
  res.end(text)
}

export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  opts: { fieldErrors?: FieldError[]; headers?: Record<string, string> } = {}
): void {
  const requestId = randomUUID()
  const body: ErrorBody = { message, requestId, statusCode: status }
  if (opts.fieldErrors?.length) body.fieldErrors = opts.fieldErrors
  sendJson(res, status, body, { 'X-Request-Id': requestId, ...opts.headers })
}

/** What an injected fault answers; `echo` is quoted in the message. */
export function sendFault(
  res: ServerResponse,
  status: number,
  retryAfter: number | null,
  echo?: string
): void {
  const headers: Record<string, string> =
    retryAfter !== null && (status === 429 || status === 503)
      ? { 'Retry-After': String(retryAfter) }
      : {}
  if (status === 502 || status === 503 || status === 504) {
    const reason = 'upstream connect error or disconnect/reset before headers'
    const said = echo === undefined ? reason : `${reason}: ${echo}`
    return sendText(res, status, said, headers)
  }
  const message =
    status === 429
      ? 'rate limit exceeded, retry later'
      : status >= 500
        ? 'internal server error'
        : 'injected fault'
  const said = echo === undefined ? message : `${message}: ${echo}`
  const fieldErrors = echo === undefined ? [] : quotedValues(echo)
  sendError(res, status, said, { headers, fieldErrors })
}

/** A validator's field errors, each quoting an environment variable's value. */
function quotedValues(body: string): FieldError[] {
  try {
    const vars = (JSON.parse(body) as { environmentVariables?: unknown })
      .environmentVariables
    if (!Array.isArray(vars)) return []
    return vars.map((v: { value?: unknown }, i) => ({
      field: `environmentVariables[${i}].value`,
      code: 'invalid',
      message: `invalid value ${JSON.stringify(v.value)}`
    }))
  } catch {
    return []
  }
}
