/**
 * fetch for an API behind a proxy. Node's fetch ignores HTTPS_PROXY, and
 * a dispatcher would need undici's own proxy code with its own NO_PROXY
 * rules; this sends through the same agents as the Vault client instead.
 * It covers what the Astro client uses: a method, string headers and body,
 * a signal, and the body read whole. Failures take fetch's shape
 * (TypeError "fetch failed" with the reason as `cause`).
 */
import http from 'node:http'
import https from 'node:https'
import { agentsFor, type Agents } from './agents.js'
import { ProxyError } from './proxy-tunnel.js'
import {
  proxyFor,
  proxyLabel,
  proxySettings,
  type ProxySettings
} from './proxy-settings.js'

/** globalThis.fetch, or one through the proxy the settings give for it. */
export function fetchFor(
  baseUrl: string,
  settings: ProxySettings = proxySettings()
): typeof fetch {
  if (!proxyFor(new URL(baseUrl), settings)) return globalThis.fetch
  return fetchThrough(
    agentsFor(baseUrl, { maxSockets: 4, timeoutMs: 30_000, proxy: settings })
  )
}

const NO_BODY = new Set([204, 205, 304])

export function fetchThrough(agents: Agents): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const secure = url.protocol === 'https:'
    return new Promise<Response>((resolve, reject) => {
      const failed = (cause: Error): void =>
        reject(
          cause.name === 'AbortError'
            ? cause
            : new TypeError('fetch failed', { cause })
        )
      const request = (secure ? https : http).request(
        url,
        {
          method: init?.method ?? 'GET',
          headers: Object.fromEntries(new Headers(init?.headers)),
          agent: secure ? agents.httpsAgent : agents.httpAgent,
          signal: init?.signal ?? undefined
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('error', failed)
          res.on('end', () => {
            const status = res.statusCode ?? 502
            if (status === 407 && agents.proxy) {
              failed(
                new ProxyError(
                  `the proxy ${proxyLabel(agents.proxy)} answered 407 (authentication required); put its credentials in the proxy URL, or list the host in NO_PROXY`
                )
              )
              return
            }
            const headers = new Headers()
            for (const [name, value] of Object.entries(res.headers)) {
              for (const one of [value ?? []].flat()) headers.append(name, one)
            }
            const body = NO_BODY.has(status) ? null : Buffer.concat(chunks)
            resolve(new Response(body, { status, headers }))
          })
        }
      )
      request.on('error', failed)
      if (init?.body != null && typeof init.body !== 'string')
        request.destroy(new Error('only string bodies are sent this way'))
      else request.end(init?.body ?? undefined)
    })
  }
}
