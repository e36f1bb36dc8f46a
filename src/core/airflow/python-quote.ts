/**
 * CPython's `quote`, `quote_plus`, `unquote`, `parse_qsl` and `urlencode`
 * (`urllib.parse`), with the arguments Airflow uses. `encodeURIComponent` and
 * `decodeURIComponent` differ (`! ' ( ) *` stay literal; a bad escape throws
 * instead of staying literal), so they are not used.
 */

// Strict UTF-8 decoding with U+FFFD per maximal invalid subpart, like
// Python's errors='replace'. ignoreBOM keeps a leading U+FEFF: Python's
// 'utf-8' codec does not strip it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
const encoder = new TextEncoder()

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True when `s` holds a surrogate Python's UTF-8 codec cannot encode. */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s)
}

/** Python's `UnicodeEncodeError` (a `ValueError`); the text is not echoed. */
export class PythonUnicodeEncodeError extends Error {
  constructor() {
    super("'utf-8' codec can't encode a lone surrogate: surrogates not allowed")
    this.name = 'UnicodeEncodeError'
  }
}

/**
 * One run of ASCII: `%XX` to bytes (bad escapes kept), then UTF-8 decode.
 * Bytes are gathered in chunks, not spread into push(): a megabyte value
 * would overflow the call stack as arguments.
 */
function unquoteAsciiRun(run: string): string {
  const bits = run.split('%')
  if (bits.length === 1) return run
  const chunks: Uint8Array[] = [encoder.encode(bits[0])]
  for (const item of bits.slice(1)) {
    if (/^[0-9A-Fa-f]{2}/.test(item)) {
      chunks.push(Uint8Array.of(parseInt(item.slice(0, 2), 16)))
      chunks.push(encoder.encode(item.slice(2)))
    } else {
      chunks.push(Uint8Array.of(0x25), encoder.encode(item))
    }
  }
  return decoder.decode(Buffer.concat(chunks))
}

/**
 * `unquote(s)`: only ASCII runs are decoded, each on its own, so a UTF-8
 * sequence split by a raw non-ASCII character decodes to U+FFFD pieces.
 */
export function unquote(s: string): string {
  if (!s.includes('%')) return s
  return s.replace(/[^\u0080-\uffff]+/g, unquoteAsciiRun)
}

/** `unquote_plus(s)`: `+` is a space first, then `unquote`. */
export function unquotePlus(s: string): string {
  return unquote(s.replace(/\+/g, ' '))
}

/**
 * `quote(s, safe)`: UTF-8 (strict), upper-case hex; only `A-Za-z0-9_.-~`
 * and the ASCII characters of `safe` stay literal. Airflow passes `safe=''`.
 */
export function quote(s: string, safe = ''): string {
  if (hasLoneSurrogate(s)) throw new PythonUnicodeEncodeError()
  let out = ''
  for (const byte of encoder.encode(s)) {
    const ch = String.fromCharCode(byte)
    if (/[A-Za-z0-9_.\-~]/.test(ch) || (byte < 128 && safe.includes(ch))) {
      out += ch
    } else {
      out += '%' + byte.toString(16).toUpperCase().padStart(2, '0')
    }
  }
  return out
}

/** `quote_plus(s)`: like `quote(s, '')` but a space becomes `+`. */
export function quotePlus(s: string): string {
  return quote(s, ' ').replace(/ /g, '+')
}

/**
 * `parse_qsl(qs, keep_blank_values=True)`: `&` is the only separator (3.9.2+),
 * empty segments are skipped, a segment without `=` gets the value `''`.
 */
export function parseQsl(qs: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  if (qs === '') return pairs
  for (const segment of qs.split('&')) {
    if (segment === '') continue
    const eq = segment.indexOf('=')
    const name = eq < 0 ? segment : segment.slice(0, eq)
    const value = eq < 0 ? '' : segment.slice(eq + 1)
    pairs.push([unquotePlus(name), unquotePlus(value)])
  }
  return pairs
}

/** `dict(pairs)`: the last value wins but a key keeps its first position. */
export function pyDict<V>(pairs: Iterable<[string, V]>): Map<string, V> {
  const dict = new Map<string, V>()
  for (const [k, v] of pairs) dict.set(k, v)
  return dict
}

/** `urlencode(mapping)` for string keys and values (`quote_plus` on each). */
export function urlencode(
  query: Map<string, string> | Iterable<[string, string]>
): string {
  const parts: string[] = []
  for (const [k, v] of query) parts.push(`${quotePlus(k)}=${quotePlus(v)}`)
  return parts.join('&')
}
