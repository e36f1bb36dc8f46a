/**
 * Where the conformance suite runs: a real Vault when `VAULT_ADDR` and
 * `VAULT_TOKEN` are set (CI's `real-vault.yml`), otherwise our dev server
 * started in-process. Everything a test creates (mounts, auth methods,
 * policies) gets a unique name and is removed again, so the suite can run
 * against a shared Vault.
 */
import { randomBytes } from 'node:crypto'
import {
  type VaultDevServer,
  type VaultDevServerOptions,
  startVaultDevServer
} from '../../../devserver/vault/index.js'

export type Json =
  null | boolean | number | string | Json[] | { [key: string]: Json }

export interface Reply {
  status: number
  /** Parsed JSON, or null for an empty/non-JSON body. */
  body: Json
  text: string
  headers: Headers
}

export interface CallOptions {
  body?: unknown
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: string
  headers?: Record<string, string>
  contentType?: string
  /** Defaults to the client's token; `null` sends none. */
  token?: string | null
  redirect?: 'follow' | 'manual' | 'error'
}

export const realVault = Boolean(
  process.env.VAULT_ADDR && process.env.VAULT_TOKEN
)
/**
 * Which server answers: our dev server, OpenBao (`npm run test:real` sets
 * AVS_REAL_VAULT=openbao) or another Vault. Tests branch on it only where
 * the two real servers are documented to differ.
 */
export type ServerKind = 'dev' | 'openbao' | 'vault'
export const serverKind: ServerKind = !realVault
  ? 'dev'
  : process.env.AVS_REAL_VAULT === 'openbao'
    ? 'openbao'
    : 'vault'
/**
 * Namespaces: the dev server (namespace mode) and OpenBao, whose open-source
 * edition has them; Vault needs Enterprise (opt in with
 * VAULT_NAMESPACE_TESTS=1).
 */
export const namespaceTests =
  serverKind !== 'vault' || process.env.VAULT_NAMESPACE_TESTS === '1'

/**
 * Whether tests remove the mounts, auth methods and namespaces they made.
 * Not on OpenBao: its server lives for one run only, and OpenBao 2.7.2 can
 * panic while it clears an unmounted view (`ClearViewWithPagination`
 * divides by a key count of 0 taken before a concurrent write, e.g. a KV
 * v2 mount's background upgrade; seen under parallel mounts and
 * unmounts), which leaves the mount table locked for the rest of the run.
 */
export const removesWhatItMade = serverKind !== 'openbao'

const runId = randomBytes(3).toString('hex')
let counter = 0

/** A name no other test (or earlier CI run) uses. */
export function uniq(prefix: string): string {
  return `${prefix}-${runId}-${++counter}`
}

/** Read a value by dotted path (`auth.client_token`). */
export function at(body: Json, path: string): Json {
  let cur: Json = body
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur))
      return null
    cur = cur[part] ?? null
  }
  return cur
}

export function str(body: Json, path: string): string {
  const v = at(body, path)
  if (typeof v !== 'string')
    throw new Error(`${path} is not a string: ${JSON.stringify(body)}`)
  return v
}

export class Client {
  constructor(
    readonly url: string,
    readonly token: string | undefined,
    readonly headers: Record<string, string> = {}
  ) {}

  /** A client with another token (or none) and/or extra headers. */
  as(token: string | undefined, headers: Record<string, string> = {}): Client {
    return new Client(this.url, token, { ...this.headers, ...headers })
  }

