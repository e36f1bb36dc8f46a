/**
 * JWT validation as Vault's JWT auth plugin does it through
 * `hashicorp/cap/jwt` `Validator.Validate`: signature first (any key of the
 * key set), then the `alg` header, issuer, subject, audience, and the time
 * claims with cap's leeway rules. Error texts are cap's, prefixed by the
 * plugin with "error validating token: ".
 *
 * Signatures are checked with `node:crypto` only: RS*, PS*, ES* (IEEE P1363
 * signatures, as JWS encodes them) and EdDSA.
 */
import {
  type KeyObject,
  X509Certificate,
  constants,
  createPublicKey,
  verify
} from 'node:crypto'
import { isObject } from '../util/go.js'

export const ALL_ALGS = [
  'RS256',
  'RS384',
  'RS512',
  'ES256',
  'ES384',
  'ES512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA'
]

export interface KeySetKey {
  key: KeyObject
  kid?: string
}

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

export class TokenError extends Error {}

/** A PEM public key or certificate (`jwt.ParsePublicKeyPEM`). */
export function parsePem(pem: string): KeyObject {
  try {
    if (pem.includes('CERTIFICATE')) return new X509Certificate(pem).publicKey
    const key = createPublicKey(pem)
    if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'ec') {
      throw new Error('unsupported')
    }
    return key
  } catch {
    throw new TokenError(
      'data does not contain any valid RSA or ECDSA public keys'
    )
  }
}

/** Keys of a JWKS document; entries that are not usable are skipped. */
export function parseJwks(doc: unknown): KeySetKey[] {
  const keys = isObject(doc) && Array.isArray(doc.keys) ? doc.keys : []
  const out: KeySetKey[] = []
  for (const jwk of keys) {
    if (!isObject(jwk) || (jwk.use !== undefined && jwk.use !== 'sig')) continue
    try {
      const key = createPublicKey({ key: jwk as never, format: 'jwk' })
      out.push({ key, kid: typeof jwk.kid === 'string' ? jwk.kid : undefined })
    } catch {
      // go-jose skips keys it cannot parse, too.
    }
  }
  return out
}

function b64url(part: string): Buffer {
  return Buffer.from(part, 'base64url')
}

const HASH: Record<string, string> = {
  '256': 'sha256',
  '384': 'sha384',
  '512': 'sha512'
}

function verifyWith(
  alg: string,
  key: KeyObject,
  data: Buffer,
  sig: Buffer
): boolean {
  const hash = HASH[alg.slice(2)]
  try {
    if (alg === 'EdDSA') {
      return key.asymmetricKeyType === 'ed25519' && verify(null, data, key, sig)
    }
    if (alg.startsWith('RS') && hash) {
      return key.asymmetricKeyType === 'rsa' && verify(hash, data, key, sig)
    }
    if (alg.startsWith('PS') && hash) {
      return (
        key.asymmetricKeyType === 'rsa' &&
        verify(
          hash,
          data,
          {
            key,
            padding: constants.RSA_PKCS1_PSS_PADDING,
            saltLength: constants.RSA_PSS_SALTLEN_DIGEST
          },
          sig
        )
      )
    }
    if (alg.startsWith('ES') && hash) {
      const curve = {
        '256': 'prime256v1',
        '384': 'secp384r1',
        '512': 'secp521r1'
      }[alg.slice(2)]
      return (
        key.asymmetricKeyType === 'ec' &&
        key.asymmetricKeyDetails?.namedCurve === curve &&
        verify(hash, data, { key, dsaEncoding: 'ieee-p1363' }, sig)
      )
    }
  } catch {
    return false
  }
  return false
}

export interface Decoded {
  header: Record<string, unknown>
  claims: Record<string, unknown>
}

/**
 * Parse and verify the signature. `failure` is the key set's own error
 * text (static keys: "no known key successfully validated the token
 * signature"; JWKS: go-oidc's "failed to verify id token signature").
 */
export function verifySignature(
  token: string,
  keys: KeySetKey[],
  failure: string
): Decoded {
  const parts = token.split('.')
  const prefix = 'error verifying token signature: '
  if (parts.length !== 3) {
    throw new TokenError(
      `${prefix}go-jose/go-jose: compact JWS format must have three parts`
    )
  }
  let header: unknown
  let claims: unknown
  try {
    header = JSON.parse(b64url(parts[0] ?? '').toString('utf8'))
    claims = JSON.parse(b64url(parts[1] ?? '').toString('utf8'))
  } catch {
    throw new TokenError(`${prefix}go-jose/go-jose: invalid payload`)
  }
  if (!isObject(header) || !isObject(claims)) {
    throw new TokenError(`${prefix}go-jose/go-jose: invalid payload`)
  }
  const alg = typeof header.alg === 'string' ? header.alg : ''
  const kid = typeof header.kid === 'string' ? header.kid : undefined
  const data = Buffer.from(`${parts[0]}.${parts[1]}`)
  const sig = b64url(parts[2] ?? '')
  const candidates = kid
    ? keys.filter((k) => k.kid === undefined || k.kid === kid)
    : keys
  if (!candidates.some((k) => verifyWith(alg, k.key, data, sig))) {
    throw new TokenError(`${prefix}${failure}`)
  }
  return { header, claims }
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
