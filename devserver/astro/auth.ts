/**
 * API tokens as astro-api.md §3 describes them: Organization, Workspace and
 * Deployment tokens with a role. Tokens look like Astro's (a JWT whose
 * `permissions` claim lists `organizationId:<id>` and friends, which is
 * what astro-cli decodes), but the server only looks them up by string:
 * the signature is random and never checked, as in any test double.
 */
import { randomBytes } from 'node:crypto'
import { cuid, type StoredDeployment } from './model.js'

export type TokenScope = 'ORGANIZATION' | 'WORKSPACE' | 'DEPLOYMENT'

export interface TokenSpec {
  scope: TokenScope
  /** e.g. ORGANIZATION_OWNER, WORKSPACE_OPERATOR, DEPLOYMENT_ADMIN. */
  role: string
  /** The Workspace or Deployment id the token belongs to. */
  entityId?: string
  /** Default: a generated JWT-shaped token. */
  token?: string
  name?: string
  /** Answer 401 as for an expired token. */
  expired?: boolean
}

export interface IssuedToken extends TokenSpec {
  token: string
  id: string
  name: string
}

/** Roles that may run `deployment.update` (astro-api.md §3 token table). */
const UPDATE_ROLES = new Set([
  'ORGANIZATION_OWNER',
  'WORKSPACE_OWNER',
  'WORKSPACE_OPERATOR',
  'DEPLOYMENT_ADMIN'
])

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

export class TokenRegistry {
  private readonly tokens = new Map<string, IssuedToken>()

  constructor(private readonly organizationId: string) {}

  issue(spec: TokenSpec): IssuedToken {
    const id = cuid()
    const name = spec.name ?? `${spec.role.toLowerCase()}-${id.slice(-4)}`
    const permissions = [`organizationId:${this.organizationId}`]
    if (spec.scope === 'WORKSPACE')
      permissions.push(`workspaceId:${spec.entityId}`)
    if (spec.scope === 'DEPLOYMENT')
      permissions.push(`deploymentId:${spec.entityId}`)
    const now = Math.floor(Date.now() / 1000)
    const token =
      spec.token ??
      [
        b64({ alg: 'RS256', typ: 'JWT', kid: 'test-server' }),
        b64({
          iss: 'https://api.astronomer.io',
          sub: id,
          apiTokenId: id,
          org_id: `org_${this.organizationId.slice(-8)}`,
          permissions,
          scope: spec.scope,
          version: '1',
          isAstronomerGenerated: true,
          iat: now,
          exp: now + (spec.expired ? -60 : 86400)
        }),
        randomBytes(32).toString('base64url')
      ].join('.')
    const issued = { ...spec, token, id, name }
    this.tokens.set(token, issued)
    return issued
  }

  find(token: string): IssuedToken | undefined {
    return this.tokens.get(token)
  }

  all(): IssuedToken[] {
    return [...this.tokens.values()]
  }
}

/** May this token see (`read`) or update the Deployment? */
export function allowed(
  t: IssuedToken,
  action: 'read' | 'update',
  d: StoredDeployment
): boolean {
  const inScope =
    t.scope === 'ORGANIZATION'
      ? t.role === 'ORGANIZATION_OWNER'
      : t.scope === 'WORKSPACE'
        ? t.entityId === d.workspaceId
        : t.entityId === d.id
  if (!inScope) return false
  return action === 'read' || UPDATE_ROLES.has(t.role)
}

/** Why a token was refused, in words a user can act on. */
export function forbiddenMessage(
  t: IssuedToken,
  action: 'read' | 'update'
): string {
  const permission = action === 'read' ? 'deployment.get' : 'deployment.update'
  return `the ${t.scope.toLowerCase()} API token "${t.name}" with role ${t.role} lacks permission ${permission} on this deployment`
}
