/**
 * fetch that follows a redirect only on the same origin. fetch's own
 * following drops Authorization on a cross-origin hop but keeps every
 * other header and a 307's body, and will go from https to http; so it is
 * turned off (`redirect: 'manual'`) and the policy of redirect-policy.ts
 * applies, as it does to the Vault client.
 */
import {
  checkRedirect,
  MAX_REDIRECTS,
  RedirectRefusedError,
  shownUrl
} from './redirect-policy.js'

const REDIRECTS = new Set([301, 302, 303, 307, 308])

export async function fetchSameOrigin(
  fetcher: typeof fetch,
  server: string,
  url: string,
  init: RequestInit
): Promise<Response> {
  let target = url
  for (let hop = 0; ; hop++) {
    const res = await fetcher(target, { ...init, redirect: 'manual' })
    const location = res.headers.get('location')
    if (!REDIRECTS.has(res.status) || location === null) return res
    await res.body?.cancel()
    const next = new URL(location, target).href
    checkRedirect(server, target, next)
    if (hop + 1 >= MAX_REDIRECTS)
      throw new RedirectRefusedError(
        server,
        shownUrl(url),
        `${shownUrl(next)} (more than ${MAX_REDIRECTS} redirects)`
      )
    target = next
  }
}
