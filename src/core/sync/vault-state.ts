import type { Comparison } from './fingerprint.js'
import type { SecretKind } from './desired.js'

/** A read, as the client reports it (mirrors clients/vault KvRead). */
export type KvRead =
  | { state: 'absent' }
  | {
      state: 'deleted' | 'destroyed'
      version: number
      customMetadata: Record<string, string> | null
    }
  | {
      state: 'present'
      data: Record<string, unknown>
      version?: number
      customMetadata?: Record<string, string> | null
    }
  | {
      /** Live, but its value was not read: compared by fingerprint, if at all. */
      state: 'unread'
      /** KV v2's current version; undefined on KV v1. */
      version?: number
      comparison: Comparison
    }

/** A secret under a managed path that the manifest does not list. */
export interface ExtraSecret {
  kind: SecretKind
  key: string
  path: string
  /** KV v2: null when the metadata says it was never marked. */
  customMetadata: Record<string, string> | null
}

/** What the reads found in Vault; plan and drift are pure functions of it. */
export interface VaultState {
  kvVersion: 1 | 2
  reads: Map<string, KvRead>
  extras: ExtraSecret[]
  /** Sub-folders under managed paths: never ours, reported by drift. */
  folders: Array<{ kind: SecretKind; path: string }>
}
