/**
 * AstroApiError: what failed, what Astro said, and what to fix. The message
 * never includes the request body (it carries the kwargs secret); Astro's
 * own message is shown, with any secret value we sent redacted in case the
 * server echoes one back.
 */
export type AstroOperation = 'get' | 'update' | 'list'

export interface AstroErrorContext {
  operation: AstroOperation
  organizationId: string
  deploymentId?: string
}

export interface FieldErrorInfo {
  field: string
  code: string
  message: string
}

export class AstroApiError extends Error {
  constructor(
    message: string,
    /** HTTP status; undefined for network errors and timeouts. */
    readonly status: number | undefined,
    readonly operation: AstroOperation,
    readonly attempts: number,
    readonly serverMessage?: string,
    readonly requestId?: string,
    readonly fieldErrors: FieldErrorInfo[] = []
  ) {
    super(message)
    this.name = 'AstroApiError'
  }
}

/** Token kinds and roles that may update a Deployment (astro-api.md §3). */
const WHO_CAN_UPDATE =
  'a Deployment API token for this Deployment, a Workspace API token with the Workspace Operator or Workspace Owner role, or an Organization API token with the Organization Owner role'

function what(ctx: AstroErrorContext): string {
  const d = ctx.deploymentId ? `Deployment ${ctx.deploymentId}` : ''
  if (ctx.operation === 'update') return `update ${d}`
  if (ctx.operation === 'get') return `read ${d}`
  return `list Deployments of organization ${ctx.organizationId}`
}

/** The "what to fix" part for a final status. */
export function hintFor(
  status: number | undefined,
  ctx: AstroErrorContext
): string {
  switch (status) {
    case 401:
      return 'The Astro API token was not accepted: use a current (not expired or revoked) Organization, Workspace or Deployment API token; legacy Deployment API keys are not supported.'
    case 403:
      return `The token may not ${what(ctx)}. Updating environment variables needs ${WHO_CAN_UPDATE}; Workspace Author and Member roles cannot.`
    case 404:
      return ctx.deploymentId
        ? `Deployment ${ctx.deploymentId} was not found in organization ${ctx.organizationId}: check the Deployment id and the organization id (by default, the token's organization).`
        : `Organization ${ctx.organizationId} was not found: check the organization id.`
    case 400:
      return `Astro rejected the request to ${what(ctx)}.`
    case 429:
      return 'Astro kept answering 429 (rate limited; 10 POST and 25 GET requests per second per token). Retry later, or run fewer jobs with the same token.'
    case undefined:
      return 'The Astro API could not be reached: check the API URL and the network.'
    default:
      return status >= 500
        ? `Astro answered ${status} on every attempt; it may be having an outage. Retry later.`
        : `Astro answered ${status} to the request to ${what(ctx)}.`
  }
}

/** Replaces each secret (4+ characters) with [redacted]. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const s of secrets) {
    if (s.length >= 4) out = out.split(s).join('[redacted]')
  }
  return out
}

/** A server message: one line, bounded, secrets redacted. */
export function tidy(text: string, secrets: readonly string[]): string {
  const line = redact(text, secrets).replace(/\s+/g, ' ').trim()
  return line.length > 500 ? `${line.slice(0, 500)}…` : line
}
