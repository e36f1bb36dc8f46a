/**
 * User lockout (vault-api.md §6.3; Vault "concepts/user-lockout"): failed
 * logins are counted per auth mount and alias (AppRole's alias is the
 * `role_id`). After `threshold` failures the alias is locked for `duration`
 * and every login answers 403 `permission denied`, even with the right
 * credentials. The counter resets after `counterReset` without failures, or
 * on a successful login. Defaults: 5 attempts, 15 minutes, 15 minutes.
 */
export interface LockoutConfig {
  threshold: number
  durationMs: number
  counterResetMs: number
}

export const DEFAULT_LOCKOUT: LockoutConfig = {
  threshold: 5,
  durationMs: 15 * 60_000,
  counterResetMs: 15 * 60_000
}

interface Entry {
  failures: number
  lastFailure: number
}

export class Lockout {
  private readonly entries = new Map<string, Entry>()

  isLocked(alias: string, cfg: LockoutConfig): boolean {
    const e = this.entries.get(alias)
    if (e === undefined) return false
    const age = Date.now() - e.lastFailure
    if (e.failures >= cfg.threshold) {
      if (age < cfg.durationMs) return true
      this.entries.delete(alias)
    }
    return false
  }

  failed(alias: string, cfg: LockoutConfig): void {
    const now = Date.now()
    const e = this.entries.get(alias)
    if (e === undefined || now - e.lastFailure > cfg.counterResetMs) {
      this.entries.set(alias, { failures: 1, lastFailure: now })
    } else {
      e.failures++
      e.lastFailure = now
    }
  }

  succeeded(alias: string): void {
    this.entries.delete(alias)
  }
}
