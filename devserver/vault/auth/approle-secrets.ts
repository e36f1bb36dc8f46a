/**
 * AppRole secret-ids (`path_role.go` secret-id endpoints; vault-api.md
 * §7.7): generated (UUID) or custom, with a TTL and a use count, listed by
 * accessor.
 */
import { type Result, fail, logical, nil } from '../http/response.js'
import {
  durationField,
  intField,
  isError,
  stringField
} from '../http/fields.js'
import type { RequestContext } from '../state.js'
import { uuid } from '../util/ids.js'
import type { AppRoleState, SecretId } from './approle-roles.js'

export function issueSecretId(
  state: AppRoleState,

  ctx: RequestContext,
  name: string,
  custom: boolean
): Result {
  const role = state.roles.get(name)
  if (role === undefined) return fail(400, `role "${name}" does not exist`)
  const d = ctx.req.data
  const ttl = durationField(d, 'ttl')
  const numUses = intField(d, 'num_uses')
  if (isError(ttl)) return ttl
  if (isError(numUses)) return numUses
  let metadata: Record<string, string> = {}
  if (typeof d.metadata === 'string' && d.metadata !== '') {
    try {
      metadata = JSON.parse(d.metadata) as Record<string, string>
    } catch {
      return fail(400, 'failed to parse metadata: invalid character')
    }
  }
  const secretId = custom ? stringField(d, 'secret_id') : uuid()
  if (secretId === '') return fail(400, 'missing secret_id')
  const effectiveTtl = ttl || role.secretIdTtl
  const uses = numUses ?? role.secretIdNumUses
  const entry: SecretId = {
    accessor: uuid(),
    expiresAt: effectiveTtl > 0 ? Date.now() + effectiveTtl * 1000 : 0,
    numUses: uses,
    metadata
  }
  let forRole = state.secrets.get(name)
  if (forRole === undefined) state.secrets.set(name, (forRole = new Map()))
  forRole.set(secretId, entry)
  return logical({
    secret_id: secretId,
    secret_id_accessor: entry.accessor,
    secret_id_num_uses: uses,
    secret_id_ttl: effectiveTtl
  })
}

export function listSecretIds(state: AppRoleState, name: string): Result {
  const accessors = [...(state.secrets.get(name)?.values() ?? [])].map(
    (s) => s.accessor
  )
  return logical({ keys: accessors.sort() })
}

export function destroySecretId(
  state: AppRoleState,
  ctx: RequestContext,
  name: string
): Result {
  state.secrets.get(name)?.delete(stringField(ctx.req.data, 'secret_id'))
  return nil
}
