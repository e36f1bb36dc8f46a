/**
 * Issue #14's rows: our debug output turned on (and DEBUG, which must stay
 * off), credentials inside the Vault and Astro addresses, a server that
 * answers with hostile text quoting the body, and a redirect to another
 * origin, where the request must never arrive.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Row, RowContext } from './matrix.js'
import { allWritten, echoed } from './steps.js'
import {
  HOSTILE,
  startCollector,
  startRedirector,
  type Collector
} from '../hardening/servers.js'

export const USERINFO_CANARIES = {
  VAULT_ADDR_PASSWORD: 'v4ddr-pa55tok7Q',
  ASTRO_URL_PASSWORD: 'astr0-pa55tok8R'
}

// Servers of these rows, closed by the matrix after all rows.
const open: Array<() => Promise<void>> = []
export async function closeRowServers(): Promise<void> {
  await Promise.all(open.splice(0).map((close) => close()))
}

let collector: Collector | undefined
async function theCollector(): Promise<Collector> {
  if (!collector) {
    collector = await startCollector()
    open.push(collector.close)
  }
  return collector
}

const withUser = (url: string, password: string): string =>
  url.replace('://', `://ops:${password}@`)

/** Passes to the dev server, but refuses data writes with HOSTILE and the body. */
async function hostileVault(ctx: RowContext): Promise<string> {
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString()))
    req.on('end', () => {
      if (req.method !== 'GET' && req.url?.includes('/data/')) {
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(
          JSON.stringify({
            errors: [`${HOSTILE} invalid request body: ${body}`]
          })
        )
        return
      }
      const target = new URL(req.url ?? '/', ctx.servers.vault.url)
      const forward = http.request(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        }
      )
      forward.on('error', () => res.writeHead(502).end())
      forward.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  open.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const inert = async (
  _ctx: RowContext,
  run: { channels: Record<string, string> }
): Promise<void> => {
  // eslint-disable-next-line no-control-regex
  expect(run.channels['output error-message'] ?? '').not.toMatch(/[\n\r\u001b]/)
  expect(run.channels.summary ?? '').not.toContain('<img')
}

const apply = { action: 'apply', command: 'apply' } as const
const plan = { action: 'plan', command: 'plan' } as const

export const HARDENING_ROWS: Row[] = [
  {
    ...apply,
    outcome: 'success',
    case: 'our debug output on, and DEBUG=*',
    env: { AIRFLOW_VAULT_SYNC_DEBUG: '1', RUNNER_DEBUG: '1', DEBUG: '*' },
    exit: { cli: 0, action: 0 },
    verify: async (ctx, run) => {
      await allWritten(ctx)
      expect(Object.values(run.channels).join('\n')).toMatch(
        /Vault (POST|PUT) \/v1\//
      )
    }
  },
  {
    ...apply,
    outcome: 'success',
    case: 'credentials inside the Vault and Astro addresses',
    canaries: USERINFO_CANARIES,
    addresses: async (ctx) => ({
      vault: withUser(
        ctx.servers.vault.url,
        USERINFO_CANARIES.VAULT_ADDR_PASSWORD
      ),
      astro: withUser(
        ctx.servers.astro.url,
        USERINFO_CANARIES.ASTRO_URL_PASSWORD
      )
    }),
    exit: { cli: 0, action: 0 },
    verify: allWritten
  },
  {
    ...apply,
    outcome: 'failure',
    case: 'Vault answers writes with hostile text, quoting the body',
    addresses: async (ctx) => ({ vault: await hostileVault(ctx) }),
    exit: { cli: 3, action: 1 },
    verify: echoed('invalid request body', inert)
  },
  {
    ...plan,
    outcome: 'failure',
    case: 'a redirect to another origin (never followed)',
    addresses: async (ctx) => {
      const sink = await theCollector()
      const front = await startRedirector(
        ctx.servers.vault.url,
        (req) => `${sink.url}${req.url}?sig=x`
      )
      open.push(front.close)
      return { vault: front.url }
    },
    exit: { cli: 3, action: 1 },
    verify: async (_ctx, run) => {
      expect((await theCollector()).connections()).toBe(0)
      expect(Object.values(run.channels).join('\n')).toContain('redirected to')
    }
  }
]
