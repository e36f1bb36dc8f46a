/**
 * KV v2 `metadata/` (`path_metadata.go`; vault-api.md §3.7-3.8): key
 * settings and custom_metadata, delete-all-versions, and listing.
 */
import { type Result, fail, logical, nil, raw } from '../http/response.js'
import {
  boolField,
  durationField,
  intField,
  isError,
  mapField
} from '../http/fields.js'
import type { RequestContext } from '../state.js'
import { isPrintable, multiError, weakBool, weakString } from '../util/go.js'
import { goDuration, nowNs, rfc3339 } from '../util/time.js'
import { childrenOf } from './list.js'
import { type KeyMeta, type KvV2Store, isDeleted } from './v2-store.js'
import { mergePatch } from './v2-data.js'

const PREFIX = 'custom_metadata validation failed'
const CAS_WARNING =
  '"cas_required" set to false, but is mandated by backend config. This value will be ignored.'

/** `validateCustomMetadata`: every problem, as one multi-error. */
function validateCustomMetadata(
  cm: Record<string, string>
): string | undefined {
  const keys = Object.keys(cm).sort()
  if (keys.length > 64) {
    return multiError([
      `${PREFIX}: payload must contain at most 64 keys, provided ${keys.length}`
    ])
  }
  const errs: string[] = []
  for (const key of keys) {
    const value = cm[key] ?? ''
    const kLen = Buffer.byteLength(key)
    const vLen = Buffer.byteLength(value)
    if (kLen === 0 || kLen > 128) {
      errs.push(
        `${PREFIX}: length of key "${key}" is ${kLen} but must be 0 < len(key) <= 128`
      )
    }
    if (vLen === 0 || vLen > 512) {
      errs.push(
        `${PREFIX}: length of value for key "${key}" is ${vLen} but must be 0 < len(value) <= 512`
      )
    }
    if (!isPrintable(key)) {
      errs.push(
        `${PREFIX}: key ${JSON.stringify(key)} (${key}) contains unprintable characters`
      )
    }
    if (!isPrintable(value)) {
      errs.push(
        `${PREFIX}: value for key "${key}" contains unprintable characters`
      )
    }
  }
  return errs.length > 0 ? multiError(errs) : undefined
}

/** `parseCustomMetadata`: values weakly decoded to strings. */
function parseCustomMetadata(
  raw: Record<string, unknown>,
  dropNulls: boolean
): { value: Record<string, string> } | { error: Result } {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) {
    if (dropNulls && v === null) continue
    const s = weakString(v)
    if (s === undefined) {
      return {
        error: fail(
          400,
          `${PREFIX}: '' expected type 'string', got unconvertible type 'map[string]interface {}'`
        )
      }
    }
    out[k] = s
  }
  const problem = validateCustomMetadata(out)
  return problem ? { error: fail(400, problem) } : { value: out }
}

function metadataView(meta: KeyMeta): Record<string, unknown> {
  const versions: Record<string, unknown> = {}
  for (const [n, vm] of meta.versions) {
    versions[String(n)] = {
      created_time: rfc3339(vm.created),
      deletion_time: rfc3339(vm.deletion),
      destroyed: vm.destroyed
    }
  }
  return {
    cas_required: meta.casRequired,
    created_time: rfc3339(meta.created),
    current_version: meta.currentVersion,
    custom_metadata: meta.customMetadata,
    delete_version_after: goDuration(meta.deleteVersionAfter),
    max_versions: meta.maxVersions,
    oldest_version: meta.oldestVersion,
    updated_time: rfc3339(meta.updated),
    versions
  }
}

export function readMetadata(store: KvV2Store, key: string) {
  return (): Result => {
    const meta = store.meta.get(key)
    return meta === undefined ? nil : logical(metadataView(meta))
  }
}

