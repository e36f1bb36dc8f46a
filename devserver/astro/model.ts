/**
 * What the test server stores: a Deployment as the spec's `Deployment`
 * schema describes it, except that secret environment variables keep their
 * value (Astro keeps them too; GET leaves them out, astro-api.md §2).
 * Deliberately independent of src/: the server is the oracle the client is
 * tested against, so it must not share the client's assumptions.
 */
import type { DeploymentType } from './spec.js'

export type { DeploymentType } from './spec.js'

export interface StoredEnvVar {
  key: string
  isSecret: boolean
  value?: string
  updatedAt: string
}

export interface StoredDeployment {
  id: string
  type: DeploymentType
  name: string
  organizationId: string
  workspaceId: string
  status: string
  environmentVariables: StoredEnvVar[]
  remoteExecution?: { enabled: boolean } & Record<string, unknown>
  [field: string]: unknown
}

/** A Deployment to load into the server (the same shape). */
export type DeploymentSeed = StoredDeployment

/** The spec's `Error` body. */
export interface ErrorBody {
  message: string
  requestId: string
  statusCode: number
  fieldErrors?: Array<{ field: string; code: string; message: string }>
}

/** What one accepted POST did; keys only, never values. */
export interface RecordedUpdate {
  deploymentId: string
  /** `v1` or `v1beta1`, by the path the POST came in on. */
  api: 'v1' | 'v1beta1'
  /** Writable non-env fields whose value differs from the stored one. */
  changed: string[]
  /** Writable non-env fields that were set and that the body left out. */
  dropped: string[]
  /** Body properties the spec does not define (Astro ignores them). */
  unknown: string[]
  env: EnvChanges
}

export interface EnvChanges {
  added: string[]
  /** Value or isSecret differs (a secret sent with a new value counts). */
  changed: string[]
  removed: string[]
  /** Secrets sent back without a value, so kept as they were. */
  kept: string[]
  /** Secrets overwritten with "" (the astro-cli #1593 bug). */
  secretsWiped: string[]
  /** Secrets sent back with isSecret false. */
  secretsMadePlain: string[]
}

export function clone<T>(value: T): T {
  return structuredClone(value)
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Order-insensitive for object keys, order-sensitive for arrays. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'undefined'
}

/** Astro ids are cuids such as `clm8t5u4q000008jq4qoc3036`. */
export function cuid(): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789'
  let id = 'cl'
  for (let i = 0; i < 23; i++) id += chars[Math.floor(Math.random() * 36)]
  return id
}

export function nowIso(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
}
