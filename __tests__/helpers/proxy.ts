/**
 * A loopback HTTP proxy, as on a self-hosted runner behind one: CONNECT
 * tunnels (https targets) and absolute-URI forwarding (http targets). It
 * counts what it saw, and can demand credentials (407) like a corporate
 * proxy. No request reaches a target without passing here.
 */
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export interface TestProxy {
  /** http://127.0.0.1:PORT, with credentials when asked for. */
  url: string
  /** "CONNECT host:port" and "GET http://…" lines, in order. */
  seen: string[]
  /** The Proxy-Authorization headers it was sent. */
  authorizations: string[]
  close(): Promise<void>
}

export interface TestProxyOptions {
  /** Demand these credentials; anything else gets 407. */
  credentials?: { user: string; password: string }
}

export async function startTestProxy(
  options: TestProxyOptions = {}
): Promise<TestProxy> {
  const seen: string[] = []
  const authorizations: string[] = []
  const sockets = new Set<net.Socket>()
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`
    : undefined
  const allowed = (req: http.IncomingMessage): boolean => {
    const auth = req.headers['proxy-authorization']
    if (auth) authorizations.push(auth)
    return expected === undefined || auth === expected
  }
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    if (!allowed(req)) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="test"' })
      res.end()
      return
    }
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    const upstream = http.request(
      req.url ?? '',
      { method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  server.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
    seen.push(`CONNECT ${req.url}`)
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    if (!allowed(req)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n'
      )
      return
    }
    const [host, port] = (req.url ?? '').split(/:(?=\d+$)/)
    const target = net.connect(Number(port), host?.replace(/^\[|\]$/g, ''))
    sockets.add(target)
    target.on('close', () => sockets.delete(target))
    target.on('error', () => client.destroy())
    target.once('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      target.pipe(client).pipe(target)
    })
  })
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const creds = options.credentials
    ? `${encodeURIComponent(options.credentials.user)}:${encodeURIComponent(options.credentials.password)}@`
    : ''
  return {
    url: `http://${creds}127.0.0.1:${port}`,
    seen,
    authorizations,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
