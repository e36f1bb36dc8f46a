/**
 * `sys/mounts` and `sys/auth`: the mount table (`handleMount`,
 * `handleUnmount`, `handleEnableAuth`; vault-api.md §5.2-5.3, §7.7).
 *
 * Only the engines this server implements can be mounted: KV (`kv`,
 * `kv-v1`, `kv-v2`, `generic`) and the `approle` and `jwt`/`oidc` auth
 * methods. Other types get Vault's "plugin not found" error.
 */
import { type Result, fail, logical, nil } from '../http/response.js'
import {
  durationField,
  isError,
  mapField,
  stringField
} from '../http/fields.js'
import {
  type MountEntry,
  type NamespaceState,
  type RequestContext,
  newMount
} from '../state.js'
import { weakString } from '../util/go.js'
import { KvV1Backend } from '../kv/v1.js'
import { KvV2Backend } from '../kv/v2.js'
import { KvV2Store } from '../kv/v2-store.js'
import { AppRoleBackend } from '../auth/approle.js'
import { JwtBackend } from '../auth/jwt.js'
import { mountInfo, tableView } from './mount-info.js'

function sanitize(path: string): string {
  const trimmed = path.replace(/^\/+/, '')
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`
}

/**
 * A mount at, inside or around an existing one (409 inside, 400 out).
 * OpenBao names the existing mount in one text for all three cases (Vault
 * says `existing mount at` for the overlapping ones).
 */
function conflict(ns: NamespaceState, path: string): string | undefined {
  for (const existing of ns.mounts.keys()) {
    if (path.startsWith(existing) || existing.startsWith(path)) {
      return `path is already in use at ${existing}`
    }
  }
  return undefined
}

export function kvMount(path: string, version: 1 | 2, upgrade = 0): MountEntry {
  return newMount(
    path,
    'mounts',
    'kv',
    version === 2 ? new KvV2Backend() : new KvV1Backend(),
    { options: { version: String(version) }, upgradeRemaining: upgrade }
  )
}

export function listMounts(ctx: RequestContext): Result {
  return logical(tableView(ctx.ns.mounts.values(), 'mounts'), {
    injected: true
  })
}

export function enableMount(ctx: RequestContext, rawPath: string): Result {
  const path = sanitize(rawPath)
  const d = ctx.req.data
  let type = typeof d.type === 'string' ? d.type : ''
  if (type === '')
    return fail(400, 'backend type must be specified as a string')
  const optionsRaw = mapField(d, 'options')
  if (isError(optionsRaw)) return optionsRaw
  const options: Record<string, string> = {}
  for (const [k, v] of Object.entries(optionsRaw ?? {}))
    options[k] = weakString(v) ?? ''
  if (type === 'kv-v1' || type === 'kv-v2') {
    options.version = type.slice(-1)
    type = 'kv'
  }
  const isKv = type === 'kv' || type === 'generic'
  if (!isKv) {
    if (options.version !== undefined) {
      return fail(
        400,
        `secrets engine "${type}" does not allow setting a version`
      )
    }
    return fail(400, `plugin not found in the catalog: ${type}`)
  }
  if (path.startsWith('auth/')) {
    return fail(
      400,
      `cannot mount under "auth/": path is reserved for auth methods`
    )
  }
  const clash = conflict(ctx.ns, path)
  if (clash) return fail(400, clash)
  const version = options.version === '2' ? 2 : 1
  const config = mapField(d, 'config')
  if (isError(config)) return config
  const entry = kvMount(
    path,
    version,
    version === 2 ? ctx.state.kvUpgradeRequests : 0
  )
  entry.type = type
  // A plain `kv` with no options is stored without any (options: null),
  // which clients read as KV v1 (vault-api.md §5.1).
  entry.options = Object.keys(options).length > 0 ? options : null
  entry.description = stringField(d, 'description')
  const ttl = durationField(config ?? {}, 'default_lease_ttl')
  const max = durationField(config ?? {}, 'max_lease_ttl')
  if (typeof ttl === 'number') entry.config.default_lease_ttl = ttl
  if (typeof max === 'number') entry.config.max_lease_ttl = max
  ctx.ns.mounts.set(path, entry)
  return nil
}

export function readMount(ctx: RequestContext, rawPath: string): Result {
  const entry = ctx.ns.mounts.get(sanitize(rawPath))
  if (entry === undefined || entry.table !== 'mounts') {
    return fail(400, `No secret engine mount at ${sanitize(rawPath)}`)
  }
  return logical(mountInfo(entry), { injected: true })
}

const PROTECTED = new Set(['sys/', 'cubbyhole/', 'identity/'])

export function disableMount(ctx: RequestContext, rawPath: string): Result {
  const path = sanitize(rawPath)
  if (PROTECTED.has(path)) return fail(400, `cannot unmount "${path}"`)
  // "We return success when the mount does not exist" (handleUnmount).
  const entry = ctx.ns.mounts.get(path)
  if (entry?.table === 'mounts') ctx.ns.mounts.delete(path)
  return nil
}

export function readTune(ctx: RequestContext, rawPath: string): Result {
  const entry = ctx.ns.mounts.get(sanitize(rawPath))
  if (entry === undefined)
    return fail(400, `cannot fetch sysview for path "${sanitize(rawPath)}"`)
  return logical(
    {
      default_lease_ttl: entry.config.default_lease_ttl || 2764800,
      description: entry.description,
      force_no_cache: entry.config.force_no_cache,
      max_lease_ttl: entry.config.max_lease_ttl || 2764800,
      options: entry.options
    },
    { injected: true }
  )
}

/** Tuning `options.version` to "2" upgrades a v1 mount in place (§5.3). */
export function writeTune(ctx: RequestContext, rawPath: string): Result {
  const entry = ctx.ns.mounts.get(sanitize(rawPath))
  if (entry === undefined)
    return fail(400, `cannot tune "${sanitize(rawPath)}"`)
  const d = ctx.req.data
  if (typeof d.description === 'string') entry.description = d.description
  const options = mapField(d, 'options')
  if (isError(options)) return options
  const wanted = options ? weakString(options.version) : undefined
  if (wanted === '2' && entry.backend instanceof KvV1Backend) {
    const store = new KvV2Store()
    const v2 = new KvV2Backend(store)
    for (const [key, value] of entry.backend.entries) {
      store.addVersion(store.newMeta(key), value)
    }
    entry.backend = v2
    entry.options = { ...(entry.options ?? {}), version: '2' }
    entry.upgradeRemaining = ctx.state.kvUpgradeRequests
  } else if (wanted === '1' && entry.backend instanceof KvV2Backend) {
    return fail(400, 'cannot downgrade mount from KV version 2')
  }
  return nil
}

// --- auth methods -----------------------------------------------------------

export function listAuth(ctx: RequestContext): Result {
  return logical(tableView(ctx.ns.mounts.values(), 'auth'), { injected: true })
}

export function enableAuth(ctx: RequestContext, rawPath: string): Result {
  const path = sanitize(rawPath)
  const type = typeof ctx.req.data.type === 'string' ? ctx.req.data.type : ''
  if (type === '')
    return fail(400, 'backend type must be specified as a string')
  const full = `auth/${path}`
  if (ctx.ns.mounts.has(full))
    return fail(400, `path is already in use at ${path}`)
  let backend
  if (type === 'approle') backend = new AppRoleBackend()
  else if (type === 'jwt' || type === 'oidc') backend = new JwtBackend()
  else return fail(400, `plugin not found in the catalog: ${type}`)
  const entry = newMount(full, 'auth', type, backend)
  entry.description = stringField(ctx.req.data, 'description')
  ctx.ns.mounts.set(full, entry)
  return nil
}

export function disableAuth(ctx: RequestContext, rawPath: string): Result {
  const full = `auth/${sanitize(rawPath)}`
  if (full === 'auth/token/')
    return fail(400, 'token credential backend cannot be disabled')
  ctx.ns.mounts.delete(full)
  return nil
}
