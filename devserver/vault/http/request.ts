/**
 * From an HTTP request to Vault's logical request (`http/logical.go`
 * `buildLogicalRequestNoAuth`, vault-api.md §2.1 and §8). A `LIST` request
 * arrives as a GET marked by the framer (request-framer.ts), since Node's
 * parser refuses the verb itself; `requestMethod` undoes that.
 */
import type { IncomingMessage } from 'node:http'
import { isPrintable, parseGoBool } from '../util/go.js'
import { decodeJsonBody } from './json-body.js'
import { type WireResponse, wireErrors } from './response.js'
import { METHOD_HEADER } from './request-framer.js'
import { TOO_MANY_STRINGS, exceedsStringLimit } from './json-complexity.js'

export type Operation =
  'read' | 'list' | 'create' | 'update' | 'patch' | 'delete'

export interface VaultRequest {
  id: string
  method: string
  /** POST/PUT arrive as `update`; the existence check may make them `create`. */
  operation: Operation
  /** Path after `/v1/`, percent-decoded; lists always end in `/`. */
  path: string
  /** Body fields (POST/PUT/PATCH) or query parameters (GET/DELETE). */
  data: Record<string, unknown>
  query: URLSearchParams
  token: string | undefined
  /** `X-Vault-Namespace` as sent (echoed back on the response). */
  namespaceHeader: string | undefined
  remoteAddress: string
}

/** What the URL says before the body is read. */
export interface RequestLine {
  method: string
  operation: Operation
  path: string
  query: URLSearchParams
}

const textHeaders = { 'Content-Type': 'text/plain; charset=utf-8' }

function plain(status: number, body: string): WireResponse {
  return { status, body, headers: { ...textHeaders } }
}

/**
 * Go's `ServeMux` cleans `//`, `/./` and `/../` in the path as sent (still
 * percent-encoded) and answers 307 to the cleaned path (keeping a trailing
 * slash and the query) before OpenBao sees the request.
 */
function cleanPath(path: string): string {
  const out: string[] = []
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') out.pop()
    else out.push(seg)
  }
  const cleaned = `/${out.join('/')}`
  return path.endsWith('/') && cleaned !== '/' ? `${cleaned}/` : cleaned
}

export function parseRequestLine(
  msg: IncomingMessage
): RequestLine | WireResponse {
  const rawUrl = msg.url ?? '/'
  const q = rawUrl.indexOf('?')
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q)
  const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1))
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return plain(400, '400 Bad Request')
  }
  // go-cleanhttp PrintablePathCheckHandler: 400, empty body, no JSON.
  if (!isPrintable(decoded)) return { status: 400, body: '', headers: {} }
  const cleaned = cleanPath(rawPath)
  if (cleaned !== rawPath) {
    const location = cleaned + (q === -1 ? '' : rawUrl.slice(q))
    return { status: 307, body: '', headers: { Location: location } }
  }
  if (!decoded.startsWith('/v1/')) return plain(404, '404 page not found\n')
  let path = decoded.slice('/v1/'.length)
  // Dot segments that were percent-encoded (`a%2F..%2Fb`) get past the mux;
  // OpenBao's core refuses them before auth. `..` inside a segment is fine.
  if (path.split('/').some((seg) => seg === '.' || seg === '..'))
    return wireErrors(400, ['relative paths not supported'])
  const method = requestMethod(msg)
  let operation: Operation
  switch (method) {
    case 'GET': {
      operation = 'read'
      const list = query.get('list')
      if (list !== null && list !== '') {
        const asBool = parseGoBool(list)
        if (asBool === undefined) return wireErrors(400, [])
        query.delete('list')
        if (asBool) operation = 'list'
      }
      break
    }
    case 'LIST':
      operation = 'list'
      break
    case 'POST':
    case 'PUT':
      operation = 'update'
      break
    case 'PATCH':
      operation = 'patch'
      break
    case 'DELETE':
      operation = 'delete'
      break
    default:
      return wireErrors(405, [])
  }
  if (operation === 'list' && !path.endsWith('/')) path += '/'
  return { method, operation, path, query }
}

/** The method the client sent, LIST included. */
export function requestMethod(msg: IncomingMessage): string {
  if (msg.headers[METHOD_HEADER] === 'LIST') return 'LIST'
  return (msg.method ?? 'GET').toUpperCase()
}

/** `mime.ParseMediaType` reduced to what the PATCH check needs. */
function mediaType(header: string | undefined): string | undefined {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)
    ? type
    : undefined
}

function queryData(query: URLSearchParams): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const key of new Set(query.keys())) {
    if (key === 'help') continue
    const values = query.getAll(key)
    data[key] = values.length === 1 ? values[0] : values
  }
  return data
}

/**
 * Decode the body into request data: JSON (numbers as numbers: OpenBao
 * keeps `json.Number`, so `1.50` comes back as `1.50` there but `1.5`
 * here), or a form when the content type says so and the body does not
 * look like JSON.
 */
export type ParsedBody =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; wire: WireResponse }

export function parseBody(
  line: RequestLine,
  contentType: string | undefined,
  body: Buffer
): ParsedBody {
  const bad = (wire: WireResponse): ParsedBody => ({ ok: false, wire })
  const ok = (data: Record<string, unknown>): ParsedBody => ({ ok: true, data })
  if (line.operation === 'patch') {
    const type = mediaType(contentType)
    if (type === undefined) return bad(wireErrors(400, ['mime: no media type']))
    if (type !== 'application/merge-patch+json') {
      return bad(
        wireErrors(415, [
          `PATCH requires Content-Type of application/merge-patch+json, provided ${type}`
        ])
      )
    }
  }
  if (
    line.method !== 'POST' &&
    line.method !== 'PUT' &&
    line.method !== 'PATCH'
  ) {
    return ok(queryData(line.query))
  }
  const text = body.toString('utf8')
  if (text.trim() === '') return ok({})
  if (
    mediaType(contentType) === 'application/x-www-form-urlencoded' &&
    !text.trimStart().startsWith('{')
  ) {
    const form = new URLSearchParams(text)
    const data: Record<string, unknown> = {}
    for (const key of new Set(form.keys()))
      data[key] = form.getAll(key).join(',')
    return ok(data)
  }
  const decoded = decodeJsonBody(text)
  if (!decoded.ok) return bad(wireErrors(400, [decoded.error]))
  if (exceedsStringLimit(decoded.data))
    return bad(wireErrors(400, [TOO_MANY_STRINGS]))
  return ok(decoded.data)
}

/** `X-Vault-Token` wins over `Authorization: Bearer` (vault-api.md §6.1). */
export function tokenFrom(msg: IncomingMessage): string | undefined {
  const header = msg.headers['x-vault-token']
  const direct = Array.isArray(header) ? header[0] : header
  if (direct) return direct
  const auth = msg.headers.authorization
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '')
  return undefined
}
