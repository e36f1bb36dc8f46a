/**
 * KV v2 `data/` (vault-plugin-secrets-kv `path_data.go`; vault-api.md
 * §3.2-3.5): versioned reads, writes with check-and-set, JSON merge patches
 * and soft delete of the latest version.
 */
import { type Result, fail, logical, nil, raw } from '../http/response.js'
import { intField, isError, mapField } from '../http/fields.js'
import type { RequestContext } from '../state.js'
import { isObject, weakInt } from '../util/go.js'
import { nowNs } from '../util/time.js'
import {
  type KeyMeta,
  type KvV2Store,
  isDeleted,
  versionView
} from './v2-store.js'

/**
 * `validateCheckAndSetOption`: `options.cas` is weakly decoded to an int and
 * must equal the current version (0 when the key has no metadata).
 */
export function checkCas(
  store: KvV2Store,
  meta: KeyMeta,
  options: Record<string, unknown> | undefined
): Result | undefined {
  if (options !== undefined && 'cas' in options) {
    const cas = weakInt(options.cas)
    if (cas === undefined)
      return fail(400, 'error parsing check-and-set parameter')
    if (cas !== meta.currentVersion) {
      return fail(
        400,
        'check-and-set parameter did not match the current version'
      )
    }
    return undefined
  }
  if (store.config.casRequired || meta.casRequired) {
    return fail(400, 'check-and-set parameter required for this call')
  }
  return undefined
}

function recordVersion(ctx: RequestContext, key: string): void {
  ctx.state.counters.kvWrite()
  ctx.state.counters.versionCreated(`${ctx.mount.path}${key}`)
}

export function readData(store: KvV2Store, key: string) {
  return (ctx: RequestContext): Result => {
    const meta = store.meta.get(key)
    if (meta === undefined) return nil
    const param = intField(ctx.req.data, 'version')
    if (isError(param)) return param
    const version =
      param !== undefined && param > 0 ? param : meta.currentVersion
    const vm = meta.versions.get(version)
    if (vm === undefined) return nil
    const metadata = versionView(meta, version, vm)
    // Deleted or destroyed: 404 whose body is the envelope with data: null.
    if (isDeleted(vm) || vm.destroyed) {
      return logical({ data: null, metadata }, { status: 404 })
    }
    return logical({ data: store.versionData(key, version) ?? {}, metadata })
  }
}

export function writeData(store: KvV2Store, key: string) {
  return (ctx: RequestContext): Result => {
    if (key === '') return fail(400, 'missing path')
    const data = mapField(ctx.req.data, 'data')
    if (isError(data)) return data
    const options = mapField(ctx.req.data, 'options')
    if (isError(options)) return options
    if (data === undefined) return fail(400, 'no data provided')
    const meta = store.meta.get(key) ?? store.newMeta(key)
    const casError = checkCas(store, meta, options)
    if (casError) return casError
    const vm = store.addVersion(meta, structuredClone(data))
    recordVersion(ctx, key)
    return logical(versionView(meta, meta.currentVersion, vm))
  }
}

/** RFC 7396 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

export function patchData(store: KvV2Store, key: string) {
  return (ctx: RequestContext): Result => {
    if (ctx.req.data.data === undefined || ctx.req.data.data === null) {
      return fail(400, 'no data provided')
    }
    const patch = mapField(ctx.req.data, 'data')
    if (isError(patch)) return patch
    const options = mapField(ctx.req.data, 'options')
    if (isError(options)) return options
    const meta = store.meta.get(key)
    // RespondWithStatusCode(nil, req, 404): a 404 with an empty body.
    if (meta === undefined) return raw(404)
    const casError = checkCas(store, meta, options)
    if (casError) return casError
    const current = meta.currentVersion
    const vm = meta.versions.get(current)
    if (vm === undefined) return raw(404)
    if (isDeleted(vm) || vm.destroyed) {
      // Unlike reads, patch answers with the *flat* version metadata.
      return logical(versionView(meta, current, vm), { status: 404 })
    }
    const merged = mergePatch(store.versionData(key, current) ?? {}, patch)
    const created = store.addVersion(meta, merged as Record<string, unknown>)
    recordVersion(ctx, key)
    return logical(versionView(meta, meta.currentVersion, created))
  }
}

/** Soft-delete the latest version; 204 whatever the state (§3.5). */
export function deleteLatest(store: KvV2Store, key: string) {
  return (ctx: RequestContext): Result => {
    const meta = store.meta.get(key)
    const vm = meta?.versions.get(meta.currentVersion)
    if (vm === undefined || vm.destroyed || isDeleted(vm)) return nil
    vm.deletion = nowNs()
    ctx.state.counters.kvWrite()
    return nil
  }
}
