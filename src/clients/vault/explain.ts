/**
 * Vault's own texts ("permission denied", "Status 404") do not say what to
 * change. These say which path and capability, in the words of a policy.
 */
export function explainStatus(
  method: string,
  path: string,
  status: number,
  errors: readonly string[]
): string {
  const said = errors.length > 0 ? ` (Vault: ${errors.join('; ').trim()})` : ''
  switch (status) {
    case 403: {
      const capability = capabilityFor(method)
      return (
        `permission denied: ${method} ${path} needs "${capability}" on "${path}"${said}. ` +
        `Grant it with: path "${path}" { capabilities = ["${capability}"] }`
      )
    }
    case 404:
      return `${method} ${path}: not found${said}; check the mount and path`
    case 503:
      return `Vault answered 503 for ${method} ${path}${said}; is it sealed or in maintenance?`
    default:
      return `Vault answered ${status} for ${method} ${path}${said}`
  }
}

/** The capability a method needs (create or update for writes, §7.4). */
export function capabilityFor(method: string): string {
  switch (method) {
    case 'GET':
      return 'read'
    case 'DELETE':
      return 'delete'
    case 'PATCH':
      return 'patch'
    default:
      return 'create", "update'
  }
}

/**
 * TLS failures, in the words of the setting that fixes them. Which code a
 * missing CA gives depends on the server: a leaf alone gives
 * UNABLE_TO_VERIFY_LEAF_SIGNATURE, a leaf sent with its CA gives
 * SELF_SIGNED_CERT_IN_CHAIN, an intermediate without its root one of the
 * ISSUER codes, a self-signed leaf DEPTH_ZERO_SELF_SIGNED_CERT.
 */
const TLS_UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA'
])

/** A TLS client talking to a plain-http listener (or the reverse). */
const TLS_MISMATCH = new Set(['EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER'])

export function explainNetwork(code: string | undefined): string | undefined {
  if (code === undefined) return undefined
  if (TLS_UNTRUSTED.has(code)) {
    return `certificate not trusted (${code}); set VAULT_CACERT (the vault-ca-cert input) to the CA that signed Vault's certificate`
  }
  if (code === 'CERT_HAS_EXPIRED') return 'Vault’s TLS certificate has expired'
  if (code === 'CERT_NOT_YET_VALID') {
    return 'Vault’s TLS certificate is not valid yet; check this machine’s clock'
  }
  if (TLS_MISMATCH.has(code)) {
    return `the TLS handshake failed (${code}); does VAULT_ADDR say https:// for a server that speaks plain http?`
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return 'Vault’s TLS certificate does not name this host; use the address the certificate was issued for'
  }
  if (code === 'ECONNREFUSED')
    return 'connection refused; is VAULT_ADDR right and Vault running?'
  if (code === 'ENOTFOUND')
    return 'the host name does not resolve; check VAULT_ADDR'
  return undefined
}
