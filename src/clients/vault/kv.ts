import { z } from 'zod'
import type { VaultHttp } from './client.js'
import { encodePath, VaultError } from './transport.js'
import type { KvRead } from '../../core/sync/vault-state.js'

export type { KvRead }

export type KvVersion = 1 | 2

const VersionMetadata = z.object({
  version: z.number(),
  deletion_time: z.string().optional(),
  destroyed: z.boolean().optional(),
  custom_metadata: z.record(z.string(), z.string()).nullable().optional()
})
const V2Read = z.object({
  data: z.object({
    data: z.record(z.string(), z.unknown()).nullable(),
    metadata: VersionMetadata
  })
})
const V1Read = z.object({ data: z.record(z.string(), z.unknown()) })
const WriteAnswer = z.object({ data: z.object({ version: z.number() }) })
const ListAnswer = z.object({ data: z.object({ keys: z.array(z.string()) }) })
const MetadataAnswer = z.object({
  data: z.object({
    current_version: z.number(),
    custom_metadata: z.record(z.string(), z.string()).nullable().optional(),
    versions: z
      .record(
        z.string(),
        z.object({ deletion_time: z.string(), destroyed: z.boolean() })
      )
      .optional()
  })
})

/** KV v1 and v2 behind one set of verbs; paths are relative to the mount. */
export class KvClient {
  constructor(
    private readonly http: VaultHttp,
    readonly mount: string,
    readonly version: KvVersion
  ) {}

  private path(kind: 'data' | 'metadata', key: string): string {
    return this.version === 2
      ? encodePath(this.mount, kind, key)
      : encodePath(this.mount, key)
  }

  async read(key: string): Promise<KvRead> {
    const response = await this.http.send(
      { method: 'GET', path: this.path('data', key) },
      [200, 404]
    )
    if (this.version === 1) {
      if (response.status === 404) return { state: 'absent' }
      return { state: 'present', data: V1Read.parse(response.body).data }
    }
    // A soft-deleted or destroyed version is a 404 whose body still carries
    // the version metadata; a key never written is a 404 with no data.
    const parsed = V2Read.safeParse(response.body)
    if (!parsed.success) return { state: 'absent' }
    const { data, metadata } = parsed.data.data
    const customMetadata = metadata.custom_metadata ?? null
    if (response.status === 404 || data === null) {
      const state = metadata.destroyed ? 'destroyed' : 'deleted'
      return { state, version: metadata.version, customMetadata }
    }
    return { state: 'present', data, version: metadata.version, customMetadata }
  }

  /** Direct children, sorted (Vault lists in storage order); folders end in /. */
  async list(folder: string): Promise<string[]> {
    const base =
      this.version === 2
        ? encodePath(this.mount, 'metadata', folder)
        : encodePath(this.mount, folder)
    const response = await this.http.send(
      { method: 'GET', path: `${base}/?list=true` },
      [200, 404]
    )
    if (response.status === 404) return []
    return ListAnswer.parse(response.body).data.keys.sort()
  }

  /** KV v2: ownership marks and the current version, without the values. */
  async readMetadata(key: string): Promise<{
    version: number
    customMetadata: Record<string, string> | null
    /** False when the current version is soft-deleted or destroyed. */
    live: boolean
  } | null> {
    if (this.version === 1) return null
    const response = await this.http.send(
      { method: 'GET', path: this.path('metadata', key) },
      [200, 404]
    )
    if (response.status === 404) return null
    const { data } = MetadataAnswer.parse(response.body)
    return {
      version: data.current_version,
      customMetadata: data.custom_metadata ?? null,
      live: isLive(data.versions?.[String(data.current_version)])
    }
  }

  /** Writes a secret; on KV v2 with `cas`, a concurrent change fails. */
  async write(
    key: string,
    data: Record<string, unknown>,
    cas?: number
  ): Promise<number | undefined> {
    if (this.version === 1) {
      await this.http.send({
        method: 'POST',
        path: this.path('data', key),
        body: data
      })
      return undefined
    }
    const body = cas === undefined ? { data } : { data, options: { cas } }
    const response = await this.http.send({
      method: 'POST',
      path: this.path('data', key),
      body
    })
    return WriteAnswer.parse(response.body).data.version
  }

  async writeMetadata(
    key: string,
    customMetadata: Record<string, string>
  ): Promise<void> {
    if (this.version === 1) return
    await this.http.send({
      method: 'POST',
      path: this.path('metadata', key),
      body: { custom_metadata: customMetadata }
    })
  }

  /** Soft delete keeps the versions (undelete restores them); destroy does not. */
  async remove(key: string, mode: 'soft' | 'destroy'): Promise<void> {
    const kind = this.version === 2 && mode === 'destroy' ? 'metadata' : 'data'
    await this.http.send({ method: 'DELETE', path: this.path(kind, key) })
  }
}

export function isCasConflict(error: unknown): boolean {
  return (
    error instanceof VaultError &&
    error.status === 400 &&
    error.errors.some((e) =>
      e.includes('check-and-set parameter did not match')
    )
  )
}

/** A version Airflow can still read: not destroyed, not soft-deleted yet. */
function isLive(
  version: { deletion_time: string; destroyed: boolean } | undefined
): boolean {
  if (!version) return true
  if (version.destroyed) return false
  return (
    version.deletion_time === '' ||
    Date.parse(version.deletion_time) > Date.now()
  )
}
