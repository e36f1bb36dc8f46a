/**
 * The keep-alive agents for one server (Vault, or the Astro API): direct,
 * or through the proxy the settings give for that address. The Vault and
 * Astro clients both take theirs from here, so NO_PROXY means one thing.
 */
import http from 'node:http'
import https from 'node:https'
import { ForwardAgent, TunnelAgent } from './proxy-agents.js'
import { proxyFor, type ProxySettings } from './proxy-settings.js'

export interface AgentSettings {
  /** PEM of the CA that signed the server's certificate. */
  caCert?: string
  skipVerify?: boolean
  /** Sockets kept open: enough for the request concurrency. */
  maxSockets: number
  /** Also bounds the proxy's answer to CONNECT. */
  timeoutMs: number
  proxy: ProxySettings
}

export interface Agents {
  httpAgent: http.Agent
  httpsAgent: https.Agent
  /** The proxy in use for this address, if any. */
  proxy?: URL
  destroy(): void
}

export function agentsFor(address: string, settings: AgentSettings): Agents {
  const proxy = proxyFor(new URL(address), settings.proxy)
  const pool = { keepAlive: true, maxSockets: settings.maxSockets }
  const tlsOptions = {
    ca: settings.caCert,
    rejectUnauthorized: !settings.skipVerify
  }
  const httpAgent = proxy ? new ForwardAgent(proxy, pool) : new http.Agent(pool)
  const httpsAgent = proxy
    ? new TunnelAgent(proxy, { ...pool, ...tlsOptions }, settings.timeoutMs)
    : new https.Agent({ ...pool, ...tlsOptions })
  return {
    httpAgent,
    httpsAgent,
    proxy,
    destroy: () => {
      httpAgent.destroy()
      httpsAgent.destroy()
    }
  }
}
