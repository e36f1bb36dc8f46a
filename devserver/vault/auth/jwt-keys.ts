/**
 * JWT signature verification with `node:crypto` only, as Vault's JWT auth
 * plugin does it through `hashicorp/cap/jwt` key sets: RS*, PS*, ES* (JWS
 * encodes ECDSA signatures as IEEE P1363) and EdDSA. Static PEM keys
 * (`jwt.ParsePublicKeyPEM`: PKIX or certificate, RSA or ECDSA) and JWKS.
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
