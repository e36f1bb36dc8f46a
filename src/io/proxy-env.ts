import {
  parseNoProxy,
  proxyLabel,
  useProxySettings,
  type ProxySettings
} from '../clients/net/proxy-settings.js'
import { SettingsError } from './settings-error.js'

/**
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY, lowercase first as curl and undici
 * read them. A proxy without a scheme is http://, as in curl; only http
 * proxies are supported (TLS to the target still runs end to end through
 * CONNECT). Credentials in the URL are sent to the proxy, never printed.
 */
export function proxyFromEnv(env: NodeJS.ProcessEnv): ProxySettings {
  return {
    httpsProxy: proxyUrl(env, 'https_proxy', 'HTTPS_PROXY'),
    httpProxy: proxyUrl(env, 'http_proxy', 'HTTP_PROXY'),
    noProxy: parseNoProxy(env.no_proxy || env.NO_PROXY)
  }
}

/** Parses the proxy settings and gives them to this process's clients. */
export function applyProxyEnv(env: NodeJS.ProcessEnv): void {
  useProxySettings(proxyFromEnv(env))
}

function proxyUrl(
  env: NodeJS.ProcessEnv,
  lower: string,
  upper: string
): URL | undefined {
  const name = env[lower] ? lower : upper
  const value = env[name]?.trim()
  if (!value) return undefined
  let url: URL | undefined
  try {
    url = new URL(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`
    )
  } catch {
    url = undefined
  }
  // Say what is wrong without echoing a value that may hold a password.
  if (!url || !url.hostname) {
    throw new SettingsError(
      `${name} is not a proxy address; use http://host:port (or http://user:password@host:port)`
    )
  }
  if (url.protocol !== 'http:') {
    throw new SettingsError(
      `${name}: only http:// proxies are supported, not ${url.protocol}// (${proxyLabel(url)})`
    )
  }
  return url
}
