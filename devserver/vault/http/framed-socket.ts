/**
 * A connection as Node's HTTP server sees it once the LIST verb has been
 * rewritten (request-framer.ts): a Duplex over the real socket (net or
 * TLS). Reads go through the framer, writes go straight to the socket, and
 * back-pressure, half-close, timeouts and errors pass both ways. Node's
 * server accepts any Duplex as a connection (`server.emit('connection')`);
 * it only needs the few socket methods below, which it calls when present.
 */
import { Duplex } from 'node:stream'
import type { Socket } from 'node:net'
import { RequestFramer } from './request-framer.js'

export class FramedSocket extends Duplex {
  private readonly framer = new RequestFramer()

  constructor(readonly raw: Socket) {
    super({ allowHalfOpen: true })
    raw.on('data', (chunk: Buffer) => {
      const out = this.framer.push(chunk)
      if (out.length > 0 && !this.push(out)) raw.pause()
    })
    raw.on('end', () => this.push(null))
    raw.on('timeout', () => this.emit('timeout'))
    raw.on('error', (e) => this.destroy(e))
    raw.on('close', () => this.destroy())
  }

  get remoteAddress(): string | undefined {
    return this.raw.remoteAddress
  }
  get remotePort(): number | undefined {
    return this.raw.remotePort
  }
  get remoteFamily(): string | undefined {
    return this.raw.remoteFamily
  }
  get localAddress(): string | undefined {
    return this.raw.localAddress
  }
  get localPort(): number | undefined {
    return this.raw.localPort
  }
  /** node:https marks requests on TLS sockets `encrypted`. */
  get encrypted(): boolean {
    return 'encrypted' in this.raw
  }

  setTimeout(ms: number, callback?: () => void): this {
    this.raw.setTimeout(ms)
    if (callback) this.once('timeout', callback)
    return this
  }
  setNoDelay(noDelay?: boolean): this {
    this.raw.setNoDelay(noDelay)
    return this
  }
  setKeepAlive(enable?: boolean, delay?: number): this {
    this.raw.setKeepAlive(enable, delay)
    return this
  }
  address(): ReturnType<Socket['address']> {
    return this.raw.address()
  }

  override _read(): void {
    this.raw.resume()
  }
  override _write(
    chunk: Buffer,
    encoding: BufferEncoding,
    done: (e?: Error | null) => void
  ): void {
    this.raw.write(chunk, encoding, done)
  }
  override _final(done: (e?: Error | null) => void): void {
    this.raw.end(() => done())
  }
  override _destroy(
    error: Error | null,
    done: (e?: Error | null) => void
  ): void {
    this.raw.destroy()
    done(error)
  }
}
