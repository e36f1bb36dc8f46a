/**
 * JSON the way Vault writes it (vault-api.md §2.4): Go's `encoding/json`
 * sorts map keys (byte order, so "10" sorts before "2") and escapes `<`, `>`,
 * `&`, U+2028 and U+2029. Go structs, on the other hand, keep their field
 * order; objects marked with `struct()` model those (the response envelope,
 * the `auth` block). `JSON.stringify` cannot do either: it reorders
 * integer-like keys, so this is a small encoder of its own.
 */
const structs = new WeakSet<object>()

/** Mark an object as a Go struct: its keys keep insertion order. */
export function struct<T extends object>(value: T): T {
  structs.add(value)
  return value
}

const escapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029'
}

function encodeString(text: string): string {
  const json = JSON.stringify(text)
  return /[<>&\u2028\u2029]/.test(json)
    ? json.replace(/[<>&\u2028\u2029]/g, (c) => escapes[c] ?? c)
    : json
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function encode(value: unknown, out: string[]): void {
  if (value === null || value === undefined) {
    out.push('null')
    return
  }
  switch (typeof value) {
    case 'string':
      out.push(encodeString(value))
      return
    case 'number':
      out.push(Number.isFinite(value) ? String(value) : 'null')
      return
    case 'boolean':
      out.push(value ? 'true' : 'false')
      return
    case 'bigint':
      out.push(value.toString())
      return
    case 'object':
      break
    default:
      out.push('null')
      return
  }
  if (Array.isArray(value)) {
    out.push('[')
    value.forEach((item, i) => {
      if (i > 0) out.push(',')
      encode(item, out)
    })
    out.push(']')
    return
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).filter((k) => record[k] !== undefined)
  if (!structs.has(record)) keys.sort(byteOrder)
  out.push('{')
  keys.forEach((key, i) => {
    if (i > 0) out.push(',')
    out.push(encodeString(key), ':')
    encode(record[key], out)
  })
  out.push('}')
}

/** Go's `json.Marshal`: no trailing newline. */
export function goMarshal(value: unknown): string {
  const out: string[] = []
  encode(value, out)
  return out.join('')
}

/** Go's `json.NewEncoder(w).Encode(v)`: adds the trailing `\n`. */
export function goEncode(value: unknown): string {
  return `${goMarshal(value)}\n`
}
