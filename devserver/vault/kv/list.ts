/**
 * Listing shared by both KV engines: direct children only, folders end in
 * `/`, and a key and a folder of the same name both appear (vault-api.md
 * §1.8, §3.8).
 */
import { createHash } from 'node:crypto'

export function childrenOf(keys: Iterable<string>, folder: string): string[] {
  const out = new Set<string>()
  for (const key of keys) {
    if (!key.startsWith(folder)) continue
    const rest = key.slice(folder.length)
    if (rest === '') continue
    const slash = rest.indexOf('/')
    out.add(slash === -1 ? rest : rest.slice(0, slash + 1))
  }
  return [...out]
}

/**
 * KV v2 lists in the order of the *encrypted* names in storage
 * (`encrypted_key_storage.go`), which looks random in plaintext. A keyed
 * hash reproduces that: stable for a mount, never alphabetical on purpose,
 * so clients that forget to sort are caught by tests.
 */
export function storageOrder(names: string[], salt: Buffer): string[] {
  const tag = (n: string): string =>
    createHash('sha256').update(salt).update(n.replace(/\/$/, '')).digest('hex')
  return names
    .map((n) => ({ n, t: tag(n) + (n.endsWith('/') ? '1' : '0') }))
    .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
    .map(({ n }) => n)
}
