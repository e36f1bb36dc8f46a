/**
 * Claim checks after the signature, in the order and with the texts of
 * cap's `Validator.validateAll` (alg, iss, sub, aud, then time claims with
 * leeway) and the plugin's `validateBoundClaims` (claims.go).
 */
import { isObject } from '../util/go.js'
import { type Decoded, TokenError } from './jwt-keys.js'

export interface Expected {
  issuer: string
  subject: string
  audiences: string[]
  algorithms: string[]
  /** Seconds; 0 = cap's default, negative = none. */
  notBeforeLeeway: number
  expirationLeeway: number
  clockSkewLeeway: number
}

function leeway(v: number, fallback: number): number {
  return v < 0 ? 0 : v === 0 ? fallback : v
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0
}

/** The claim checks of cap's `validateAll`, after the signature. */
export function validateClaims(decoded: Decoded, exp: Expected): void {
  const { header, claims } = decoded
  const algs = exp.algorithms.length > 0 ? exp.algorithms : ['RS256']
  if (!algs.includes(String(header.alg))) {
    throw new TokenError(
      'invalid algorithm (alg) header parameter: token signed with unexpected algorithm'
    )
  }
  if (exp.issuer !== '' && exp.issuer !== claims.iss) {
    throw new TokenError('invalid issuer (iss) claim')
  }
  if (exp.subject !== '' && exp.subject !== claims.sub) {
    throw new TokenError('invalid subject (sub) claim')
  }
  const aud = Array.isArray(claims.aud)
    ? claims.aud
    : claims.aud === undefined
      ? []
      : [claims.aud]
  if (exp.audiences.length > 0 && !exp.audiences.some((a) => aud.includes(a))) {
    throw new TokenError(
      'invalid audience (aud) claim: audience claim does not match any expected audience'
    )
  }
  const iat = num(claims.iat)
  let expiry = num(claims.exp)
  let nbf = num(claims.nbf)
  if (iat === 0 && expiry === 0 && nbf === 0) {
    throw new TokenError(
      'no issued at (iat), not before (nbf), or expiration time (exp) claims in token'
    )
  }
  if (expiry === 0)
    expiry = Math.max(iat, nbf) + leeway(exp.expirationLeeway, 150)
  if (nbf === 0)
    nbf = iat !== 0 ? iat : expiry - leeway(exp.notBeforeLeeway, 150)
  const skew = leeway(exp.clockSkewLeeway, 60) // go-jose jwt.DefaultLeeway
  const now = Date.now() / 1000
  if (now + skew < nbf)
    throw new TokenError('invalid not before (nbf) claim: token not yet valid')
  if (now - skew > expiry)
    throw new TokenError(
      'invalid expiration time (exp) claim: token is expired'
    )
  if (iat !== 0 && now + skew < iat) {
    throw new TokenError(
      'invalid issued at (iat) claim: token issued in the future'
    )
  }
}

/** `getClaim`: a plain name, or a JSON pointer when it starts with `/`. */
export function getClaim(
  claims: Record<string, unknown>,
  name: string
): unknown {
  if (!name.startsWith('/')) return claims[name]
  let cur: unknown = claims
  for (const part of name.slice(1).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~')
    cur = isObject(cur) ? cur[key] : undefined
  }
  return cur
}

function normalizeList(v: unknown): string[] | undefined {
  const list = Array.isArray(v) ? v : [v]
  const out: string[] = []
  for (const item of list) {
    if (typeof item === 'string') out.push(item)
    else if (typeof item === 'number' || typeof item === 'boolean')
      out.push(String(item))
    else return undefined
  }
  return out
}

function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`
  )
  return re.test(value)
}

/** `validateBoundClaims` (claims.go). */
export function validateBoundClaims(
  type: string,
  bound: Record<string, unknown>,
  claims: Record<string, unknown>
): void {
  for (const [claim, expected] of Object.entries(bound)) {
    const actual = getClaim(claims, claim)
    if (actual === undefined || actual === null)
      throw new TokenError(`claim "${claim}" is missing`)
    const act = normalizeList(actual)
    if (act === undefined)
      throw new TokenError(
        `received claim is not a string or list: ${String(actual)}`
      )
    const exp = normalizeList(expected)
    if (exp === undefined)
      throw new TokenError(
        `bound claim is not a string or list: ${String(expected)}`
      )
    const found = exp.some((e) =>
      act.some((a) => (type === 'glob' ? globMatch(e, a) : e === a))
    )
    if (!found)
      throw new TokenError(
        `claim "${claim}" does not match any associated bound claim values`
      )
  }
}
