/**
 * The LIST verb on the wire: raw requests on one keep-alive socket, as a
 * vault-CLI-style client sends them. The dev server rewrites LIST below
 * Node's HTTP parser (devserver/vault/http/request-framer.ts); these check
 * it finds every request on a connection, after bodies and when pipelined.
 */
import { type Socket, connect } from 'node:net'
import { type Target, openTarget, uniq } from './helpers/target.js'

let t: Target
let kv: string
let socket: Socket

beforeAll(async () => {
  t = await openTarget()
  kv = await t.mountKv(2)
  await t.root.post(`${kv}/data/app/db`, { data: { conn_uri: 'x' } })
})
afterAll(() => t.close())
afterEach(() => socket?.destroy())

interface RawReply {
  status: number
  body: string
}

function open(): Promise<Socket> {
  const { hostname, port } = new URL(t.url)
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), hostname, () => resolve(s))
    s.once('error', reject)
  })
}

function request(method: string, path: string, body?: string): string {
  const head = [`${method} /v1/${path} HTTP/1.1`, 'Host: vault']
  head.push(`X-Vault-Token: ${t.rootToken}`)
  if (body !== undefined)
    head.push(`Content-Length: ${Buffer.byteLength(body)}`)
  return `${head.join('\r\n')}\r\n\r\n${body ?? ''}`
}

/** Reads `count` responses (Content-Length framed) off the socket. */
function replies(s: Socket, count: number): Promise<RawReply[]> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0)
    const out: RawReply[] = []
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk])
      for (;;) {
        const end = buf.indexOf('\r\n\r\n')
        if (end === -1) break
        const head = buf.subarray(0, end).toString('latin1')
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0)
        if (buf.length < end + 4 + length) break
        const body = buf.subarray(end + 4, end + 4 + length).toString('utf8')
        out.push({ status: Number(head.split(' ')[1]), body })
        buf = buf.subarray(end + 4 + length)
      }
      if (out.length >= count) {
        s.off('data', onData)
        resolve(out)
      }
    }
    s.on('data', onData)
    s.once('error', reject)
    s.once('close', () => reject(new Error(`closed after ${out.length}`)))
  })
}

const keysOf = (r: RawReply | undefined): unknown =>
  (JSON.parse(r?.body ?? '{}') as { data?: { keys?: unknown } }).data?.keys

test('LIST, then GET, on one keep-alive socket', async () => {
  socket = await open()
  socket.write(request('LIST', `${kv}/metadata/app`))
  const [listed] = await replies(socket, 1)
  expect(listed?.status).toBe(200)
  expect(keysOf(listed)).toEqual(['db'])
  socket.write(request('GET', `${kv}/data/app/db`))
  const [read] = await replies(socket, 1)
  expect(read?.status).toBe(200)
  expect(JSON.parse(read?.body ?? '{}').data.data).toEqual({ conn_uri: 'x' })
})

test('pipelined LIST, POST with a body, LIST: three answers in order', async () => {
  socket = await open()
  const key = uniq('k')
  const body = JSON.stringify({ data: { text: 'LIST /v1/ HTTP/1.1\r\n\r\n' } })
  socket.write(
    request('LIST', `${kv}/metadata/app`) +
      request('POST', `${kv}/data/app/${key}`, body) +
      request('LIST', `${kv}/metadata/app/`)
  )
  const [first, written, second] = await replies(socket, 3)
  expect(first?.status).toBe(200)
  expect(keysOf(first)).toEqual(['db'])
  expect(written?.status).toBe(200)
  expect(second?.status).toBe(200)
  expect((keysOf(second) as string[]).sort()).toEqual(['db', key].sort())
})

test('a GET carrying the dev server’s marker header is still a read', async () => {
  socket = await open()
  const get = request('GET', `${kv}/metadata/app`).replace(
    'Host: vault',
    'Host: vault\r\nX-Devserver-Method: LIST'
  )
  socket.write(get)
  const [r] = await replies(socket, 1)
  // A read of the folder's metadata: there is none (404), not a list.
  expect(r?.status).toBe(404)
})
