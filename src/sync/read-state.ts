import type { KvClient } from '../clients/vault/kv.js'
import type { DesiredSecret, SecretKind } from '../core/sync/desired.js'
import { secretPath } from '../core/sync/desired.js'
import type {
  ExtraSecret,
  KvRead,
  VaultState
} from '../core/sync/vault-state.js'
import type { Manifest } from '../core/manifest/schema.js'
import { mapLimit } from './pool.js'
import { compareByMark } from '../core/sync/fingerprint.js'

export interface ReadOptions {
  concurrency: number
  /** Read ownership of unlisted secrets (prune and drift need it). */
  extras: boolean
  /**
   * Which of these secrets the token may read (sys/capabilities-self);
   * the others are compared by fingerprint. Absent: read them all.
   */
  readable?: (paths: string[]) => Promise<Set<string>>
}

/** The managed base paths, one per kind that is not set to null. */
export function managedBases(
  manifest: Manifest
): Array<{ kind: SecretKind; base: string }> {
  const { vault } = manifest
  const bases: Array<{ kind: SecretKind; base: string | null }> = [
    { kind: 'connection', base: vault.connections_path },
    { kind: 'variable', base: vault.variables_path },
    { kind: 'config', base: vault.config_path }
  ]
  return bases.filter(
    (b): b is { kind: SecretKind; base: string } => b.base !== null
  )
}

/**
 * A secret this token may not read (the plan identity): its metadata says
 * whether it is live, and its fingerprint whether it is current. KV v1
 * keeps neither, so there it cannot be compared.
 */
async function readUnread(kv: KvClient, d: DesiredSecret): Promise<KvRead> {
  if (kv.version === 1)
    return {
      state: 'unread',
      comparison: { verdict: 'unknown', reason: 'KV v1 keeps no fingerprint' }
    }
  const meta = await kv.readMetadata(d.path)
  if (!meta || meta.version === 0) return { state: 'absent' }
  if (!meta.live)
    return {
      state: 'deleted',
      version: meta.version,
      customMetadata: meta.customMetadata
    }
  return {
    state: 'unread',
    version: meta.version,
    comparison: await compareByMark(d.data, meta.customMetadata, meta.version)
  }
}

/**
 * One LIST per managed folder, then a GET only for the secrets that exist:
 * a secret the list does not show is created without being read.
 */
export async function readVaultState(
  kv: KvClient,
  manifest: Manifest,
  desired: readonly DesiredSecret[],
  options: ReadOptions
): Promise<VaultState> {
  const bases = managedBases(manifest)
  const listings = await Promise.all(bases.map(({ base }) => kv.list(base)))
  const existing = new Set<string>()
  const folders: VaultState['folders'] = []
  const unlisted: Array<{ kind: SecretKind; key: string; path: string }> = []
  const wanted = new Set(desired.map((d) => d.path))
  bases.forEach(({ kind, base }, i) => {
    for (const child of listings[i] ?? []) {
      const path = secretPath(base, child)
      if (child.endsWith('/')) {
        // The mount root also lists the other kinds' folders: not extras.
        if (!bases.some((b) => `${b.base}/` === path))
          folders.push({ kind, path })
      } else if (wanted.has(path)) existing.add(path)
      else unlisted.push({ kind, key: child, path })
    }
  })
  const toRead = desired.filter((d) => existing.has(d.path))
  const readable =
    (await options.readable?.(toRead.map((d) => d.path))) ??
    new Set(toRead.map((d) => d.path))
  const reads = await mapLimit(toRead, options.concurrency, (d) =>
    readable.has(d.path) ? kv.read(d.path) : readUnread(kv, d)
  )
  const readMap = new Map<string, KvRead>()
  toRead.forEach((d, i) => readMap.set(d.path, reads[i] ?? { state: 'absent' }))
  const extras: ExtraSecret[] = options.extras
    ? (
        await mapLimit(unlisted, options.concurrency, async (u) => {
          const metadata = await kv.readMetadata(u.path)
          // A soft-deleted key still lists, but Airflow cannot read it: it
          // is pruned already, unless prune_mode destroy wants it gone whole.
          if (metadata?.live === false && manifest.vault.prune_mode === 'soft')
            return undefined
          return { ...u, customMetadata: metadata?.customMetadata ?? null }
        })
      ).filter((e): e is ExtraSecret => e !== undefined)
    : unlisted.map((u) => ({ ...u, customMetadata: null }))
  return { kvVersion: kv.version, reads: readMap, extras, folders }
}
