/**
 * JWT auth configuration (`path_config.go`): exactly one key source —
 * `jwt_validation_pubkeys` (PEM), `jwks_url`, or `oidc_discovery_url`
 * (issuer checked, then its `jwks_uri`). Remote keys are fetched when the
 * config is written, as Vault validates them then (vault-api.md §6.4).
 */
import { type Result, fail, logical, nil } from '../http/response.js'
import { isError, stringField, stringListField } from '../http/fields.js'
import type { RequestContext } from '../state.js'
import { isObject } from '../util/go.js'
import { ALL_ALGS, type KeySetKey, parseJwks, parsePem } from './jwt-keys.js'
import type { JwtRole } from './jwt-role.js'

export interface JwtConfig {
  pubkeys: string[]
  jwksUrl: string
  discoveryUrl: string
  boundIssuer: string
  defaultRole: string
  supportedAlgs: string[]
  keys: KeySetKey[]
}

/** One JWT auth mount's state. */
export interface JwtState {
  config: JwtConfig | undefined
  roles: Map<string, JwtRole>
}

export async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) })
  const text = await res.text()
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}: ${text}`)
  return JSON.parse(text) as unknown
}

export async function discover(issuer: string): Promise<KeySetKey[]> {
  const doc = await fetchJson(
    `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
  )
  if (!isObject(doc) || doc.issuer !== issuer) {
    const got = isObject(doc) ? String(doc.issuer) : ''
    throw new Error(
      `issuer did not match the returned issuer, expected "${issuer}" got "${got}"`
    )
  }
  return parseJwks(await fetchJson(String(doc.jwks_uri)))
}

/** Keys again, for go-oidc's "refetch once on an unknown key". */
export async function refetchKeys(config: JwtConfig): Promise<void> {
  config.keys =
    config.jwksUrl !== ''
      ? parseJwks(await fetchJson(config.jwksUrl))
      : await discover(config.discoveryUrl)
}

export async function writeConfig(
  state: JwtState,
  ctx: RequestContext
): Promise<Result> {
  const d = ctx.req.data
  const pubkeys = stringListField(d, 'jwt_validation_pubkeys')
  const algs = stringListField(d, 'jwt_supported_algs')
  if (isError(pubkeys)) return pubkeys
  if (isError(algs)) return algs
  const cfg: JwtConfig = {
    pubkeys: pubkeys ?? [],
    jwksUrl: stringField(d, 'jwks_url'),
    discoveryUrl: stringField(d, 'oidc_discovery_url'),
    boundIssuer: stringField(d, 'bound_issuer'),
    defaultRole: stringField(d, 'default_role').toLowerCase(),
    supportedAlgs: algs ?? [],
    keys: []
  }
  const methods = [
    cfg.pubkeys.length > 0,
    cfg.jwksUrl !== '',
    cfg.discoveryUrl !== ''
  ]
  if (methods.filter(Boolean).length !== 1) {
    return fail(
      400,
      "exactly one of 'jwt_validation_pubkeys', 'jwks_url', 'jwks_pairs' or 'oidc_discovery_url' must be set"
    )
  }
  for (const alg of cfg.supportedAlgs) {
    if (!ALL_ALGS.includes(alg))
      return fail(
        400,
        `invalid jwt_supported_algs: unsupported signing algorithm "${alg}"`
      )
  }
  try {
    if (cfg.pubkeys.length > 0) {
      cfg.keys = cfg.pubkeys.map((pem) => ({ key: parsePem(pem) }))
    } else if (cfg.jwksUrl !== '') {
      cfg.keys = parseJwks(await fetchJson(cfg.jwksUrl))
    } else {
      cfg.keys = await discover(cfg.discoveryUrl)
    }
  } catch (e) {
    const what =
      cfg.pubkeys.length > 0
        ? 'error parsing public key'
        : cfg.jwksUrl !== ''
          ? 'error checking jwks URL'
          : 'error checking oidc discovery URL'
    return fail(400, `${what}: ${(e as Error).message}`)
  }
  state.config = cfg
  return nil
}

/** OIDC discovery: the issuer must match, then fetch `jwks_uri`. */

export function readConfig(state: JwtState): Result {
  const c = state.config
  if (c === undefined) return nil
  return logical({
    bound_issuer: c.boundIssuer,
    default_role: c.defaultRole,
    jwks_ca_pem: '',
    jwks_pairs: [],
    jwks_url: c.jwksUrl,
    jwt_supported_algs: c.supportedAlgs,
    jwt_validation_pubkeys: c.pubkeys,
    namespace_in_state: true,
    oidc_client_id: '',
    oidc_discovery_ca_pem: '',
    oidc_discovery_url: c.discoveryUrl,
    oidc_response_mode: '',
    oidc_response_types: [],
    provider_config: {},
    unsupported_critical_cert_extensions: []
  })
}
