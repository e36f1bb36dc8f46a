/**
 * A small parser for Vault ACL policies: the HCL v1 subset that policies use
 * (`path "…" { capabilities = [...] }` blocks, `#`, `//` and block
 * comments, the legacy `policy = "read"` shorthand) and the JSON form, which
 * HCL v1 also accepts (vault-api.md §7.1-7.2). Error texts follow
 * `vault/policy.go`: every failure is "failed to parse policy: …".
 */
import { capabilityBits, DENY, legacyPolicyBits } from './capabilities.js'
import { isObject, multiError } from '../util/go.js'

export interface PolicyRule {
  path: string
  bits: number
}

type Value = string | number | boolean | Value[] | Item[]
interface Item {
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

class ParseError extends Error {}

function tokenize(src: string): Token[] {
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

class Parser {
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

const pathKeys = new Set([
  'comment',
  'policy',
  'capabilities',
  'allowed_parameters',
  'denied_parameters',
  'required_parameters',
  'min_wrapping_ttl',
  'max_wrapping_ttl',
  'control_group',
  'mfa_methods',
  'subscribe_event_types'
])

function ruleFrom(path: string, fields: Map<string, unknown>): PolicyRule {
  // vault/policy.go parsePaths: "+*" is forbidden, deny short-circuits.
  if (path.includes('+*')) {
    throw new ParseError(
      `path "${path}": invalid use of wildcards ('+*' is forbidden)`
    )
  }
  let bits = 0
  const legacy = fields.get('policy')
  if (typeof legacy === 'string' && legacy !== '') {
    const b = legacyPolicyBits[legacy]
    if (b === undefined)
      throw new ParseError(`path "${path}": invalid policy "${legacy}"`)
    bits |= b
  }
  const caps = fields.get('capabilities')
  if (caps !== undefined) {
    if (!Array.isArray(caps))
      throw new ParseError(`path "${path}": capabilities must be a list`)
    for (const cap of caps) {
      const b = typeof cap === 'string' ? capabilityBits[cap] : undefined
      if (b === undefined) {
        throw new ParseError(
          `path "${path}": invalid capability "${String(cap)}"`
        )
      }
      bits |= b
    }
  }
  return { path: path.replace(/^\//, ''), bits: bits & DENY ? DENY : bits }
}

function fromHcl(text: string): PolicyRule[] {
  const items = new Parser(tokenize(text)).body(false)
  const rules: PolicyRule[] = []
  const invalid: string[] = []
  for (const item of items) {
    const [key, name] = item.keys
    if (key === 'name') continue
    if (key !== 'path') {
      invalid.push(`invalid key "${key ?? ''}" on line ${item.line}`)
      continue
    }
    if (name === undefined || !Array.isArray(item.value)) {
      throw new ParseError(
        `At ${item.line}:1: path must be a block with a name`
      )
    }
    const fields = new Map<string, unknown>()
    for (const field of item.value as Item[]) {
      const fieldName = field.keys[0] ?? ''
      if (!pathKeys.has(fieldName)) {
        invalid.push(`invalid key "${fieldName}" on line ${field.line}`)
      }
      fields.set(fieldName, field.value)
    }
    rules.push(ruleFrom(name, fields))
  }
  if (invalid.length > 0) throw new ParseError(multiError(invalid))
  return rules
}

function fromJson(text: string): PolicyRule[] {
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    throw new ParseError((e as Error).message)
  }
  if (!isObject(doc)) throw new ParseError('policy must be an object')
  const paths = doc.path
  if (paths === undefined) return []
  if (!isObject(paths)) throw new ParseError('path must be an object')
  return Object.entries(paths).map(([path, body]) =>
    ruleFrom(path, new Map(Object.entries(isObject(body) ? body : {})))
  )
}

/** Parse policy text; throws `Error("failed to parse policy: …")`. */
export function parsePolicy(text: string): PolicyRule[] {
  try {
    return text.trimStart().startsWith('{') ? fromJson(text) : fromHcl(text)
  } catch (e) {
    if (e instanceof ParseError) {
      throw new Error(`failed to parse policy: ${e.message}`, { cause: e })
    }
    throw e
  }
}
