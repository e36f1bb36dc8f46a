/**
 * KV v2 state for one mount: per-key metadata and version data
 * (`types.proto` KeyMetadata/VersionMetadata, vault-api.md §3.1, §3.11).
 */
import { randomBytes } from 'node:crypto'
import { nowNs, rfc3339 } from '../util/time.js'
import { StorageOrder } from './list.js'

export interface VersionMeta {
  created: bigint
  /** 0n = not deleted; may be in the future (delete_version_after). */
  deletion: bigint
  destroyed: boolean
}

export interface KeyMeta {
  key: string
  currentVersion: number
  oldestVersion: number
  created: bigint
  updated: bigint
  maxVersions: number
  casRequired: boolean
  /** Seconds; 0 = inherit, negative = disabled for this key. */
  deleteVersionAfter: number
  customMetadata: Record<string, string> | null
  versions: Map<number, VersionMeta>
}

export interface KvConfig {
  maxVersions: number
  casRequired: boolean
  deleteVersionAfter: number
}

const DEFAULT_MAX_VERSIONS = 10

export class KvV2Store {
  readonly config: KvConfig = {
    maxVersions: 0,
    casRequired: false,
    deleteVersionAfter: 0
  }
  readonly meta = new Map<string, KeyMeta>()
  private readonly data = new Map<string, Record<string, unknown>>()
  /** List order of the encrypted names (see list.ts). */
  readonly order = new StorageOrder(randomBytes(16))

  newMeta(key: string): KeyMeta {
    return {
      key,
      currentVersion: 0,
      oldestVersion: 0,
      created: 0n,
      updated: 0n,
      maxVersions: 0,
      casRequired: false,
      deleteVersionAfter: 0,
      customMetadata: null,
      versions: new Map()
    }
  }

  versionData(
    key: string,
    version: number
  ): Record<string, unknown> | undefined {
    return this.data.get(`${version}\u0000${key}`)
  }

  dropVersionData(key: string, version: number): void {
    this.data.delete(`${version}\u0000${key}`)
  }

  /**
   * `deletionTime()` in delete_version_after.go: the key's setting wins when
   * set (negative disables), else the mount's; both positive -> the smaller.
   */
  deletionFor(meta: KeyMeta, from: bigint): bigint {
    const mount = this.config.deleteVersionAfter
    const key = meta.deleteVersionAfter
    if (mount < 0 || key < 0) return 0n
    const secs = key > 0 && mount > 0 ? Math.min(key, mount) : key || mount
    return secs > 0 ? from + BigInt(secs) * 1_000_000_000n : 0n
  }

  /**
   * `KeyMetadata.AddVersion`: bump the version, then prune past
   * max(key, mount) max_versions (10 when both are 0).
   */
  addVersion(meta: KeyMeta, data: Record<string, unknown>): VersionMeta {
    const created = nowNs()
    const vm: VersionMeta = {
      created,
      deletion: this.deletionFor(meta, created),
      destroyed: false
    }
    meta.currentVersion++
    meta.versions.set(meta.currentVersion, vm)
    meta.updated = created
    if (meta.created === 0n) meta.created = created
    this.data.set(`${meta.currentVersion}\u0000${meta.key}`, data)
    const max =
      Math.max(meta.maxVersions, this.config.maxVersions) ||
      DEFAULT_MAX_VERSIONS
    if (meta.currentVersion - meta.oldestVersion >= max) {
      const toDelete = meta.currentVersion - max
      for (let v = meta.oldestVersion; v <= toDelete; v++) {
        meta.versions.delete(v)
        this.dropVersionData(meta.key, v)
      }
      meta.oldestVersion = toDelete + 1
    }
    this.meta.set(meta.key, meta)
    return vm
  }

  deleteKey(key: string): void {
    const meta = this.meta.get(key)
    if (meta === undefined) return
    for (const v of meta.versions.keys()) this.dropVersionData(key, v)
    this.meta.delete(key)
  }
}

/** Deleted now: a deletion time that is set and not in the future. */
export function isDeleted(vm: VersionMeta): boolean {
  return vm.deletion !== 0n && vm.deletion <= nowNs()
}

/** The version metadata map reads and writes return (sorted keys). */
export function versionView(
  meta: KeyMeta,
  version: number,
  vm: VersionMeta
): Record<string, unknown> {
  return {
    created_time: rfc3339(vm.created),
    custom_metadata: meta.customMetadata,
    deletion_time: rfc3339(vm.deletion),
    destroyed: vm.destroyed,
    version
  }
}
