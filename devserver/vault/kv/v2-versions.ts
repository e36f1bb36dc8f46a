/**
 * KV v2 version operations, subkeys and engine config (`path_delete.go`,
 * `path_destroy.go`, `path_subkeys.go`, `path_config.go`; vault-api.md
 * §3.6, §3.9).
 */
import { type Result, fail, logical, nil } from '../http/response.js'
import {
  boolField,
  durationField,
  intField,
  intListField,
  isError
} from '../http/fields.js'
import type { RequestContext } from '../state.js'
import { isObject } from '../util/go.js'
import { goDuration, nowNs } from '../util/time.js'
import { type KvV2Store, isDeleted, versionView } from './v2-store.js'

type VersionOp = 'delete' | 'undelete' | 'destroy'

/** Note the texts: "No version…" for delete/undelete, "no version…" for destroy. */
const missing: Record<VersionOp, string> = {
  delete: 'No version number provided',
  undelete: 'No version number provided',
  destroy: 'no version number provided'
}

export function versionOp(store: KvV2Store, key: string, op: VersionOp) {
  return (ctx: RequestContext): Result => {
    const versions = intListField(ctx.req.data, 'versions')
    if (isError(versions)) return versions
    if (versions === undefined || versions.length === 0)
      return fail(400, missing[op])
    const meta = store.meta.get(key)
    if (meta === undefined) return nil
    for (const v of versions) {
      const vm = meta.versions.get(v)
      if (vm === undefined || vm.destroyed) continue
      if (op === 'delete') {
        if (!isDeleted(vm)) vm.deletion = nowNs()
      } else if (op === 'undelete') {
        // Re-applies delete_version_after from now, if configured.
        vm.deletion = store.deletionFor(meta, nowNs())
      } else {
        vm.destroyed = true
        store.dropVersionData(key, v)
      }
    }
    ctx.state.counters.kvWrite()
    return nil
  }
}

function subkeysOf(value: unknown, depth: number, level: number): unknown {
  if (!isObject(value)) return null
  if (depth > 0 && level >= depth) return null
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      isObject(v) && !(depth > 0 && level + 1 >= depth)
        ? subkeysOf(v, depth, level + 1)
        : null
  }
  return out
}

export function readSubkeys(store: KvV2Store, key: string) {
  return (ctx: RequestContext): Result => {
    const meta = store.meta.get(key)
    if (meta === undefined) return nil
    const param = intField(ctx.req.data, 'version')
    if (isError(param)) return param
    const depth = intField(ctx.req.data, 'depth')
    if (isError(depth)) return depth
    const version =
      param !== undefined && param > 0 ? param : meta.currentVersion
    const vm = meta.versions.get(version)
    if (vm === undefined) return nil
    const metadata = versionView(meta, version, vm)
    if (isDeleted(vm) || vm.destroyed) {
      return logical({ subkeys: null, metadata }, { status: 404 })
    }
    const data = store.versionData(key, version) ?? {}
    return logical({ subkeys: subkeysOf(data, depth ?? 0, 0), metadata })
  }
}

export function readConfig(store: KvV2Store) {
  return (): Result =>
    logical({
      cas_required: store.config.casRequired,
      delete_version_after: goDuration(store.config.deleteVersionAfter),
      max_versions: store.config.maxVersions
    })
}

export function writeConfig(store: KvV2Store) {
  return (ctx: RequestContext): Result => {
    const max = intField(ctx.req.data, 'max_versions')
    const cas = boolField(ctx.req.data, 'cas_required')
    const dva = durationField(ctx.req.data, 'delete_version_after')
    for (const f of [max, cas, dva]) if (isError(f)) return f
    if (typeof max === 'number') store.config.maxVersions = max
    if (typeof cas === 'boolean') store.config.casRequired = cas
    if (typeof dva === 'number') store.config.deleteVersionAfter = dva
    return nil
  }
}
