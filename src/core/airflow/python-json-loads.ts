import { PyFloat, pythonJsonDumps } from './python-json.js'

/**
 * `json.loads(text)` as Airflow calls it when it checks and reads an extra.
 * `JSON.parse` differs in ways that change the verdict: Python also accepts
 * `NaN`, `Infinity` and `-Infinity`, and a duplicate key keeps its FIRST
 * position with the LAST value. Objects come back as `Map`s so key order and
 * keys like `__proto__` survive. Numbers lose Python's int/float distinction
 * and big-int precision (not needed to decide what Airflow does).
 */

/** A decoded Python JSON value. */
export type PyJson = null | boolean | number | string | PyJson[] | PyJsonObject
/** A decoded JSON object (a Python dict, in order). */
export type PyJsonObject = Map<string, PyJson>

/** Python's `json.JSONDecodeError`. */
export class PythonJsonDecodeError extends Error {
  constructor(message: string, pos: number) {
    super(`${message}: char ${pos}`)
    this.name = 'JSONDecodeError'
  }
}

const WS = /[ \t\n\r]*/y
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y
const CONSTANTS = new Map<string, PyJson>(
  Object.entries({ null: null, true: true, false: false, NaN, Infinity })
).set('-Infinity', -Infinity)
const ESCAPES = new Map(
  [...'"\\/bfnrt'].map((c, i) => [c, '"\\/\b\f\n\r\t'[i] ?? ''])
)

class Scanner {
  pos = 0
  constructor(
    readonly text: string,
    /** Keep Python's int/float split: ints as bigint, floats as PyFloat. */
    readonly exact = false
  ) {}

  fail(message: string): never {
    throw new PythonJsonDecodeError(message, this.pos)
  }

  skipWs(): void {
    WS.lastIndex = this.pos
    WS.exec(this.text)
    this.pos = WS.lastIndex
  }

  value(): PyJson {
    const ch = this.text[this.pos]
    if (ch === '"') return this.string()
    if (ch === '{') return this.object()
    if (ch === '[') return this.array()
    for (const [word, v] of CONSTANTS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length
        return this.exact && typeof v === 'number' ? exactFloat(v) : v
      }
    }
    NUMBER.lastIndex = this.pos
    const m = NUMBER.exec(this.text)
    if (m === null) this.fail('Expecting value')
    this.pos += m[0].length
    if (!this.exact) return Number(m[0])
    return /[.eE]/.test(m[0]) ? exactFloat(Number(m[0])) : exactInt(m[0])
  }

  string(): string {
    let out = ''
    this.pos++ // opening quote
    for (;;) {
      const ch = this.text[this.pos]
      if (ch === undefined) this.fail('Unterminated string starting at')
      this.pos++
      if (ch === '"') return out
      if (ch < ' ') this.fail('Invalid control character at')
      if (ch !== '\\') {
        out += ch
        continue
      }
      const esc = this.text[this.pos] ?? ''
      if (esc === 'u') {
        const hex = this.text.slice(this.pos + 1, this.pos + 5)
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape')
        out += String.fromCharCode(parseInt(hex, 16)) // pairs join as UTF-16
        this.pos += 5
      } else if (ESCAPES.has(esc)) {
        out += ESCAPES.get(esc) ?? ''
        this.pos++
      } else {
        this.fail('Invalid \\escape')
      }
    }
  }

  object(): PyJsonObject {
    const map: PyJsonObject = new Map()
    this.pos++
    this.skipWs()
    if (this.text[this.pos] === '}') {
      this.pos++
      return map
    }
    for (;;) {
      this.skipWs()
      if (this.text[this.pos] !== '"') {
        this.fail('Expecting property name enclosed in double quotes')
      }
      const key = this.string()
      this.skipWs()
      if (this.text[this.pos] !== ':') this.fail("Expecting ':' delimiter")
      this.pos++
      this.skipWs()
      map.set(key, this.value())
      this.skipWs()
      const sep = this.text[this.pos++]
      if (sep === '}') return map
      if (sep !== ',') this.fail("Expecting ',' delimiter")
    }
  }

  array(): PyJson[] {
    const list: PyJson[] = []
    this.pos++
    this.skipWs()
    if (this.text[this.pos] === ']') {
      this.pos++
      return list
    }
    for (;;) {
      this.skipWs()
      list.push(this.value())
      this.skipWs()
      const sep = this.text[this.pos++]
      if (sep === ']') return list
      if (sep !== ',') this.fail("Expecting ',' delimiter")
    }
  }
}

// In exact mode the tree holds values PyJson does not name (bigint,
// PyFloat); only pythonJsonDumps reads them, so they travel as PyJson.
const exactFloat = (x: number): PyJson => new PyFloat(x) as unknown as PyJson
const exactInt = (digits: string): PyJson => BigInt(digits) as unknown as PyJson

/** Python's `json.loads(text)`; throws `PythonJsonDecodeError`. */
export function pythonJsonLoads(text: string): PyJson {
  return load(new Scanner(text))
}

/**
 * `json.dumps(json.loads(text))`, exactly: ints keep every digit (`-0` is
 * `0`), floats print as Python's repr (`1e5` is `100000.0`).
 */
export function pythonJsonRedump(text: string): string {
  return pythonJsonDumps(load(new Scanner(text, true)))
}

function load(s: Scanner): PyJson {
  const text = s.text
  if (text.startsWith('\ufeff'))
    s.fail('Unexpected UTF-8 BOM (decode using utf-8-sig)')
  s.skipWs()
  const value = s.value()
  s.skipWs()
  if (s.pos !== text.length) s.fail('Extra data')
  return value
}
