/**
 * The CONNECT handshake with an HTTP proxy. Failures are ProxyErrors that
 * name the proxy (never its credentials) and what to check, so a refused
 * tunnel is not mistaken for Vault or Astro being down.
 */
import net from 'node:net'
import { proxyAuthorization, proxyLabel } from './proxy-settings.js'

/**
 * A failure of the proxy itself. It has no `code`, so it is not retried
 * like a reset connection, and prints as its message alone, since the
 * caller already says which request failed.
 */
export class ProxyError extends Error {
  override name = 'ProxyError'
  override toString(): string {
    return this.message
  }
}

/** Up to the end of the proxy's answer head: a small, bounded read. */
const MAX_HEAD_BYTES = 16 * 1024

export function openTunnel(
  proxy: URL,
  target: { host?: string | null; port?: number | string | null },
  timeoutMs: number
): Promise<net.Socket> {
  const host = (target.host ?? 'localhost').replace(/^\[|\]$/g, '')
  const authority = `${net.isIPv6(host) ? `[${host}]` : host}:${target.port ?? 443}`
  const label = proxyLabel(proxy)
  return new Promise((resolve, reject) => {
    const socket = net.connect({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.port || 80)
    })
    let head = Buffer.alloc(0)
    const fail = (why: string): void => {
      socket.destroy()
      reject(
        new ProxyError(
          `the proxy ${label} ${why}; check HTTPS_PROXY (and its credentials), or list the host in NO_PROXY`
        )
      )
    }
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) {
        if (head.length > MAX_HEAD_BYTES) fail('sent an endless answer')
        return
      }
      socket.off('data', onData)
      socket.off('error', onError)
      socket.setTimeout(0)
      socket.pause()
      const statusLine = head.subarray(0, head.indexOf('\r\n')).toString()
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]
      if (status !== '200') {
        fail(`refused the tunnel to ${authority}: "${statusLine}"`)
        return
      }
      const rest = head.subarray(end + 4)
      if (rest.length > 0) socket.unshift(rest)
      resolve(socket)
    }
    const onError = (cause: NodeJS.ErrnoException): void =>
      fail(`cannot be reached (${cause.code ?? cause.message})`)
    socket.on('data', onData)
    socket.once('error', onError)
    socket.setTimeout(timeoutMs, () =>
      fail(`did not answer CONNECT within ${timeoutMs} ms`)
    )
    socket.once('connect', () => {
      const auth = proxyAuthorization(proxy)
      socket.write(
        `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n` +
          (auth ? `Proxy-Authorization: ${auth}\r\n` : '') +
          '\r\n'
      )
    })
  })
}
