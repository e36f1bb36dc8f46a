/**
 * `json.dumps(value)` with Python's defaults, byte for byte: `", "` and
 * `": "` separators, `ensure_ascii=True` (`\uXXXX`, lower-case hex, astral
 * characters as surrogate pairs), `allow_nan=True` (`NaN`, `Infinity`).
 * Airflow stores extras as this text and puts it verbatim into `__extra__`,
 * so `JSON.stringify` (compact, raw UTF-8) would not match.
 *
 * Limits, because a JS value carries less than a Python one:
 * - a number is printed as a Python int when it is a safe integer (`1.0`
 *   cannot be told from `1`), otherwise as Python's float `repr`;
 * - plain objects iterate in JS order, which puts integer-like keys first;
 *   pass a `Map` when the insertion order of such keys matters;
 * - `bigint` prints as a Python int; `undefined`, functions and symbols raise
 *   like Python's `TypeError` (JSON.stringify would drop them silently).
 */

/** Python's `TypeError`/`ValueError` from `json.dumps`. */
export class PythonJsonError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TypeError'
  }
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f'
}

/** `py_encode_basestring_ascii`: everything outside ' '..'~' is escaped. */
export function pythonJsonString(s: string): string {
  // Code units, so astral characters come out as their surrogate pair.
  return `"${s.replace(/[\\"]|[^ -~]/g, (ch) => {
    return (
      SHORT_ESCAPES[ch] ??
      `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
    )
  })}"`
}

/**
 * `float.__repr__`: the shortest round-trip digits (JS finds the same ones),
 * fixed notation for decimal exponents -4..15, else `d.ddde+XX`.
 */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN'
  if (x === Infinity) return 'Infinity'
  if (x === -Infinity) return '-Infinity'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  const sign = x < 0 ? '-' : ''
  const [mantissa = '', exp = '0'] = Math.abs(x).toExponential().split('e')
  const digits = mantissa.replace('.', '')
  const decpt = Number(exp) + 1 // value = 0.DIGITS * 10^decpt
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1
    const rest = digits.length > 1 ? `.${digits.slice(1)}` : ''
    const expText = String(Math.abs(e)).padStart(2, '0')
    return `${sign}${digits[0]}${rest}e${e < 0 ? '-' : '+'}${expText}`
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`
  if (digits.length <= decpt) {
    return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`
  }
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`
}

/** A Python float, so `1e5` dumps as `100000.0` and not as an int. */
export class PyFloat {
  constructor(readonly value: number) {}
}

function dumpNumber(n: number): string {
  if (Number.isSafeInteger(n)) return String(n === 0 ? 0 : n)
  return pythonFloatRepr(n)
}

function dump(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'string':
      return pythonJsonString(value)
    case 'number':
      return dumpNumber(value)
    case 'bigint':
      return value.toString()
    case 'object':
      if (value instanceof PyFloat) return pythonFloatRepr(value.value)
      break
    default:
      throw new PythonJsonError(
        `Object of type ${typeof value} is not JSON serializable`
      )
  }
  if (seen.has(value)) throw new PythonJsonError('Circular reference detected')
  seen.add(value)
  let text: string
  if (Array.isArray(value)) {
    text = `[${value.map((v: unknown) => dump(v, seen)).join(', ')}]`
  } else {
    const entries =
      value instanceof Map ? [...value.entries()] : Object.entries(value)
    const items = entries.map(([k, v]: [unknown, unknown]) => {
      if (typeof k !== 'string') {
        throw new PythonJsonError('keys must be str, int, float, bool or None')
      }
      return `${pythonJsonString(k)}: ${dump(v, seen)}`
    })
    text = `{${items.join(', ')}}`
  }
  seen.delete(value)
  return text
}

/** Python's `json.dumps(value)` with default arguments. */
export function pythonJsonDumps(value: unknown): string {
  return dump(value, new Set())
}
