/**
 * A small parser for Vault ACL policies: the HCL v1 subset that policies use
 * (`path "…" { capabilities = [...] }` blocks, `#`, `//` and block
 * comments, the legacy `policy = "read"` shorthand) and the JSON form, which
 * HCL v1 also accepts (vault-api.md §7.1-7.2). Error texts follow
 * `vault/policy.go`: every failure is "failed to parse policy: …".
 */
import { capabilityBits, DENY, legacyPolicyBits } from './capabilities.js'
import { isObject, multiError } from '../util/go.js'
import { type Item, ParseError, Parser, tokenize } from './hcl-parser.js'

export interface PolicyRule {
  path: string
  bits: number
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
