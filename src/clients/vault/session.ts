import { z } from 'zod'
import { VaultHttp } from './client.js'
import type { RetryPolicy } from './retry.js'
import { createNodeVaultTransport } from './node-vault-transport.js'
import { encodePath, VaultError } from './transport.js'
import type { KvVersion } from './kv.js'
import { login, type LoginAuth } from './login.js'
import {
  type TokenExpiredError,
  TokenKeeper,
  type Lease
} from './token-keeper.js'
import { freshAuth, lookupSelf, renewSelf } from './token-calls.js'

/** Paths per sys/capabilities-self request: well under Vault's 1,000 strings. */
const CAPABILITY_BATCH = 500

export type VaultAuth = { method: 'token'; token: string } | LoginAuth

export interface VaultConnection {
  address: string
  namespace?: string
  caCert?: string
  skipVerify: boolean
  auth: VaultAuth
  timeoutMs: number
  concurrency: number
  /** Backoff settings; tests shorten them. */
  retry?: RetryPolicy
  /** Told of a token obtained by login, so the Action can mask it. */
  onToken?: (token: string) => void
  /**
   * A new OIDC token for JWT auth, when the token expired mid-run: the
   * first may have expired too. Without it, the same one is tried once.
   */
  refreshJwt?: () => Promise<string>
  /** Milliseconds now, for token TTLs; tests move it instead of sleeping. */
  clock?: () => number
}

const MountAnswer = z.object({
  data: z.object({
    type: z.string(),
    options: z.record(z.string(), z.unknown()).nullable().optional()
  })
})

/** A logged-in client; `close` revokes a token the tool obtained itself. */
export class VaultSession {
  private constructor(
    readonly http: VaultHttp,
    private readonly keeper: TokenKeeper,
    private readonly obtainedToken: boolean
  ) {}

  /** Set when the token stopped working mid-run and could not be replaced. */
  get tokenLost(): TokenExpiredError | undefined {
    return this.keeper.lost
  }

  static async open(connection: VaultConnection): Promise<VaultSession> {
    const transport = createNodeVaultTransport({
      address: connection.address,
      namespace: connection.namespace,
      caCert: connection.caCert,
      skipVerify: connection.skipVerify,
      timeoutMs: connection.timeoutMs,
      maxSockets: connection.concurrency,
      token:
        connection.auth.method === 'token' ? connection.auth.token : undefined
    })
    const http = new VaultHttp(transport, connection.retry)
    const { auth } = connection
    const base = {
      renew: () => renewSelf(http),
      now: connection.clock ?? Date.now,
      counts: http.stats
    }
    if (auth.method === 'token') {
      const keeper = new TokenKeeper(base)
      const lease = await lookupSelf(http)
      if (lease) {
        // It worked just now: a later refusal means it expired mid-run.
        keeper.setLease(lease)
        keeper.ok(0)
      }
      http.guard = keeper
      return new VaultSession(http, keeper, false)
    }
    const logIn = async (again: boolean): Promise<Lease> => {
      const fresh = again ? await freshAuth(auth, connection) : auth
      const { token, lease } = await login(http, fresh, again)
      connection.onToken?.(token)
      return lease
    }
    const keeper = new TokenKeeper({ ...base, login: () => logIn(true) })
    keeper.setLease(await logIn(false))
    http.guard = keeper
    return new VaultSession(http, keeper, true)
  }

  /**
   * The mount's KV version from sys/internal/ui/mounts, as the vault CLI
   * finds it. A token that may not read it falls back to the manifest's
   * kv_version; without one, the error says which policy is missing.
   */
  async detectKvVersion(
    mount: string,
    declared?: KvVersion
  ): Promise<KvVersion> {
    const path = encodePath('sys', 'internal', 'ui', 'mounts', mount)
    const response = await this.http.send(
      { method: 'GET', path },
      [200, 403, 404]
    )
    if (response.status === 200) {
      const { data } = MountAnswer.parse(response.body)
      if (data.type !== 'kv' && data.type !== 'generic') {
        throw new VaultError(
          `mount "${mount}/" is a ${data.type} engine, not KV; set vault.mount to a KV mount`,
          400,
          path
        )
      }
      return String(data.options?.version ?? '1') === '2' ? 2 : 1
    }
    if (declared !== undefined) return declared
    throw new VaultError(
      `cannot tell the KV version of mount "${mount}/": no such mount, or this token has no access under it. ` +
        `Enable it with \`vault secrets enable -path=${mount} kv-v2\`, grant access under "${mount}/", or set vault.kv_version in the manifest`,
      response.status,
      path
    )
  }

  /**
   * sys/capabilities-self for many paths (§7.6), in batches: Vault refuses
   * a body of more than 1,000 strings ("high complexity"), so one request
   * for a 2,000-secret manifest would fail before the first write.
   */
  async capabilities(
    paths: readonly string[]
  ): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {}
    for (let i = 0; i < paths.length; i += CAPABILITY_BATCH) {
      const batch = paths.slice(i, i + CAPABILITY_BATCH)
      const response = await this.http.send({
        method: 'POST',
        path: 'sys/capabilities-self',
        body: { paths: batch }
      })
      const parsed = z
        .object({ data: z.record(z.string(), z.unknown()) })
        .parse(response.body)
      for (const path of batch) {
        const value = parsed.data[path]
        result[path] = Array.isArray(value) ? value.map(String) : ['deny']
      }
    }
    return result
  }

  async close(): Promise<void> {
    try {
      if (this.obtainedToken) {
        await this.http.send(
          { method: 'POST', path: 'auth/token/revoke-self' },
          [200, 204],
          false
        )
      }
    } catch {
      // The token expires on its own; a failed revoke must not fail the run.
    } finally {
      this.http.close()
    }
  }
}
