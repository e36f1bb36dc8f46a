/**
 * node:http agents that go through an HTTP proxy. HTTPS targets are
 * tunnelled with CONNECT, so TLS (and VAULT_CACERT) stays end to end and
 * the proxy sees only host and port; plain http targets are forwarded in
 * absolute form, as curl does, since many proxies allow CONNECT to 443
 * only. Both keep sockets alive and pool them like the plain agents.
 */
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import tls from 'node:tls'
import type { Duplex } from 'node:stream'
import { ProxyError, openTunnel } from './proxy-tunnel.js'
import { proxyAuthorization, proxyLabel } from './proxy-settings.js'

type Callback = (err: Error | null, stream: Duplex) => void

/** https through a CONNECT tunnel; TLS options are the agent's. */
export class TunnelAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    options: https.AgentOptions,
    private readonly connectTimeoutMs: number
  ) {
    super(options)
  }

  override createConnection(
    options: tls.ConnectionOptions,
    callback: Callback
  ): undefined {
    openTunnel(this.proxy, options, this.connectTimeoutMs).then(
      (socket) => {
        // servername and ca come from the agent: the check is Vault's cert.
        const secure = tls.connect({ ...options, socket })
        // The pool unrefs idle sockets so they never hold the process
        // open; over a tunnel, only the TCP socket underneath can.
        secure.ref = (): tls.TLSSocket => (socket.ref(), secure)
        secure.unref = (): tls.TLSSocket => (socket.unref(), secure)
        callback(null, secure)
      },
      (cause: Error) => callback(cause, undefined as unknown as Duplex)
    )
    return undefined
  }
}

interface AgentInternals {
  addRequest(req: http.ClientRequest, options: object): void
}

const baseAddRequest = (http.Agent.prototype as unknown as AgentInternals)
  .addRequest

/** http forwarded to the proxy, request line in absolute form. */
export class ForwardAgent extends http.Agent {
  constructor(
    private readonly proxy: URL,
    options: http.AgentOptions
  ) {
    super(options)
  }

  /** Before the headers are written: the proxy needs the whole URL. */
  addRequest(
    req: http.ClientRequest,
    options: { host?: string; port?: number | string }
  ): void {
    const host = net.isIPv6(req.host) ? `[${req.host}]` : req.host
    const port = options.port ? `:${options.port}` : ''
    req.path = `http://${host}${port}${req.path}`
    const auth = proxyAuthorization(this.proxy)
    if (auth) req.setHeader('Proxy-Authorization', auth)
    baseAddRequest.call(this, req, options)
  }

  override createConnection(
    _options: net.NetConnectOpts,
    callback: Callback
  ): undefined {
    const socket = net.connect({
      host: this.proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(this.proxy.port || 80)
    })
    const failed = (cause: NodeJS.ErrnoException): void => {
      socket.destroy()
      callback(
        new ProxyError(
          `cannot connect to the proxy ${proxyLabel(this.proxy)} (${cause.code ?? cause.message}); check HTTP_PROXY, or list the host in NO_PROXY`
        ),
        socket
      )
    }
    socket.once('error', failed)
    socket.once('connect', () => {
      socket.off('error', failed)
      callback(null, socket)
    })
    return undefined
  }
}
