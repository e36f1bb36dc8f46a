/**
 * Loopback servers for the hardening tests: a collector that must see
 * nothing, and a redirector in front of a real server (the dev server or
 * the Astro test server) that answers some requests with a redirect.
 */
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export interface Collector {
  url: string
  /** Connections opened to it, whatever was (or was not) sent. */
  connections(): number
  close(): Promise<void>
}

/** Counts every TCP connection; answers none. */
export async function startCollector(): Promise<Collector> {
  let count = 0
  const sockets = new Set<net.Socket>()
  const server = net.createServer((socket) => {
    count++
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

export interface Redirector {
  url: string
  /** Requests answered with a redirect. */
  redirected(): number
  /** Every request passed on, as `METHOD /path STATUS`, in order. */
  passed: string[]
  close(): Promise<void>
}

/**
 * `location(req)` says where to send a request (undefined: pass it on to
 * `upstream`). Redirects are 307, so a client keeps method and body.
 */
export async function startRedirector(
  upstream: string,
  location: (req: http.IncomingMessage, self: string) => string | undefined
): Promise<Redirector> {
  let redirected = 0
  let self = ''
  const passed: string[] = []
  const server = http.createServer((req, res) => {
    const to = location(req, self)
    if (to !== undefined) {
      redirected++
      req.resume()
      res.writeHead(307, { location: to, 'content-length': '0' }).end()
      return
    }
    const target = new URL(req.url ?? '/', upstream)
    const forward = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (answer) => {
        passed.push(`${req.method} ${req.url} ${answer.statusCode}`)
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    forward.on('error', () => res.writeHead(502).end())
    req.pipe(forward)
  })
  server.keepAliveTimeout = 100
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  self = `http://127.0.0.1:${port}`
  return {
    url: self,
    redirected: () => redirected,
    passed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** What a hostile server says: a workflow command, ANSI, OSC 8, HTML, markdown. */
export const HOSTILE =
  'denied\n::error::pwned\r\n::add-mask::x \u001b[2J\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007 <img src=x onerror=alert(1)> | **bold** [link](https://evil.example/) @octocat `tick`'

/** Answers every request 403 with HOSTILE as Vault's error text. */
export async function startHostileVault(): Promise<{
  url: string
  close(): Promise<void>
}> {
  const server = http.createServer((req, res) => {
    req.resume()
    res
      .writeHead(403, { 'content-type': 'application/json' })
      .end(JSON.stringify({ errors: [HOSTILE] }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
