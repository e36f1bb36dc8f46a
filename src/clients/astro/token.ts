/**
 * The organization an Astro API token belongs to, read the way astro-cli
 * does (astro-api.md §3; astro-cli cmd/cloud/setup.go checkAPIToken): the
 * JWT payload is decoded without verifying the signature and its
 * `permissions` claim holds `organizationId:<id>`. The `org_id` claim is
 * the auth service's id, not the Astro organization id, so it is not used.
 */
export function organizationIdFromToken(token: string): string | undefined {
  const raw = token.trim().replace(/^Bearer\s+/i, '')
  const parts = raw.split('.')
  if (parts.length !== 3 || !parts[1]) return undefined
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  const permissions = (payload as { permissions?: unknown } | null)?.permissions
  if (!Array.isArray(permissions)) return undefined
  for (const p of permissions) {
    if (typeof p !== 'string') continue
    const i = p.indexOf(':')
    if (i > 0 && p.slice(0, i) === 'organizationId' && i < p.length - 1) {
      return p.slice(i + 1)
    }
  }
  return undefined
}
