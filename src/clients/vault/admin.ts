/**
 * The admin API provision uses (vault-api.md §5, §7): mounts, auth
 * methods, ACL policies, AppRole and JWT roles, secret-ids by accessor.
 * Reads turn "absent" into null; everything else is a VaultError.
 */
import { z } from 'zod'
import type { VaultHttp } from './client.js'
import { encodePath, VaultError } from './transport.js'
import type {
  AppRoleRead,
  JwtConfigRead,
  JwtRoleRead,
  ManagedSecretId,
  MountInfo
} from '../../core/provision/state.js'
import {
  AccessorAnswer,
  AppRoleAnswer,
  Data,
  JwtRoleAnswer,
  MountTable,
  SecretIdAnswer,
  ZERO_TIME
} from './admin-answers.js'
import { TOOL_NAME } from '../../version.js'

export class VaultAdmin {
  constructor(private readonly http: VaultHttp) {}

  async mounts(kind: 'mounts' | 'auth'): Promise<Record<string, MountInfo>> {
    const body = (await this.http.send({ method: 'GET', path: `sys/${kind}` }))
      .body as { data?: unknown }
    // sys/mounts answers in `data` and, for old clients, at the top level.
    const table = MountTable.parse(body.data ?? body)
    const out: Record<string, MountInfo> = {}
    for (const [path, info] of Object.entries(table))
      if (info && path.endsWith('/')) out[path] = info
    return out
  }

  async policy(name: string): Promise<string | null> {
    const body = await this.read(encodePath('sys/policies/acl', name))
    return body
      ? Data(z.object({ policy: z.string() })).parse(body).data.policy
      : null
  }

  async appRole(mount: string, role: string): Promise<AppRoleRead | null> {
    const body = await this.read(encodePath('auth', mount, 'role', role))
    return body ? AppRoleAnswer.parse(body).data : null
  }

  async roleId(mount: string, role: string): Promise<string> {
    const path = encodePath('auth', mount, 'role', role, 'role-id')
    const body = await this.read(path)
    if (body === null) {
      throw new VaultError(
        `there is no AppRole ${role} at auth/${mount}/; run \`airflow-vault-sync provision\` first`,
        404,
        path
      )
    }
    return Data(z.object({ role_id: z.string() })).parse(body).data.role_id
  }

  async jwtConfig(mount: string): Promise<JwtConfigRead | null> {
    const body = await this.read(encodePath('auth', mount, 'config'))
    if (!body) return null
    return Data(
      z.object({ oidc_discovery_url: z.string(), bound_issuer: z.string() })
    ).parse(body).data
  }

  async jwtRole(mount: string, role: string): Promise<JwtRoleRead | null> {
    const body = await this.read(encodePath('auth', mount, 'role', role))
    if (!body) return null
    const d = JwtRoleAnswer.parse(body).data
    return { ...d, bound_claims: d.bound_claims ?? {} }
  }

  /** This tool's secret-ids for a role, found by accessor; values never. */
  async managedSecretIds(
    mount: string,
    role: string
  ): Promise<ManagedSecretId[]> {
    const base = encodePath('auth', mount, 'role', role)
    const listed = await this.http.send(
      { method: 'GET', path: `${base}/secret-id?list=true` },
      [200, 404]
    )
    if (listed.status === 404) return []
    const keys =
      Data(z.object({ keys: z.array(z.string()).nullish() })).parse(listed.body)
        .data.keys ?? []
    const found: ManagedSecretId[] = []
    for (const accessor of keys) {
      const answer = await this.http.send(
        {
          method: 'POST',
          path: `${base}/secret-id-accessor/lookup`,
          body: { secret_id_accessor: accessor }
        },
        [200, 204, 400, 404]
      )
      if (answer.status !== 200) continue
      const { metadata, expiration_time: expires } = AccessorAnswer.parse(
        answer.body
      ).data
      if (metadata?.['managed-by'] !== TOOL_NAME) continue
      found.push({
        accessor,
        deploymentId: metadata.deployment ?? '',
        expiresAt:
          expires && !ZERO_TIME.test(expires) ? Date.parse(expires) : undefined
      })
    }
    return found
  }

  async issueSecretId(
    mount: string,
    role: string,
    metadata: Record<string, string>,
    limits: { ttl?: string; num_uses?: number } = {}
  ): Promise<{ secretId: string; accessor: string }> {
    const response = await this.http.send({
      method: 'POST',
      path: `${encodePath('auth', mount, 'role', role)}/secret-id`,
      body: { metadata: JSON.stringify(metadata), ...limits }
    })
    const d = SecretIdAnswer.parse(response.body).data
    return { secretId: d.secret_id, accessor: d.secret_id_accessor }
  }

  /** Idempotent: an accessor already gone (a retried destroy) is done. */
  async destroySecretId(
    mount: string,
    role: string,
    accessor: string
  ): Promise<void> {
    // An accessor already gone: Vault says 400, OpenBao 500, both with
    // "failed to find accessor entry". Not retried: the answer is final.
    const response = await this.http.send(
      {
        method: 'POST',
        path: `${encodePath('auth', mount, 'role', role)}/secret-id-accessor/destroy`,
        body: { secret_id_accessor: accessor }
      },
      [200, 204, 400, 500]
    )
    const errors = (response.body as { errors?: unknown } | null)?.errors
    if (response.status >= 400 && !String(errors).includes('failed to find'))
      throw new VaultError(
        `cannot destroy secret-id ${accessor} of role ${role}: ${String(errors)}`,
        response.status,
        `auth/${mount}/role/${role}/secret-id-accessor/destroy`
      )
  }

  /** POST a plan step's body to its path. */
  async write(path: string, body: Record<string, unknown>): Promise<void> {
    await this.http.send({ method: 'POST', path: encodePath(path), body })
  }

  /** DELETE a plan step's path (a role provision retires). */
  async remove(path: string): Promise<void> {
    await this.http.send({ method: 'DELETE', path: encodePath(path) })
  }

  private async read(path: string): Promise<unknown> {
    const response = await this.http.send({ method: 'GET', path }, [200, 404])
    return response.status === 200 ? response.body : null
  }
}
