import nodeVaultFactory from 'node-vault'
// The very file node-vault requires (its CommonJS build), so these are
// the defaults of node-vault's axios, not those of axios's ESM twin.
import nodeVaultAxios from 'axios/dist/node/axios.cjs'
import { agentsFor } from '../net/agents.js'
import { ProxyError } from '../net/proxy-tunnel.js'
import {
  checkRedirect,
  MAX_REDIRECTS,
  redirectRefusal
} from '../net/redirect-policy.js'
import { logRequest } from '../net/request-log.js'
import { silentDebug } from '../net/silence-debug.js'
import { checkMaySend } from '../net/cancellation.js'
import {
  proxyLabel,
  proxySettings,
  type ProxySettings
} from '../net/proxy-settings.js'
import type {
  VaultRequest,
  VaultResponse,
  VaultTransport
} from './transport.js'

// node-vault's types are Promise<any> throughout; this is what we use.
// Imported, not required at run time, so that ncc bundles it into dist/.
const nodeVault = nodeVaultFactory as unknown as (
  config: object
) => NodeVaultClient
// node-vault's axios would otherwise read HTTPS_PROXY from process.env (not
// the environment we were given) and stack its proxy on top of our agents,
// which do the proxying. node-vault does not pass a per-request `proxy`,
// and its instance takes the defaults when it is created, so: here, once.
nodeVaultAxios.defaults.proxy = false
// follow-redirects would take X-Vault-Token and a login body to any host
// (only Authorization and Cookie are dropped); each hop must stay on the
// origin of the one before it (redirect-policy.ts).
nodeVaultAxios.defaults.maxRedirects = MAX_REDIRECTS
nodeVaultAxios.defaults.beforeRedirect = (next, _response, previous) =>
  checkRedirect('Vault', previous.url, next.href)

interface NodeVaultClient {
  token: string | undefined
  namespace: string | undefined
  pathPrefix: string
  endpoint: string
  request(options: Record<string, unknown>): Promise<unknown>
}

interface NodeVaultError {
  response?: { statusCode: number; body: unknown }
  code?: string
  message: string
  cause?: unknown
}

export interface TransportSettings {
  address: string
  token?: string
  namespace?: string
  /** PEM of the CA that signed Vault's certificate (VAULT_CACERT). */
  caCert?: string
  skipVerify?: boolean
  timeoutMs: number
  /** Sockets kept open: enough for the request concurrency. */
  maxSockets: number
  /** Default: the process's, from HTTPS_PROXY, HTTP_PROXY and NO_PROXY. */
  proxy?: ProxySettings
}

/**
 * node-vault behind our transport. It is given every setting explicitly and
 * its own environment reading (VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE,
 * VAULT_PREFIX, VAULT_SKIP_VERIFY) is overridden, so a runner's stray
 * variables cannot redirect it. Keep-alive agents are ours: node-vault
 * would open a connection per request.
 */
export function createNodeVaultTransport(
  settings: TransportSettings
): VaultTransport {
  const agents = agentsFor(settings.address, {
    ...settings,
    proxy: settings.proxy ?? proxySettings()
  })
  const { httpAgent, httpsAgent, proxy } = agents
  const client = nodeVault({
    debug: silentDebug,
    endpoint: settings.address,
    apiVersion: 'v1',
    rpDefaults: { strictSSL: !settings.skipVerify, timeout: settings.timeoutMs }
  })
  client.endpoint = settings.address.replace(/\/+$/, '')
  client.pathPrefix = ''
  client.token = settings.token
  client.namespace = settings.namespace
  return {
    setToken: (token) => {
      client.token = token
    },
    close: () => agents.destroy(),
    async request(request: VaultRequest): Promise<VaultResponse> {
      // Cancelled: only revoking our own token still goes out.
      checkMaySend(request.path === 'auth/token/revoke-self')
      try {
        const body = await client.request({
          path: `/${request.path}`,
          method: request.method,
          json: request.body,
          headers: request.contentType
            ? { 'Content-Type': request.contentType }
            : {},
          timeout: settings.timeoutMs,
          httpAgent,
          httpsAgent
        })
        // node-vault hands back the body only, never the headers, so a
        // Retry-After cannot be honoured here: 429/503 back off instead.
        const status = body === '' || body === undefined ? 204 : 200
        logRequest('Vault', request.method, `/v1/${request.path}`, status)
        return { status, body }
      } catch (cause) {
        const failure = cause as NodeVaultError
        logRequest(
          'Vault',
          request.method,
          `/v1/${request.path}`,
          failure.response?.statusCode ?? failure.code ?? 'no answer'
        )
        if (failure.cause instanceof ProxyError) throw failure.cause
        const refused = redirectRefusal(cause)
        if (refused) throw refused
        if (failure.response?.statusCode === 407 && proxy) {
          throw new ProxyError(
            `the proxy ${proxyLabel(proxy)} answered 407 (authentication required); put its credentials in HTTP_PROXY, or list the host in NO_PROXY`
          )
        }
        if (failure.response) {
          return {
            status: failure.response.statusCode,
            body: failure.response.body
          }
        }
        throw cause
      }
    }
  }
}
