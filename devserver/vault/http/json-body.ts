/**
 * A JSON request body as OpenBao decodes it (`jsonutil.DecodeJSON` into a
 * `map[string]interface{}`): `null` is no data, anything but an object is
 * refused, and errors read `failed to decode JSON input: <Go's text>`.
 *
 * Go's syntax errors name the parser state ("after object key", ...); we
 * only reproduce the two a client meets in practice: a body cut short
 * (`unexpected EOF`) and a stray character (`invalid character 'x' looking
 * for beginning of value`). Vault itself says `error parsing JSON`.
 */
import { isObject } from '../util/go.js'

export type DecodedJson =
  { ok: true; data: Record<string, unknown> } | { ok: false; error: string }

const PREFIX = 'failed to decode JSON input: '

function goKind(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  return typeof value === 'boolean' ? 'bool' : typeof value
}

/** The character V8 complains about, in Go's quoting. */
function strayCharacter(text: string, message: string): string {
  const token = /Unexpected token '(.)'/.exec(message)?.[1]
  if (token !== undefined) return token
  const at = /at position (\d+)/.exec(message)?.[1]
  const ch = at === undefined ? undefined : text.trimEnd()[Number(at)]
  return ch ?? text.trim()[0] ?? '?'
}

export function decodeJsonBody(text: string): DecodedJson {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    const message = (e as Error).message
    if (/end of JSON input|Unterminated string/.test(message))
      return { ok: false, error: `${PREFIX}unexpected EOF` }
    const ch = strayCharacter(text, message)
    return {
      ok: false,
      error: `${PREFIX}invalid character '${ch}' looking for beginning of value`
    }
  }
  if (parsed === null) return { ok: true, data: {} }
  if (!isObject(parsed)) {
    return {
      ok: false,
      error: `${PREFIX}json: cannot unmarshal ${goKind(parsed)} into Go value of type map[string]interface {}`
    }
  }
  return { ok: true, data: parsed }
}
