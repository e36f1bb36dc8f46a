/**
 * The LIST verb, below Node's HTTP parser. llhttp refuses methods it does
 * not know (400 before any handler runs), and the vault/bao CLIs, hvac and
 * node-vault list with `LIST`. So every connection's bytes pass through this
 * framer on their way to the parser: it finds where each request starts
 * (after the previous one's head and body, so keep-alive and pipelined
 * requests are all seen), rewrites `LIST <target>` to `GET <target>` and
 * adds `X-Devserver-Method: LIST`, which http/request.ts reads back. The
 * same header sent by a client is dropped, so it cannot fake the verb.
 *
 * Anything the framer does not understand (a head over 64 KiB, a bad
 * Content-Length, an upgrade) switches it to pass-through for the rest of
 * the connection: llhttp then answers as it always did.
 */
export const METHOD_HEADER = 'x-devserver-method'
const MAX_HEAD = 64 * 1024
const CRLF = Buffer.from('\r\n')

type State =
  | { kind: 'head' }
  | { kind: 'body'; left: number }
  | { kind: 'chunk-size' }
  | { kind: 'chunk-data'; left: number }
  | { kind: 'trailers' }
  | { kind: 'through' }

export class RequestFramer {
  private state: State = { kind: 'head' }
  private pending: Buffer = Buffer.alloc(0)

  /** Bytes in, the bytes the parser should see out. */
  push(chunk: Buffer): Buffer {
    let input = this.pending.length
      ? Buffer.concat([this.pending, chunk])
      : chunk
    this.pending = Buffer.alloc(0)
    const out: Buffer[] = []
    while (input.length > 0) {
      const used = this.step(input, out)
      if (used === 0) {
        this.pending = input
        break
      }
      input = input.subarray(used)
    }
    return out.length === 1 ? (out[0] as Buffer) : Buffer.concat(out)
  }

  /** Consumes from `input` (0 = needs more bytes), appending output. */
  private step(input: Buffer, out: Buffer[]): number {
    const s = this.state
    switch (s.kind) {
      case 'through':
        out.push(input)
        return input.length
      case 'body':
      case 'chunk-data': {
        const n = Math.min(s.left, input.length)
        out.push(input.subarray(0, n))
        s.left -= n
        if (s.left === 0)
          this.state =
            s.kind === 'body' ? { kind: 'head' } : { kind: 'chunk-size' }
        return n
      }
      case 'chunk-size':
      case 'trailers': {
        const end = input.indexOf(CRLF)
        if (end === -1) return this.tooLong(input, out)
        const line = input.subarray(0, end).toString('latin1')
        out.push(input.subarray(0, end + 2))
        if (s.kind === 'trailers') {
          if (line === '') this.state = { kind: 'head' }
        } else if (line === '') {
          // The CRLF that closes a chunk's data.
        } else {
          const size = parseInt(line.split(';')[0]?.trim() ?? '', 16)
          if (Number.isNaN(size)) this.state = { kind: 'through' }
          else if (size === 0) this.state = { kind: 'trailers' }
          else this.state = { kind: 'chunk-data', left: size }
        }
        return end + 2
      }
      case 'head':
        return this.head(input, out)
    }
  }

  private tooLong(input: Buffer, out: Buffer[]): number {
    if (input.length <= MAX_HEAD) return 0
    this.state = { kind: 'through' }
    out.push(input)
    return input.length
  }

  private head(input: Buffer, out: Buffer[]): number {
    // Empty lines before a request line are allowed (RFC 9112 §2.2).
    if (input[0] === 0x0d || input[0] === 0x0a) {
      out.push(input.subarray(0, 1))
      return 1
    }
    // Not an HTTP request line (say a TLS hello on the plain port): let
    // llhttp refuse it now rather than wait for a head that never comes.
    const start = input.subarray(0, 16).toString('latin1')
    if (!/^[A-Z]{1,15}( |$)/.test(start)) {
      this.state = { kind: 'through' }
      out.push(input)
      return input.length
    }
    const end = input.indexOf('\r\n\r\n')
    if (end === -1) return this.tooLong(input, out)
    const lines = input.subarray(0, end).toString('latin1').split('\r\n')
    const [first = '', ...headers] = lines
    const kept = headers.filter(
      (h) => !h.toLowerCase().startsWith(`${METHOD_HEADER}:`)
    )
    const method = first.slice(0, first.indexOf(' '))
    const rewritten =
      method === 'LIST'
        ? [`GET${first.slice(4)}`, ...kept, `${METHOD_HEADER}: LIST`]
        : [first, ...kept]
    out.push(Buffer.from(`${rewritten.join('\r\n')}\r\n\r\n`, 'latin1'))
    this.state = bodyState(method, kept)
    return end + 4
  }
}

/** How the body after a head is framed (RFC 9112 §6.3). */
function bodyState(method: string, headers: string[]): State {
  let length: string | undefined
  let chunked = false
  for (const h of headers) {
    const colon = h.indexOf(':')
    const name = h.slice(0, colon).trim().toLowerCase()
    const value = h.slice(colon + 1).trim()
    if (name === 'content-length') length = value
    else if (name === 'transfer-encoding')
      chunked = value.toLowerCase().split(',').pop()?.trim() === 'chunked'
    else if (name === 'upgrade') return { kind: 'through' }
  }
  if (method === 'CONNECT') return { kind: 'through' }
  if (chunked) return { kind: 'chunk-size' }
  if (length === undefined) return { kind: 'head' }
  if (!/^\d+$/.test(length)) return { kind: 'through' }
  const n = Number(length)
  return n === 0 ? { kind: 'head' } : { kind: 'body', left: n }
}
