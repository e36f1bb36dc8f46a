/**
 * The `node:http` front end: counters, latency and injected faults first
 * (they model the network and the gateway), then the API base, then the
 * routes. Bodies are read lazily (only POST needs one) with a 1 MiB cap.
 */
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { sendError, sendFault } from './respond.js'
import { route, type ServerContext } from './routes.js'

const MAX_BODY = 1 << 20
const BASES: Array<[string, 'v1' | 'v1beta1']> = [
  ['/v1', 'v1'],
  ['/platform/v1beta1', 'v1beta1']
]

export interface HttpServer {
  server: Server
  shutdown(): Promise<void>
}

function readJson(msg: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    msg.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) reject(new Error('body too large'))
      else chunks.push(c)
    })
    msg.on('error', reject)
    msg.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)))
      }
    })
  })
}

function readText(msg: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    msg.on('data', (c: Buffer) => chunks.push(c))
    msg.on('error', reject)
    msg.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
  })
}

export function startHttp(ctx: ServerContext): HttpServer {
  const sockets = new Set<Socket>()
  let closing: Promise<void> | undefined

  const handle = async (
    msg: IncomingMessage,
    res: ServerResponse
  ): Promise<void> => {
    const method = (msg.method ?? 'GET').toUpperCase()
    const url = new URL(msg.url ?? '/', 'http://astro.test')
    ctx.counters.request(method)
    res.on('finish', () => ctx.counters.status(res.statusCode))
    const latency = ctx.faults.config.latencyMs
    if (latency > 0) await sleep(latency)
    const base = BASES.find(([b]) => url.pathname.startsWith(`${b}/`))
    const path = base ? url.pathname.slice(base[0].length) : url.pathname
    const fault = ctx.faults.decide(method, path)
    if (fault.type !== 'none') ctx.counters.fault()
    if (fault.type === 'reset') {
      msg.socket.destroy()
      return
    }
    if (fault.type === 'status') {
      const { retryAfterSeconds, echoRequestBody } = ctx.faults.config
      const echo = echoRequestBody ? await readText(msg) : undefined
      return sendFault(res, fault.status, retryAfterSeconds, echo)
    }
    if (!base) return sendError(res, 404, 'resource not found')
    await route(
      ctx,
      {
        method,
        api: base[1],
        path,
        query: url.searchParams,
        authorization: msg.headers.authorization,
        body: () => readJson(msg)
      },
      res
    )
  }

  const server = createServer((msg, res) => {
    handle(msg, res).catch((e: unknown) => {
      if (!res.headersSent)
        sendError(res, 500, `internal error: ${(e as Error).message}`)
      else res.destroy()
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  const shutdown = (): Promise<void> => {
    closing ??= new Promise((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
      for (const s of sockets) s.destroy()
    })
    return closing
  }
  return { server, shutdown }
}
