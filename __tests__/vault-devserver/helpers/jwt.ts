/**
 * Minting test JWTs with node:crypto, shaped like GitHub Actions OIDC
 * tokens (vault-api.md §6.4).
 */
import { type KeyObject, generateKeyPairSync, sign } from 'node:crypto'

export interface KeyPair {
  privateKey: KeyObject
  publicKey: KeyObject
  publicPem: string
  alg: 'RS256' | 'ES256'
  kid: string
}

export function keyPair(
  alg: 'RS256' | 'ES256',
  kid = `${alg.toLowerCase()}-key`
): KeyPair {
  const { privateKey, publicKey } =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  return {
    privateKey,
    publicKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    alg,
    kid
  }
}

/** The JWKS document for some keys. */
export function jwks(...keys: KeyPair[]): { keys: object[] } {
  return {
    keys: keys.map((k) => ({
      ...(k.publicKey.export({ format: 'jwk' }) as object),
      kid: k.kid,
      alg: k.alg,
      use: 'sig'
    }))
  }
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

/** Claims of a GitHub Actions ID token, valid for 5 minutes from now. */
export function githubClaims(
  extra: Record<string, unknown> = {}
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000)
  return {
    iss: GITHUB_ISSUER,
    aud: 'https://github.com/octo-org',
    sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
    repository: 'octo-org/octo-repo',
    repository_owner: 'octo-org',
    ref: 'refs/heads/main',
    actor: 'octocat',
    iat: now,
    nbf: now,
    exp: now + 300,
    ...extra
  }
}

export function mint(key: KeyPair, claims: Record<string, unknown>): string {
  const header = { alg: key.alg, typ: 'JWT', kid: key.kid }
  const enc = (o: object): string =>
    Buffer.from(JSON.stringify(o)).toString('base64url')
  const input = `${enc(header)}.${enc(claims)}`
  const sig =
    key.alg === 'RS256'
      ? sign('sha256', Buffer.from(input), key.privateKey)
      : sign('sha256', Buffer.from(input), {
          key: key.privateKey,
          dsaEncoding: 'ieee-p1363'
        })
  return `${input}.${sig.toString('base64url')}`
}
