/**
 * The one way our Vault client talks HTTP. The KV logic, retries and
 * concurrency sit above it, so the transport underneath (node-vault today)
 * can change without touching them.
 */
export interface VaultRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Below /v1/, already percent-encoded segment by segment. */
  path: string
  body?: unknown
  /** Needed for PATCH (merge-patch); otherwise JSON. */
  contentType?: string
}

export interface VaultResponse {
  status: number
  body: unknown
  /** Seconds to wait, when the server said so (429, 503). */
  retryAfterSeconds?: number
}

export interface VaultTransport {
  request(request: VaultRequest): Promise<VaultResponse>
  setToken(token: string): void
  close(): void
}

/** A non-2xx answer from Vault, or a connection that never got one. */
export class VaultError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly path: string,
    readonly errors: readonly string[] = [],
    readonly body: unknown = undefined
  ) {
    super(message)
    this.name = 'VaultError'
  }
}

/** `{"errors": [...]}`, the shape of every Vault error body. */
export function errorsOf(body: unknown): string[] {
  if (body !== null && typeof body === 'object' && 'errors' in body) {
    const errors = (body as { errors: unknown }).errors
    if (Array.isArray(errors)) return errors.map(String)
  }
  return []
}

/** Percent-encodes each segment: Vault routes on the decoded path. */
export function encodePath(...segments: string[]): string {
  return segments
    .flatMap((s) => s.split('/'))
    .filter((s) => s !== '')
    .map(encodeURIComponent)
    .join('/')
}
