import http from 'node:http'
import type { AddressInfo } from 'node:net'

interface Comment {
  id: number
  body: string
}
interface Issue {
  number: number
  title: string
  body: string
  labels: string[]
  state: 'open' | 'closed'
}

/**
 * A loopback stand-in for the GitHub REST API, covering the calls the PR
 * comment and the drift issue make, with pagination as GitHub does it (a
 * Link header). It is the one service that cannot run here.
 */
export interface GitHubStub {
  url: string
  comments: Map<number, Comment[]>
  issues: Issue[]
  requests: string[]
  /** Answer every write with 403 (a token without the permission). */
  forbidWrites: boolean
  close(): Promise<void>
}

export async function startGitHubStub(): Promise<GitHubStub> {
  let nextId = 1
  const stub = {
    comments: new Map(),
    issues: [],
    requests: [],
    forbidWrites: false
  } as unknown as GitHubStub
  const server = http.createServer((req, res) => {
    let text = ''
    req.on('data', (c: Buffer) => (text += c.toString()))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stub')
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {}
      stub.requests.push(`${req.method} ${url.pathname}`)
      const send = (
        status: number,
        data: unknown,
        headers: Record<string, string> = {}
      ): void => {
        res
          .writeHead(status, { 'Content-Type': 'application/json', ...headers })
          .end(JSON.stringify(data))
      }
      if (req.method !== 'GET' && stub.forbidWrites) {
        send(403, { message: 'Resource not accessible by integration' })
        return
      }
      route(req.method ?? 'GET', url, body, send)
    })
  })
  const route = (
    method: string,
    url: URL,
    body: Record<string, unknown>,
    send: (
      status: number,
      data: unknown,
      headers?: Record<string, string>
    ) => void
  ): void => {
    const path = url.pathname.replace(/^\/repos\/[^/]+\/[^/]+/, '')
    let m: RegExpMatchArray | null
    if ((m = path.match(/^\/issues\/(\d+)\/comments$/))) {
      const list = stub.comments.get(Number(m[1])) ?? []
      stub.comments.set(Number(m[1]), list)
      if (method === 'POST') {
        const c = { id: nextId++, body: String(body.body) }
        list.push(c)
        return send(201, c)
      }
      const perPage = Number(url.searchParams.get('per_page') ?? 30)
      const page = Number(url.searchParams.get('page') ?? 1)
      const last = Math.max(1, Math.ceil(list.length / perPage))
      const link: Record<string, string> =
        page < last
          ? {
              link: `<${stubUrl()}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"`
            }
          : {}
      return send(200, list.slice((page - 1) * perPage, page * perPage), link)
    }
    if ((m = path.match(/^\/issues\/comments\/(\d+)$/)) && method === 'PATCH') {
      const c = [...stub.comments.values()]
        .flat()
        .find((x) => x.id === Number(m?.[1]))
      if (!c) return send(404, { message: 'Not Found' })
      c.body = String(body.body)
      return send(200, c)
    }
    if (path === '/issues' && method === 'GET') {
      const label = url.searchParams.get('labels')
      const state = url.searchParams.get('state') ?? 'open'
      return send(
        200,
        stub.issues
          .filter(
            (i) => i.state === state && (!label || i.labels.includes(label))
          )
          .map(asJson)
      )
    }
    if (path === '/issues' && method === 'POST') {
      const issue: Issue = {
        number: nextId++,
        title: String(body.title),
        body: String(body.body),
        labels: (body.labels as string[]) ?? [],
        state: 'open'
      }
      stub.issues.push(issue)
      return send(201, asJson(issue))
    }
    if ((m = path.match(/^\/issues\/(\d+)$/)) && method === 'PATCH') {
      const issue = stub.issues.find((i) => i.number === Number(m?.[1]))
      if (!issue) return send(404, { message: 'Not Found' })
      if (typeof body.body === 'string') issue.body = body.body
      if (body.state === 'closed' || body.state === 'open')
        issue.state = body.state
      return send(200, asJson(issue))
    }
    send(404, { message: 'Not Found' })
  }
  const asJson = (i: Issue): object => ({
    ...i,
    labels: i.labels.map((name) => ({ name }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const stubUrl = (): string =>
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  stub.url = stubUrl()
  stub.close = () => new Promise((resolve) => server.close(() => resolve()))
  return stub
}
