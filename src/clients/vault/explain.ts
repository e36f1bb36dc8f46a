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
