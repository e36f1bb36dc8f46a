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
  constructor(readonly text: string) {}

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
        return v
      }
    }
    NUMBER.lastIndex = this.pos
    const m = NUMBER.exec(this.text)
    if (m === null) this.fail('Expecting value')
    this.pos += m[0].length
    return Number(m[0])
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

/** Python's `json.loads(text)`; throws `PythonJsonDecodeError`. */
export function pythonJsonLoads(text: string): PyJson {
  const s = new Scanner(text)
  if (text.startsWith('\ufeff'))
    s.fail('Unexpected UTF-8 BOM (decode using utf-8-sig)')
  s.skipWs()
  const value = s.value()
  s.skipWs()
  if (s.pos !== text.length) s.fail('Extra data')
  return value
}
