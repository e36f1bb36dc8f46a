/**
 * Keeps the session's token usable through a long run (vault-api.md §6.2,
 * §6.5). A token the tool logged in for is replaced by logging in again,
 * once, when Vault calls it invalid or two thirds of its TTL have passed
 * (when Vault Agent renews). A static token can only be renewed; once it
 * expires nothing can replace it, so every later request fails at once.
 */
import type { TokenGuard } from './client.js'
import { VaultError } from './transport.js'

export interface Lease {
  /** Seconds left when issued, renewed or looked up; 0 = never expires. */
  ttlSeconds: number
  /** The TTL a renewal restores (creation_ttl); defaults to ttlSeconds. */
  fullSeconds?: number
  renewable: boolean
}

export interface KeeperOptions {
  /** Logs in again and installs the new token; absent for a static token. */
  login?: () => Promise<Lease>
  /** auth/token/renew-self. */
  renew: () => Promise<Lease>
  now: () => number
  counts: { relogins: number; renewals: number }
}

/**
 * The run has no usable token: a static one expired (or was revoked), or
 * logging in again failed. Every later request fails at once with it.
 */
export class TokenExpiredError extends VaultError {
  constructor(
    message: string,
    path: string,
    /** True for a static token, which nothing can replace. */
    readonly staticToken: boolean,
    status: number | undefined = 403
  ) {
    super(message, status, path)
    this.name = 'TokenExpiredError'
  }
}

export class TokenKeeper implements TokenGuard {
  private generation = 0
  private expiresAt = 0
  private fullMs = 0
  private renewable = false
  /** The current token has served a request: a refusal means it expired. */
  private accepted = false
  /** Renewing no longer extends the lease (max TTL), or failed. */
  private stuck = false
  private loginFailure: TokenExpiredError | undefined
  private pending: Promise<void> | undefined
  /** Set once the run has no usable token. */
  lost: TokenExpiredError | undefined

  constructor(private readonly options: KeeperOptions) {}

  /** What Vault said about the token, at login or from lookup-self. */
  setLease(lease: Lease): void {
    const now = this.options.now()
    this.expiresAt = lease.ttlSeconds > 0 ? now + lease.ttlSeconds * 1000 : 0
    this.fullMs = (lease.fullSeconds || lease.ttlSeconds) * 1000
    this.renewable = lease.renewable
  }

  async before(): Promise<number> {
    if (this.lost) throw this.lost
    if (this.pending) await this.pending.catch(() => undefined)
    else if (this.due()) await this.refresh().catch(() => undefined)
    return this.generation
  }

  ok(generation: number): void {
    if (generation === this.generation) this.accepted = true
  }

  /** True when a new token is in place to retry with; throws when none can be. */
  async refused(generation: number, path: string): Promise<boolean> {
    if (this.pending) await this.pending.catch(() => undefined)
    if (generation !== this.generation) return true
    if (this.lost) throw this.lost
    // Refused before it ever worked: wrong from the start, or a fresh login
    // refused at once. Another login would only loop.
    if (!this.accepted) return false
    if (this.options.login && !this.loginFailure) {
      await this.refresh().catch(() => undefined)
      if (generation !== this.generation) return true
    }
    this.lost =
      this.loginFailure ??
      new TokenExpiredError(
        'Vault no longer accepts the token: it expired or was revoked',
        path,
        !this.options.login
      )
    throw this.lost
  }

  private due(): boolean {
    if (this.expiresAt === 0 || this.stuck) return false
    if (!this.options.login && !this.renewable) return false
    return this.options.now() >= this.expiresAt - this.fullMs / 3
  }

  /** One refresh at a time: concurrent requests wait for the same one. */
  private refresh(): Promise<void> {
    const { login } = this.options
    this.pending ??= (login ? this.relogin(login) : this.renewSelf()).finally(
      () => {
        this.pending = undefined
      }
    )
    return this.pending
  }

  private async relogin(login: () => Promise<Lease>): Promise<void> {
    try {
      this.setLease(await login())
    } catch (cause) {
      // Never a second try: failed logins count toward the lockout.
      const error = cause instanceof VaultError ? cause : undefined
      this.loginFailure = new TokenExpiredError(
        error?.message ?? String(cause),
        error?.path ?? 'login',
        false,
        error?.status
      )
      this.stuck = true
      throw cause
    }
    this.options.counts.relogins++
    this.generation++
    this.accepted = false
  }

  private async renewSelf(): Promise<void> {
    const before = this.expiresAt
    try {
      this.setLease(await this.options.renew())
      this.options.counts.renewals++
    } catch {
      this.stuck = true
      return
    }
    // Capped by its max TTL: renewing again would not help.
    if (this.expiresAt <= before + 1000) this.stuck = true
  }
}
