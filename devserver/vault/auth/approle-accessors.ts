/**
 * Secret-ids by accessor (`path_role.go` secret-id-accessor/lookup and
 * /destroy): how an operator, or provision, finds and revokes a secret-id
 * without ever knowing its value.
 */
import { type Result, fail, logical, nil } from '../http/response.js'
import { stringField } from '../http/fields.js'
import type { RequestContext } from '../state.js'
import { multiError } from '../util/go.js'
import type { AppRoleState, SecretId } from './approle-roles.js'

const ZERO_TIME = '0001-01-01T00:00:00Z'

/**
 * OpenBao returns a missing role or accessor as a plain error (500, in a
 * multi-error), except that lookup answers a missing accessor with a 404
 * whose data says so; a missing field is an error response (400).
 */
function find(
  state: AppRoleState,
  ctx: RequestContext,
  name: string,
  op: 'lookup' | 'destroy'
): [string, SecretId] | Result {
  if (!state.roles.has(name))
    return fail(500, multiError([`role "${name}" does not exist`]))
  const accessor = stringField(ctx.req.data, 'secret_id_accessor').trim()
  if (accessor === '') return fail(400, 'missing secret_id_accessor')
  for (const [secretId, entry] of state.secrets.get(name) ?? []) {
    if (entry.accessor !== accessor) continue
    if (entry.expiresAt !== 0 && Date.now() >= entry.expiresAt) break
    return [secretId, entry]
  }
  const text = `failed to find accessor entry for secret_id_accessor: "${accessor}"`
  return op === 'lookup'
    ? logical({ error: text }, { status: 404 })
    : fail(500, multiError([text]))
}

export function lookupAccessor(
  state: AppRoleState,
  ctx: RequestContext,
  name: string
): Result {
  const found = find(state, ctx, name, 'lookup')
  if (!Array.isArray(found)) return found
  const [, entry] = found
  return logical({
    cidr_list: [],
    expiration_time:
      entry.expiresAt === 0
        ? ZERO_TIME
        : new Date(entry.expiresAt).toISOString(),
    metadata: entry.metadata,
    secret_id_accessor: entry.accessor,
    secret_id_num_uses: entry.numUses,
    token_bound_cidrs: []
  })
}

export function destroyAccessor(
  state: AppRoleState,
  ctx: RequestContext,
  name: string
): Result {
  const found = find(state, ctx, name, 'destroy')
  if (!Array.isArray(found)) return found
  state.secrets.get(name)?.delete(found[0])
  return nil
}
