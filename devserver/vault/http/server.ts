/**
 * The `node:http` front end: faults first (they model the network and the
 * server process), then the request line, the body with its size limit,
 * the sealed check and the router. Every response carries
 * `Cache-Control: no-store` and echoes `X-Vault-Namespace` (§2.4).
 *
 * The listener is a plain net (or TLS) server; each connection reaches the
 * HTTP parser through a FramedSocket, which turns the LIST verb into
 * something llhttp accepts (request-framer.ts).
 */
import {
  createServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import {
  type Server,
  type Socket,
  createServer as createNetServer
} from 'node:net'
import { createServer as createTlsServer } from 'node:tls'
import { setTimeout as sleep } from 'node:timers/promises'
import { randomUUID } from 'node:crypto'
import type { ServerState, PathKind } from '../state.js'
import type { Faults } from '../faults.js'
import { faultBody } from '../faults.js'
import { dispatch } from '../router.js'
import { readBody } from './body.js'
import {
  parseBody,
  parseRequestLine,
  requestMethod,
  tokenFrom,
  type VaultRequest
} from './request.js'
import { type WireResponse, wireErrors } from './response.js'
import { FramedSocket } from './framed-socket.js'

/** Paths Vault serves while sealed (dedicated handlers, not the core). */
const SEALED_OK = new Set(['sys/health', 'sys/seal-status', 'sys/unseal'])

/** PEM key and certificate: the listener then speaks HTTPS only. */
export interface TlsFiles {
  key: string
  cert: string
}

export interface HttpServer {
  /** The listening socket server (net, or TLS with `tls`). */
  server: Server
  /** Stop listening, drop every connection, stop slow-loris timers. */
  shutdown(): Promise<void>
}

export function startHttp(
  state: ServerState,
  faults: Faults,
  tls?: TlsFiles
): HttpServer {
  const counters = state.counters
  const timers = new Set<NodeJS.Timeout>()
  const sockets = new Set<Socket>()
  let closing: Promise<void> | undefined

  const shutdown = (): Promise<void> => {
    if (closing) return closing
    closing = new Promise((resolve) => {
      for (const t of timers) clearInterval(t)
      timers.clear()
      server.close(() => resolve())
      http.closeAllConnections()
      for (const s of sockets) s.destroy()
    })
    return closing
  }

  const send = (
    msg: IncomingMessage,
    res: ServerResponse,
    wire: WireResponse
  ): void => {
    const headers: Record<string, string> = { ...wire.headers }
    // go-cleanhttp's 400 for non-printable paths is written before Vault's
    // own handlers, so it has no Cache-Control either.
    if (!(wire.status === 400 && wire.body === ''))
      headers['Cache-Control'] = 'no-store'
    const ns = msg.headers['x-vault-namespace']
    if (typeof ns === 'string') headers['X-Vault-Namespace'] = ns
    if (wire.body !== undefined)
      headers['Content-Length'] = String(Buffer.byteLength(wire.body))
    res.writeHead(wire.status, headers)
    res.end(wire.body)
  }

  const slowLoris = (
    res: ServerResponse,
    mode: 'dribble' | 'hang',
    ms: number
  ): void => {
    const body =
      '{"request_id":"slow","lease_id":"","renewable":false,"data":{}}\n'
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      'Content-Length': String(body.length)
    })
    res.flushHeaders()
    if (mode === 'hang') return
    let i = 0
    const timer = setInterval(() => {
      if (res.destroyed || i >= body.length) {
        clearInterval(timer)
        timers.delete(timer)
        if (!res.destroyed) res.end()
        return
      }
      res.write(body[i++])
    }, ms)
    timers.add(timer)
    res.on('close', () => {
      clearInterval(timer)
      timers.delete(timer)
    })
  }

  const handle = async (
    msg: IncomingMessage,
    res: ServerResponse
  ): Promise<void> => {
    const method = requestMethod(msg)
    let kind: PathKind | 'fault' = 'unrouted'
    let status = 0
    counters.begin()
    try {
      const line = parseRequestLine(msg)
      const faultPath = 'path' in line ? line.path : ''
      const action = faults.decide(faultPath)
      if (action.type === 'close') {
        kind = 'fault'
        msg.socket.destroy()
        void shutdown()
        return
      }
      const delay = faults.latency()
      if (delay > 0) await sleep(delay)
      if (action.type === 'reset') {
        kind = 'fault'
        msg.socket.destroy()
        return
      }
      if (action.type === 'slowloris') {
        kind = 'fault'
        status = 200
        const { slowLorisMode, slowLorisIntervalMs } = faults.config
        slowLoris(res, slowLorisMode, slowLorisIntervalMs)
        return
      }
      if (action.type === 'status') {
        kind = 'fault'
        status = action.status
        send(
          msg,
          res,
          wireErrors(action.status, faultBody(action.status, faultPath))
        )
        return
      }
      if (!('operation' in line)) {
        status = line.status
        send(msg, res, line)
        return
      }
      const body = await readBody(msg, state.options.maxRequestBytes)
      if (!body.ok) {
        if (body.reason === 'aborted') return
        // OpenBao passes Go's MaxBytesReader error through (Vault: "error
        // parsing JSON").
        status = 413
        send(msg, res, wireErrors(413, ['http: request body too large']))
        return
      }
      const echo = faults.echoStatus(line.path)
      if (echo !== undefined) {
        kind = 'fault'
        status = echo
        const text = body.body.toString('utf8')
        send(msg, res, wireErrors(echo, [`invalid request body: ${text}`]))
        return
      }
      const parsed = parseBody(line, msg.headers['content-type'], body.body)
      if (!parsed.ok) {
        status = parsed.wire.status
        send(msg, res, parsed.wire)
        return
      }
      const nsHeader = msg.headers['x-vault-namespace']
      const req: VaultRequest = {
        id: randomUUID(),
        method,
        operation: line.operation,
        path: line.path,
        data: parsed.data,
        query: line.query,
        token: tokenFrom(msg),
        namespaceHeader: typeof nsHeader === 'string' ? nsHeader : undefined,
        remoteAddress: msg.socket.remoteAddress ?? ''
      }
      if (state.seal.sealed && !SEALED_OK.has(line.path.replace(/\/$/, ''))) {
        status = 503
        send(msg, res, wireErrors(503, ['Vault is sealed']))
        return
      }
      const out = await dispatch(state, req)
      kind = out.kind
      status = out.wire.status
      send(msg, res, out.wire)
    } catch (e) {
      console.error('vault dev server: internal error', e)
      status = 500
      if (!res.headersSent) send(msg, res, wireErrors(500, ['internal error']))
    } finally {
      counters.end(method, kind, status)
    }
  }

  const listener = (msg: IncomingMessage, res: ServerResponse): void => {
    void handle(msg, res)
  }
  const http = createServer({ keepAliveTimeout: 30_000 }, listener)
  const accept = (socket: Socket): void => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    http.emit('connection', new FramedSocket(socket))
  }
  const server: Server = tls
    ? createTlsServer({ key: tls.key, cert: tls.cert }, accept)
    : createNetServer(accept)
  // Malformed requests never reach a handler; answer 400 like Go's server
  // and close.
  http.on('clientError', (_err, socket: Socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })
  return { server, shutdown }
}
