/**
 * Which proxy, if any, a request goes through: HTTPS_PROXY for https
 * targets, HTTP_PROXY for http ones (no fallback between them, as curl,
 * Go and Node's own NODE_USE_ENV_PROXY do), unless NO_PROXY matches.
 * The front ends parse the environment (src/io/proxy-env.ts); this holds
 * the result for the Vault and Astro clients of this process.
 */
export interface ProxySettings {
  httpProxy?: URL
  httpsProxy?: URL
  noProxy: NoProxyEntry[]
}

/** One NO_PROXY entry: `*`, or a host or domain with an optional port. */
export interface NoProxyEntry {
  host: string
  port?: string
}

export const NO_PROXY_SETTINGS: ProxySettings = { noProxy: [] }

/**
 * NO_PROXY as curl and undici read it: comma- or space-separated; `*`
 * alone matches everything; `example.com`, `.example.com` and
 * `*.example.com` all match example.com and every host under it; an IP
 * matches only itself (no CIDR ranges); `host:port` only that port.
 * Loopback is not special: list `localhost,127.0.0.1` to bypass it.
 */
export function parseNoProxy(value: string | undefined): NoProxyEntry[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .filter((entry) => entry !== '')
    .map((entry) => {
      const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
      if (bracketed) return { host: bracketed[1] as string, port: bracketed[2] }
      const withPort = /^([^:]+):(\d+)$/.exec(entry)
      const host = withPort ? (withPort[1] as string) : entry
      const domain = host === '*' ? '*' : host.replace(/^\*?\.?/, '')
      return { host: domain.toLowerCase(), port: withPort?.[2] }
    })
    .filter((entry) => entry.host !== '')
}

/** The proxy for `target`, or undefined to connect directly. */
export function proxyFor(
  target: URL,
  settings: ProxySettings
): URL | undefined {
  const proxy =
    target.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy
  if (!proxy) return undefined
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  const bypass = settings.noProxy.some(
    (entry) =>
      entry.host === '*' ||
      ((host === entry.host || host.endsWith(`.${entry.host}`)) &&
        (entry.port === undefined || entry.port === port))
  )
  return bypass ? undefined : proxy
}

/** How a proxy is named in messages: never with its credentials. */
export function proxyLabel(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`
}

/** The Proxy-Authorization header for credentials in the proxy's URL. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined
  const user = decodeURIComponent(proxy.username)
  const password = decodeURIComponent(proxy.password)
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
}

let current: ProxySettings = NO_PROXY_SETTINGS

/**
 * Set by the front ends' settings parsing, once per run: the Vault and
 * Astro clients of this process use it, since neither may read the
 * environment itself (the CLI runs on an environment it is given).
 */
export function useProxySettings(settings: ProxySettings): void {
  current = settings
}

export function proxySettings(): ProxySettings {
  return current
}
