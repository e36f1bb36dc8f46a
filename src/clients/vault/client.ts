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
}

/**
 * Requests with retries: every call goes through `send`, so backoff,
 * counting and error wording are the same for reads, writes and logins.
 */
export class VaultHttp {
  readonly stats: ClientStats = { requests: 0, retries: 0 }

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
    for (let attempt = 1; ; attempt++) {
      this.stats.requests++
      let response: VaultResponse | undefined
      let failure: unknown
      try {
        response = await this.transport.request(request)
      } catch (cause) {
        failure = cause
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
    return new VaultError(
      explainStatus(request.method, path, response.status, errors),
      response.status,
      path,
      errors,
      response.body
    )
  }
}
