/**
 * The HCL v1 subset Vault policies are written in: blocks, `key = value`
 * attributes, strings, numbers, booleans, lists and nested objects, with
 * `#`, `//` and block comments. Syntax errors read like HCL's own
 * ("At 3:14: expected: IDENT | STRING got: …").
 */
export type Value = string | number | boolean | Value[] | Item[]
export interface Item {
  keys: string[]
  value: Value
  line: number
}
interface Token {
  type: 'str' | 'ident' | 'num' | 'punct'
  text: string
  line: number
  col: number
}

export class ParseError extends Error {}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  let line = 1
  let lineStart = 0
  const at = (): { line: number; col: number } => ({
    line,
    col: i - lineStart + 1
  })
  while (i < src.length) {
    const c = src[i] ?? ''
    if (c === '\n') {
      line++
      lineStart = ++i
    } else if (/\s/.test(c)) {
      i++
    } else if (c === '#' || src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++
    } else if (src.startsWith('/*', i)) {
      const end = src.indexOf('*/', i + 2)
      if (end === -1)
        throw new ParseError(`At ${line}:${at().col}: comment not terminated`)
      for (const ch of src.slice(i, end)) if (ch === '\n') line++
      i = end + 2
    } else if (c === '"') {
      const pos = at()
      let j = i + 1
      let text = ''
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\n')
          throw new ParseError(
            `At ${pos.line}:${pos.col}: literal not terminated`
          )
        if (src[j] === '\\') {
          const next = src[j + 1] ?? ''
          text += next === 'n' ? '\n' : next === 't' ? '\t' : next
          j += 2
        } else text += src[j++]
      }
      if (j >= src.length)
        throw new ParseError(
          `At ${pos.line}:${pos.col}: literal not terminated`
        )
      tokens.push({ type: 'str', text, ...pos })
      i = j + 1
    } else if ('{}[]=,'.includes(c)) {
      tokens.push({ type: 'punct', text: c, ...at() })
      i++
    } else if (/[A-Za-z0-9_.-]/.test(c)) {
      const pos = at()
      let j = i
      while (j < src.length && /[A-Za-z0-9_.:-]/.test(src[j] ?? '')) j++
      const text = src.slice(i, j)
      tokens.push({ type: /^-?\d/.test(text) ? 'num' : 'ident', text, ...pos })
      i = j
    } else {
      throw new ParseError(`At ${line}:${at().col}: illegal char`)
    }
  }
  return tokens
}

export class Parser {
  private pos = 0
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos]
  }

  private fail(tok: Token | undefined, expected: string): never {
    const where = tok ? `At ${tok.line}:${tok.col}` : 'At EOF'
    const got = tok ? tok.text : 'EOF'
    throw new ParseError(`${where}: expected: ${expected} got: ${got}`)
  }

  body(closing: boolean): Item[] {
    const items: Item[] = []
    for (;;) {
      const tok = this.peek()
      if (tok === undefined) {
        if (closing) this.fail(tok, '}')
        return items
      }
      if (tok.type === 'punct' && tok.text === '}') {
        if (!closing) this.fail(tok, 'IDENT | STRING')
        this.pos++
        return items
      }
      if (tok.type === 'punct' && tok.text === ',') {
        this.pos++
        continue
      }
      items.push(this.item())
    }
  }

  private item(): Item {
    const keys: string[] = []
    const first = this.peek()
    for (;;) {
      const tok = this.peek()
      if (tok && (tok.type === 'str' || tok.type === 'ident')) {
        keys.push(tok.text)
        this.pos++
      } else break
    }
    if (keys.length === 0) this.fail(first, 'IDENT | STRING')
    const tok = this.peek()
    if (tok?.type === 'punct' && tok.text === '=') {
      this.pos++
      return { keys, value: this.value(), line: first?.line ?? 0 }
    }
    if (tok?.type === 'punct' && tok.text === '{') {
      this.pos++
      return { keys, value: this.body(true), line: first?.line ?? 0 }
    }
    return this.fail(tok, 'ASSIGN | LBRACE')
  }

  private value(): Value {
    const tok = this.peek()
    this.pos++
    if (!tok) return this.fail(tok, 'value')
    if (tok.type === 'str') return tok.text
    if (tok.type === 'num') return Number(tok.text)
    if (tok.type === 'ident' && (tok.text === 'true' || tok.text === 'false')) {
      return tok.text === 'true'
    }
    if (tok.type === 'punct' && tok.text === '{') return this.body(true)
    if (tok.type === 'punct' && tok.text === '[') {
      const list: Value[] = []
      for (;;) {
        const next = this.peek()
        if (next?.type === 'punct' && next.text === ']') {
          this.pos++
          return list
        }
        list.push(this.value())
        const sep = this.peek()
        if (sep?.type === 'punct' && sep.text === ',') this.pos++
        else if (!(sep?.type === 'punct' && sep.text === ']'))
          this.fail(sep, ', or ]')
      }
    }
    return this.fail(tok, 'value')
  }
}