  async call(
    method: string,
    path: string,
    opts: CallOptions = {}
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...this.headers, ...opts.headers }
    const token = opts.token === undefined ? this.token : opts.token
    if (token) headers['X-Vault-Token'] = token
    let body: string | undefined = opts.rawBody
    if (body === undefined && opts.body !== undefined)
      body = JSON.stringify(opts.body)
    if (body !== undefined)
      headers['Content-Type'] = opts.contentType ?? 'application/json'
    else if (opts.contentType) headers['Content-Type'] = opts.contentType
    const res = await fetch(`${this.url}/v1/${path.replace(/^\//, '')}`, {
      method,
      headers,
      body,
      redirect: opts.redirect ?? 'follow'
    })
    const text = await res.text()
    let parsed: Json
    try {
      parsed = text === '' ? null : (JSON.parse(text) as Json)
    } catch {
      parsed = null
    }
    return { status: res.status, body: parsed, text, headers: res.headers }
  }

  get(path: string, opts?: CallOptions): Promise<Reply> {
    return this.call('GET', path, opts)
  }
  /** `GET ?list=true`, as Vault's Go client and our own client list. */
  list(path: string, opts?: CallOptions): Promise<Reply> {
    const sep = path.includes('?') ? '&' : '?'
    return this.call('GET', `${path}${sep}list=true`, opts)
  }
  /** The LIST verb, as the vault/bao CLIs, hvac and node-vault send it. */
  listVerb(path: string, opts?: CallOptions): Promise<Reply> {
    return this.call('LIST', path, opts)
  }
  post(path: string, body?: unknown, opts?: CallOptions): Promise<Reply> {
    return this.call('POST', path, { ...opts, body })
  }
  put(path: string, body?: unknown, opts?: CallOptions): Promise<Reply> {
    return this.call('PUT', path, { ...opts, body })
  }
  patch(path: string, body: unknown, opts?: CallOptions): Promise<Reply> {
    return this.call('PATCH', path, {
      contentType: 'application/merge-patch+json',
      ...opts,
      body
    })
  }
  del(path: string, opts?: CallOptions): Promise<Reply> {
    return this.call('DELETE', path, opts)
  }
}

export interface Target {
  url: string
  rootToken: string
  real: boolean
  kind: ServerKind
  /** The in-process server; undefined against a real Vault. */
  dev: VaultDevServer | undefined
  root: Client
  /** A fresh KV mount; removed in close(). */
  mountKv(version: 1 | 2, prefix?: string): Promise<string>
  /** Enable an auth method at a fresh path; removed in close(). */
  enableAuth(type: 'approle' | 'jwt'): Promise<string>
  /** Write a policy under a fresh name; removed in close(). */
  policy(hcl: string, prefix?: string): Promise<string>
  /** A token carrying exactly these policies (plus default). */
  tokenWith(...policies: string[]): Promise<string>
  close(): Promise<void>
}

function expectOk(reply: Reply, what: string): void {
  if (reply.status >= 300) {
    throw new Error(`${what} failed: ${reply.status} ${reply.text}`)
  }
}

/** Start (or connect to) the target for one test file. */
export async function openTarget(
  opts: VaultDevServerOptions = {}
): Promise<Target> {
  let dev: VaultDevServer | undefined
  let url: string
  let rootToken: string
  if (realVault) {
    url = (process.env.VAULT_ADDR ?? '').replace(/\/$/, '')
    rootToken = process.env.VAULT_TOKEN ?? ''
  } else {
    dev = await startVaultDevServer(opts)
    url = dev.url
    rootToken = dev.rootToken
  }
  const root = new Client(url, rootToken)
  const mounts: string[] = []
  const auths: string[] = []
  const policies: string[] = []

  return {
    url,
    rootToken,
    real: realVault,
    kind: serverKind,
    dev,
    root,
    async mountKv(version, prefix = `kv${version}`) {
      const path = uniq(prefix)
      const r = await root.post(`sys/mounts/${path}`, {
        type: 'kv',
        options: { version: String(version) }
      })
      expectOk(r, `mount ${path}`)
      mounts.push(path)
      if (version === 2) {
        // A fresh KV v2 mount upgrades for a moment (vault-api.md §3.12).
        for (let i = 0; i < 100; i++) {
          const c = await root.get(`${path}/config`)
          if (c.status === 200) break
          await new Promise((r) => setTimeout(r, 100))
        }
      }
      return path
    },
    async enableAuth(type) {
      const path = uniq(type)
      expectOk(await root.post(`sys/auth/${path}`, { type }), `enable ${type}`)
      auths.push(path)
      return path
    },
    async policy(hcl, prefix = 'pol') {
      const name = uniq(prefix)
      expectOk(
        await root.put(`sys/policies/acl/${name}`, { policy: hcl }),
        `policy ${name}`
      )
      policies.push(name)
      return name
    },
    async tokenWith(...names) {
      const r = await root.post('auth/token/create', {
        policies: names,
        ttl: '1h'
      })
      expectOk(r, 'token create')
      return str(r.body, 'auth.client_token')
    },
    async close() {
      if (dev) {
        await dev.close()
        return
      }
      for (const p of policies) await root.del(`sys/policies/acl/${p}`)
      if (!removesWhatItMade) return
      for (const m of mounts) await root.del(`sys/mounts/${m}`)
      for (const a of auths) await root.del(`sys/auth/${a}`)
    }
  }
}

/** `test` that only runs against the dev server (fault injection, counters). */
export const devOnly = realVault ? test.skip : test
