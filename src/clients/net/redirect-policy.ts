/**
 * Which redirects a client may follow. Vault's HA standby answers 307 to
 * the active node, and behind one load-balanced address that is the same
 * scheme, host and port: that is followed. Anything else would carry the
 * token (X-Vault-Token, Authorization) or a login body to a server we were
 * never pointed at, or downgrade https to http, so it ends the run.
 */

/** How many same-origin hops we follow before calling it a loop. */
export const MAX_REDIRECTS = 5

/** A redirect to another origin: never followed, never retried. */
export class RedirectRefusedError extends Error {
  constructor(
    readonly server: string,
    readonly from: string,
    readonly target: string
  ) {
    super(
      `${server} redirected to ${target}, not ${from} (another scheme, host or port); the request was not sent there. Only redirects to the same scheme, host and port are followed: point the address at the server itself`
    )
    this.name = 'RedirectRefusedError'
  }

  // No `code`, so no retry layer takes it for a network blip, and the
  // Vault client's "cannot reach Vault for …: <error>" shows only this.
  override toString(): string {
    return this.message
  }
}

/** Same scheme, host and port; URL normalises default ports (":443"). */
export function sameOrigin(from: URL, to: URL): boolean {
  return from.origin === to.origin && from.origin !== 'null'
}

/**
 * A URL as we may print it: no userinfo, no query (a signed redirect can
 * carry a token there), no fragment.
 */
export function shownUrl(url: URL | string): string {
  let parsed: URL
  try {
    parsed = new URL(String(url))
  } catch {
    return '(an unparsable address)'
  }
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`
}

/** Throws RedirectRefusedError unless `to` stays on the origin of `from`. */
export function checkRedirect(
  server: string,
  from: string | URL,
  to: string | URL
): void {
  const source = new URL(String(from))
  let target: URL
  try {
    target = new URL(String(to), source)
  } catch {
    throw new RedirectRefusedError(server, shownUrl(source), String(to))
  }
  if (!sameOrigin(source, target))
    throw new RedirectRefusedError(server, shownUrl(source), shownUrl(target))
}

/** Finds a refusal however deep a library wrapped it (axios, follow-redirects). */
export function redirectRefusal(
  error: unknown
): RedirectRefusedError | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof RedirectRefusedError) return current
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}
