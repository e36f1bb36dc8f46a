import {
  backoffMs,
  DEFAULT_RETRY,
  isNetworkError,
  isRetryableStatus,
  sleep as realSleep,
  type RetryPolicy,
  type Sleep
} from './retry.js'
import {
  errorsOf,
  VaultError,
  type VaultRequest,
  type VaultResponse,
  type VaultTransport
} from './transport.js'
import { explainNetwork, explainStatus } from './explain.js'

export interface ClientStats {
  requests: number
  retries: number
  /** New tokens from logging in again after one expired. */
  relogins: number
  /** Static tokens extended with renew-self. */
  renewals: number
}

/** Keeps the token valid; see token-keeper.ts. */
export interface TokenGuard {
  /** Before each request: refreshes a token near its end. */
  before(): Promise<number>
  /** The token of `generation` worked. */
  ok(generation: number): void
  /** It was refused as invalid: true once a new token is there to retry. */
  refused(generation: number, path: string): Promise<boolean>
}

/**
 * A token Vault does not know (unknown, expired or revoked, §6.2). Vault
 * says "invalid token"; OpenBao answers the bare "permission denied" it
 * gives for no token. A valid token that lacks a capability gets the
 * wrapped "1 error occurred: permission denied" from both, so the bare
 * text means the token (we always send one).
 */
export function isInvalidToken(response: VaultResponse): boolean {
  if (response.status !== 403) return false
  const errors = errorsOf(response.body)
  return (
    errors.some((e) => e.includes('invalid token')) ||
    (errors.length === 1 && errors[0] === 'permission denied')
  )
}

/**
 * Requests with retries: every call goes through `send`, so backoff,
 * counting and error wording are the same for reads, writes and logins.
 */
export class VaultHttp {
  readonly stats: ClientStats = {
    requests: 0,
    retries: 0,
    relogins: 0,
    renewals: 0
  }
  /** Set once logged in; logins and revoke-self (`retry: false`) skip it. */
  guard: TokenGuard | undefined

  constructor(
    private readonly transport: VaultTransport,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly sleep: Sleep = realSleep
  ) {}

  setToken(token: string): void {
    this.transport.setToken(token)
  }

  close(): void {
    this.transport.close()
  }

  /**
   * Sends with retries and returns any answer the caller may expect
   * (`accept`); anything else becomes a VaultError that says what to do.
   * `retry: false` is for logins: five failures lock an AppRole out.
   */
  async send(
    request: VaultRequest,
    accept: readonly number[] = [200, 204],
    retry = true
  ): Promise<VaultResponse> {
    const started = Date.now()
    const guard = retry ? this.guard : undefined
    const path = decodeURIComponent(request.path)
    for (let attempt = 1; ; attempt++) {
      const generation = (await guard?.before()) ?? 0
      this.stats.requests++
      let response: VaultResponse | undefined
      let failure: unknown
      try {
        response = await this.transport.request(request)
      } catch (cause) {
        failure = cause
      }
      if (guard && response) {
        // Refused requests did nothing, so sending again is safe.
        if (isInvalidToken(response)) {
          if (await guard.refused(generation, path)) {
            attempt--
            continue
          }
        } else if (response.status < 429) guard.ok(generation)
      }
      if (response && accept.includes(response.status)) return response
      const again =
        retry &&
        attempt < this.retry.attempts &&
        Date.now() - started < this.retry.budgetMs &&
        (response ? isRetryableStatus(response) : isNetworkError(failure))
      if (!again) throw this.toError(request, response, failure)
      this.stats.retries++
      await this.sleep(
        backoffMs(this.retry, attempt, response?.retryAfterSeconds)
      )
    }
  }

  private toError(
    request: VaultRequest,
    response: VaultResponse | undefined,
    failure: unknown
  ): VaultError {
    const path = decodeURIComponent(request.path)
    if (!response) {
      const code = (failure as { code?: string } | null)?.code
      return new VaultError(
        `cannot reach Vault for ${request.method} ${path}: ${explainNetwork(code) ?? code ?? String(failure)}`,
        undefined,
        path
      )
    }
    const errors = errorsOf(response.body)
    // "permission denied" alone would send people to their policies.
    const message = isInvalidToken(response)
      ? `Vault does not accept the token for ${request.method} ${path}: it is unknown, expired or revoked; check VAULT_TOKEN or the login settings`
      : explainStatus(request.method, path, response.status, errors)
    return new VaultError(message, response.status, path, errors, response.body)
  }
}
