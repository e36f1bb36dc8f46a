/**
 * The token store: service tokens with TTLs, parents and use counts
 * (`vault/token_store.go`). Tokens look like Vault's (`hvs.` + base62,
 * vault-api.md §6.1) and remember the namespace that issued them.
 */
import { struct } from '../http/json.js'
import { accessor, serviceToken, uuid } from '../util/ids.js'
import { nowNs, nowSeconds, rfc3339 } from '../util/time.js'

/** Vault's system default and max lease TTL: 768h (§4). */
export const SYSTEM_DEFAULT_TTL = 768 * 3600
export const SYSTEM_MAX_TTL = 768 * 3600

export interface TokenEntry {
  id: string
  accessor: string
  /** Sorted, with `default` unless opted out; `["root"]` for root tokens. */
  policies: string[]
  /** Namespace that issued the token (`''` = root). */
  nsPath: string
  /** Creation path: `auth/token/root`, `auth/approle/login`, … */
  path: string
  displayName: string
  meta: Record<string, string> | null
  creationTime: number
  /** TTL at creation, seconds; 0 = never expires. */
  creationTtl: number
  explicitMaxTtl: number
  /** Absolute expiry in ms since epoch; 0 = never. */
  expiresAt: number
  /** Hard ceiling for renewals (ms since epoch); 0 = none. */
  maxExpiresAt: number
  issueTime: bigint
  numUses: number
  renewable: boolean
  orphan: boolean
  parent: string | undefined
  entityId: string
}

export interface TokenInit {
  id?: string
  /** Namespace id: Enterprise appends `.<nsid>` to tokens from namespaces. */
  nsId?: string
  policies: string[]
  nsPath: string
  path: string
  displayName: string
  meta?: Record<string, string> | null
  ttl?: number
  maxTtl?: number
  explicitMaxTtl?: number
  numUses?: number
  renewable?: boolean
  parent?: string
  entityId?: string
}

export class TokenStore {
  private readonly byId = new Map<string, TokenEntry>()

  create(init: TokenInit): TokenEntry {
    const root = init.policies.includes('root')
    const ttl = root ? (init.ttl ?? 0) : init.ttl || SYSTEM_DEFAULT_TTL
    const now = Date.now()
    const maxTtl = Math.min(
      init.explicitMaxTtl || init.maxTtl || SYSTEM_MAX_TTL,
      SYSTEM_MAX_TTL
    )
    const entry: TokenEntry = {
      id:
        init.id ??
        (init.nsPath !== '' && init.nsId
          ? `${serviceToken()}.${init.nsId}`
          : serviceToken()),
      accessor: accessor(),
      policies: root ? ['root'] : [...new Set(init.policies)].sort(),
      nsPath: init.nsPath,
      path: init.path,
      displayName: init.displayName,
      meta: init.meta ?? null,
      creationTime: nowSeconds(),
      creationTtl: ttl,
      explicitMaxTtl: init.explicitMaxTtl ?? 0,
      expiresAt: ttl > 0 ? now + Math.min(ttl, maxTtl) * 1000 : 0,
      maxExpiresAt: ttl > 0 ? now + maxTtl * 1000 : 0,
      issueTime: nowNs(),
      numUses: init.numUses ?? 0,
      renewable: root ? false : (init.renewable ?? true),
      orphan: init.parent === undefined,
      parent: init.parent,
      entityId: init.entityId ?? (root ? '' : uuid())
    }
    this.byId.set(entry.id, entry)
    return entry
  }

  /** A live token, or undefined when unknown, revoked or expired. */
  lookup(id: string): TokenEntry | undefined {
    const entry = this.byId.get(id)
    if (entry === undefined) return undefined
    if (entry.expiresAt !== 0 && Date.now() >= entry.expiresAt) {
      this.revoke(entry)
      return undefined
    }
    return entry
  }

  /** Revoke a token and, as Vault does, every token it created. */
  revoke(entry: TokenEntry): void {
    this.byId.delete(entry.id)
    for (const child of [...this.byId.values()]) {
      if (child.parent === entry.id) this.revoke(child)
    }
  }

  /**
   * Every token with a TTL expires now, as if its time had run out (a
   * fault for tests); root tokens, which never expire, stay.
   */
  expireAll(): number {
    let expired = 0
    for (const entry of this.byId.values()) {
      if (entry.expiresAt === 0) continue
      entry.expiresAt = Date.now() - 1
      expired++
    }
    return expired
  }

  /** Remaining TTL in whole seconds (0 for tokens that never expire). */
  ttl(entry: TokenEntry): number {
    if (entry.expiresAt === 0) return 0
    return Math.max(0, Math.round((entry.expiresAt - Date.now()) / 1000))
  }

  /** Extend a token's lease by `increment` seconds, capped by its max TTL. */
  renew(entry: TokenEntry, increment: number): void {
    const wanted = Date.now() + (increment || entry.creationTtl) * 1000
    entry.expiresAt = Math.min(wanted, entry.maxExpiresAt || wanted)
  }

  /** The `auth` block of login/renew/create responses (`HTTPAuth` order). */
  authBlock(
    entry: TokenEntry,
    tokenPolicies?: string[]
  ): Record<string, unknown> {
    return struct({
      client_token: entry.id,
      accessor: entry.accessor,
      policies: entry.policies,
      token_policies: tokenPolicies ?? entry.policies,
      metadata: entry.meta,
      lease_duration: this.ttl(entry),
      renewable: entry.renewable,
      entity_id: entry.entityId,
      token_type: 'service',
      orphan: entry.orphan,
      mfa_requirement: null,
      num_uses: entry.numUses
    })
  }

  /** `auth/token/lookup-self` data (`handleLookup` in token_store.go). */
  lookupData(entry: TokenEntry): Record<string, unknown> {
    const data: Record<string, unknown> = {
      accessor: entry.accessor,
      creation_time: entry.creationTime,
      creation_ttl: entry.creationTtl,
      display_name: entry.displayName,
      entity_id: entry.entityId,
      expire_time: null,
      explicit_max_ttl: entry.explicitMaxTtl,
      id: entry.id,
      meta: entry.meta,
      num_uses: entry.numUses,
      orphan: entry.orphan,
      path: entry.path,
      policies: entry.policies,
      ttl: 0,
      type: 'service'
    }
    // Root tokens have no lease, so Vault reports no issue/expiry/renewable.
    if (entry.expiresAt !== 0) {
      data.issue_time = rfc3339(entry.issueTime)
      data.expire_time = rfc3339(BigInt(entry.expiresAt) * 1_000_000n)
      data.ttl = this.ttl(entry)
      data.renewable = entry.renewable
    }
    return data
  }
}
