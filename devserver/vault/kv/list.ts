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
export class StorageOrder {
  private readonly tags = new Map<string, string>()

  constructor(private readonly salt: Buffer) {}

  private tag(name: string): string {
    let t = this.tags.get(name)
    if (t === undefined) {
      const plain = name.replace(/\/$/, '')
      t =
        createHash('sha256').update(this.salt).update(plain).digest('hex') +
        (name.endsWith('/') ? '1' : '0')
      if (this.tags.size > 100_000) this.tags.clear()
      this.tags.set(name, t)
    }
    return t
  }

  sort(names: string[]): string[] {
    return names
      .map((n) => ({ n, t: this.tag(n) }))
      .sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
      .map(({ n }) => n)
  }
}
