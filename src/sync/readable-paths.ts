import type { VaultSession } from '../clients/vault/session.js'
import type { KvClient } from '../clients/vault/kv.js'
import { VaultError } from '../clients/vault/transport.js'

/**
 * Which secrets the token may read, asked before reading any: the plan
 * identity reads none and compares fingerprints instead. A token that may
 * not ask (no default policy) is taken to read them all, as before.
 */
export async function readablePaths(
  session: VaultSession,
  kv: KvClient,
  paths: string[]
): Promise<Set<string>> {
  if (paths.length === 0) return new Set()
  const full = (p: string): string =>
    kv.version === 2 ? `${kv.mount}/data/${p}` : `${kv.mount}/${p}`
  let granted: Record<string, string[]>
  try {
    granted = await session.capabilities(paths.map(full))
  } catch (cause) {
    if (cause instanceof VaultError && cause.status === 403)
      return new Set(paths)
    throw cause
  }
  return new Set(
    paths.filter((p) => {
      const caps = granted[full(p)] ?? []
      return (
        !caps.includes('deny') &&
        (caps.includes('read') || caps.includes('root'))
      )
    })
  )
}
