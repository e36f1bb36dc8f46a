/**
 * What handlers return, and how it becomes Vault's wire format.
 *
 * Handlers speak Vault's internal language: a *logical response* (data,
 * warnings, auth), *nothing* (Go's `nil, nil`), an *error response* or a raw
 * status. The router turns these into HTTP the way `http/logical.go` and
 * `sdk/logical/response_util.go` do (vault-api.md §2.2-2.3).
 */
import { goEncode, goMarshal, struct } from './json.js'

export interface LogicalResult {
  kind: 'logical'
  data?: Record<string, unknown> | null
  warnings?: string[]
  auth?: Record<string, unknown> | null
  leaseDuration?: number
  /** Legacy sys routes copy `data` keys to the top level (§2.2). */
  injected?: boolean
  /** Overrides the status (e.g. a 404 whose body is still an envelope). */
  status?: number
}
export interface NilResult {
  kind: 'nil'
}
export interface ErrorResult {
  kind: 'error'
  status: number
  errors: string[]
}
export interface RawResult {
  kind: 'raw'
  status: number
  body?: string
  headers?: Record<string, string>
}
export type Result = LogicalResult | NilResult | ErrorResult | RawResult

export function logical(
  data: Record<string, unknown> | null,
  extra: Omit<LogicalResult, 'kind' | 'data'> = {}
): LogicalResult {
  return { kind: 'logical', data, ...extra }
}

export const nil: NilResult = { kind: 'nil' }

/** `logical.ErrorResponse(msg)` with the status its error kind maps to. */
export function fail(status: number, ...errors: string[]): ErrorResult {
  return { kind: 'error', status, errors }
}

export function raw(
  status: number,
  body?: string,
  headers?: Record<string, string>
): RawResult {
  return { kind: 'raw', status, body, headers }
}

/** The bytes that go on the wire. */
export interface WireResponse {
  status: number
  body: string | undefined
  headers: Record<string, string>
}

export interface EnvelopeFields {
  requestId: string
  data: unknown
  warnings?: string[] | null
  auth?: unknown
  leaseDuration?: number
}

/**
 * The response envelope in Go struct order with every field present
 * (`logical.HTTPResponse`, no `omitempty`). OpenBao's has no `mount_type`
 * (Vault 1.20+ adds it), so neither has ours.
 */
export function envelope(f: EnvelopeFields): Record<string, unknown> {
  return struct({
    request_id: f.requestId,
    lease_id: '',
    renewable: false,
    lease_duration: f.leaseDuration ?? 0,
    data: f.data ?? null,
    wrap_info: null,
    warnings: f.warnings && f.warnings.length > 0 ? f.warnings : null,
    auth: f.auth ?? null
  })
}

const jsonHeaders = { 'Content-Type': 'application/json' }

export function wireJson(status: number, value: unknown): WireResponse {
  return { status, body: goEncode(value), headers: { ...jsonHeaders } }
}

/** Raw bodies built by plugins are `json.Marshal` output: no newline. */
export function wireMarshal(status: number, value: unknown): WireResponse {
  return { status, body: goMarshal(value), headers: { ...jsonHeaders } }
}

export function wireErrors(status: number, errors: string[]): WireResponse {
  return wireJson(status, { errors })
}

/** `respondOk(w, nil)`: 204 that still says `application/json`. */
export function wireNoContent(): WireResponse {
  return { status: 204, body: undefined, headers: { ...jsonHeaders } }
}
