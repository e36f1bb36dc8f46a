import http from 'node:http'
import https from 'node:https'
import { createRequire } from 'node:module'
import type {
  VaultRequest,
  VaultResponse,
  VaultTransport
} from './transport.js'

// node-vault is CommonJS without usable types (every call is Promise<any>).
const require = createRequire(import.meta.url)
const nodeVault = require('node-vault') as (config: object) => NodeVaultClient

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
  const agentOptions = { keepAlive: true, maxSockets: settings.maxSockets }
  const httpAgent = new http.Agent(agentOptions)
  const httpsAgent = new https.Agent({
    ...agentOptions,
    ca: settings.caCert,
    rejectUnauthorized: !settings.skipVerify
  })
  const client = nodeVault({
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
    close: () => {
      httpAgent.destroy()
      httpsAgent.destroy()
    },
    async request(request: VaultRequest): Promise<VaultResponse> {
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
        return { status: body === '' || body === undefined ? 204 : 200, body }
      } catch (cause) {
        const failure = cause as NodeVaultError
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
