/**
 * KV v1, the "passthrough" engine (`passthrough.go`; vault-api.md §4): the
 * request body is the secret, writes overwrite and answer 204, reads report
 * a `lease_duration` from the stored `ttl`/`lease` field or the mount
 * default (768h). Keys with `..` inside a segment (`user..aaa`) are
 * stored as OpenBao stores them (Vault's `StorageView.SanityCheck` refuses
 * them); `.` and `..` segments never get here (http/request.ts).
 */
import type { VaultRequest } from '../http/request.js'
import { type Result, fail, logical, nil } from '../http/response.js'
import type { Backend, RequestContext, Route } from '../state.js'
import { SYSTEM_DEFAULT_TTL } from '../auth/tokens.js'
import { parseDurationSecond } from '../util/time.js'
import { childrenOf } from './list.js'

export class KvV1Backend implements Backend {
  /** Keys are kept sorted on list, as Vault's plaintext storage lists them. */
  readonly entries = new Map<string, Record<string, unknown>>()

  route(rel: string, req: VaultRequest): Route | undefined {
    const key = rel
    if (req.operation === 'list') {
      return { kind: 'kv1-list', handlers: { list: () => this.list(key) } }
    }
    return {
      kind: 'kv1',
      exists: () => this.entries.has(key),
      handlers: {
        read: (ctx) => this.read(ctx, key),
        update: (ctx) => this.write(ctx, key),
        delete: (ctx) => this.remove(ctx, key)
      }
    }
  }

  private read(ctx: RequestContext, key: string): Result {
    const entry = this.entries.get(key)
    if (entry === undefined) return nil
    const ttlRaw = entry.ttl ?? entry.lease
    const parsed =
      ttlRaw === undefined ? undefined : parseDurationSecond(ttlRaw)
    const lease =
      parsed ?? (ctx.mount.config.default_lease_ttl || SYSTEM_DEFAULT_TTL)
    return logical(structuredClone(entry), { leaseDuration: lease })
  }

  private write(ctx: RequestContext, key: string): Result {
    if (key === '') return fail(400, 'missing path')
    if (Object.keys(ctx.req.data).length === 0) {
      return fail(400, 'missing data fields')
    }
    this.entries.set(key, structuredClone(ctx.req.data))
    ctx.state.counters.kvWrite()
    return nil
  }

  private remove(ctx: RequestContext, key: string): Result {
    if (this.entries.delete(key)) ctx.state.counters.kvWrite()
    return nil
  }

  private list(folder: string): Result {
    const keys = childrenOf(this.entries.keys(), folder).sort()
    return logical({ keys })
  }
}