export function writeMetadata(store: KvV2Store, key: string) {
  return (ctx: RequestContext): Result => {
    if (key === '') return fail(400, 'missing path')
    const d = ctx.req.data
    const max = intField(d, 'max_versions')
    const cas = boolField(d, 'cas_required')
    const dva = durationField(d, 'delete_version_after')
    const cmRaw = mapField(d, 'custom_metadata')
    for (const f of [max, cas, dva, cmRaw]) if (isError(f)) return f
    // No recognised field at all: nothing happens (fast path).
    if ([max, cas, dva, cmRaw].every((f) => f === undefined)) return nil
    let cm: Record<string, string> | undefined
    if (cmRaw !== undefined && !isError(cmRaw)) {
      const parsed = parseCustomMetadata(cmRaw, false)
      if ('error' in parsed) return parsed.error
      cm = parsed.value
    }
    const warn = cas === false && store.config.casRequired
    let meta = store.meta.get(key)
    if (meta === undefined) {
      meta = store.newMeta(key)
      meta.created = meta.updated = nowNs()
      store.meta.set(key, meta)
    }
    if (typeof max === 'number') meta.maxVersions = max
    if (typeof cas === 'boolean') meta.casRequired = cas
    if (typeof dva === 'number') meta.deleteVersionAfter = dva
    if (cm !== undefined) meta.customMetadata = cm
    ctx.state.counters.kvWrite()
    return warn ? logical(null, { warnings: [CAS_WARNING] }) : nil
  }
}

export function patchMetadata(store: KvV2Store, key: string) {
  return (ctx: RequestContext): Result => {
    if (key === '') return fail(400, 'missing path')
    const d = ctx.req.data
    const cmRaw = mapField(d, 'custom_metadata')
    if (isError(cmRaw)) return cmRaw
    if (cmRaw !== undefined) {
      const parsed = parseCustomMetadata(cmRaw, true)
      if ('error' in parsed) return parsed.error
    }
    const meta = store.meta.get(key)
    if (meta === undefined) return raw(404)
    const max = intField(d, 'max_versions')
    const cas = boolField(d, 'cas_required')
    const dva = durationField(d, 'delete_version_after')
    for (const f of [max, cas, dva]) if (isError(f)) return f
    if (typeof max === 'number') meta.maxVersions = max
    if (typeof cas === 'boolean') meta.casRequired = cas
    if (typeof dva === 'number') meta.deleteVersionAfter = dva
    if (cmRaw !== undefined) {
      const merged = mergePatch(meta.customMetadata ?? {}, cmRaw) as Record<
        string,
        unknown
      >
      const strings: Record<string, string> = {}
      for (const [k, v] of Object.entries(merged))
        strings[k] = weakString(v) ?? ''
      meta.customMetadata = strings
    }
    ctx.state.counters.kvWrite()
    const warn = cas === false && store.config.casRequired
    return warn ? logical(null, { warnings: [CAS_WARNING] }) : nil
  }
}

/** Delete all versions and the metadata; 204 always (§3.7). */
export function deleteMetadata(store: KvV2Store, key: string) {
  return (ctx: RequestContext): Result => {
    if (store.meta.has(key)) {
      store.deleteKey(key)
      ctx.state.counters.kvWrite()
    }
    return nil
  }
}

/** `LIST metadata/<folder>/`; a 404 when nothing is below it (§3.8). */
export function listMetadata(store: KvV2Store, folder: string) {
  return (ctx: RequestContext): Result => {
    const excludeDeleted = weakBool(ctx.req.data.exclude_deleted) === true
    let names = childrenOf(store.meta.keys(), folder)
    if (excludeDeleted) {
      // Vault 1.21: drop keys whose current version is deleted; folders stay.
      names = names.filter((name) => {
        if (name.endsWith('/')) return true
        const meta = store.meta.get(folder + name)
        const vm = meta?.versions.get(meta.currentVersion)
        return vm === undefined || !isDeleted(vm)
      })
    }
    return logical({ keys: store.order.sort(names) })
  }
}
