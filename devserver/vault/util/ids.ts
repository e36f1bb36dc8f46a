/**
 * Identifiers in the shapes Vault hands out, so that clients which sniff
 * them (`hvs.` prefixes, UUID request ids) see what they expect.
 */
import { randomBytes, randomUUID } from 'node:crypto'

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Random base62 string of `length` characters. */
export function base62(length: number): string {
  const bytes = randomBytes(length * 2)
  let out = ''
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const b = bytes[i] ?? 0
    if (b < 248) out += BASE62[b % 62] // 248 = 4 * 62: no modulo bias
  }
  return out.length === length ? out : out + base62(length - out.length)
}

/**
 * A service token id. `vault server -dev` prints a root token of `hvs.` plus
 * 24 base62 characters (Vault >= 1.10 token format, vault-api.md §6.1).
 */
export function serviceToken(): string {
  return `hvs.${base62(24)}`
}

/** A token accessor: 24 base62 characters, as Vault issues them. */
export function accessor(): string {
  return base62(24)
}

/** A mount accessor such as `kv_1a2b3c4d` (type + 8 hex digits). */
export function mountAccessor(type: string): string {
  return `${type}_${randomBytes(4).toString('hex')}`
}

export const uuid = randomUUID
