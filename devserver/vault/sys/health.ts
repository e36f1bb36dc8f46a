/**
 * `sys/health`, `sys/seal-status`, `sys/seal`, `sys/unseal` (vault-api.md
 * §6.7). Health and seal-status are served even while sealed, like Vault's
 * dedicated handlers (`http/sys_health.go`, `http/sys_seal.go`).
 */
import { goEncode, struct } from '../http/json.js'
import { type Result, fail, nil, raw } from '../http/response.js'
import type { RequestContext, ServerState } from '../state.js'
import { VAULT_VERSION } from '../state.js'
import { parseGoBool } from '../util/go.js'

function codeParam(q: URLSearchParams, name: string, fallback: number): number {
  const v = Number(q.get(name))
  return q.has(name) && Number.isInteger(v) && v > 0 ? v : fallback
}

export function health(state: ServerState, query: URLSearchParams): Result {
  const sealed = state.seal.sealed
  const status = sealed
    ? codeParam(query, 'sealedcode', 503)
    : codeParam(query, 'activecode', 200)
  const body = struct({
    initialized: true,
    sealed,
    standby: false,
    performance_standby: false,
    replication_performance_mode: 'disabled',
    replication_dr_mode: 'disabled',
    server_time_utc: Math.floor(Date.now() / 1000),
    version: VAULT_VERSION,
    enterprise: false,
    cluster_name: sealed ? undefined : state.clusterName,
    cluster_id: sealed ? undefined : state.clusterId,
    echo_duration_ms: 0,
    clock_skew_ms: 0,
    replication_primary_canary_age_ms: 0
  })
  return raw(status, goEncode(body))
}

export function sealStatus(state: ServerState): Result {
  return raw(
    200,
    goEncode(
      struct({
        type: 'shamir',
        initialized: true,
        sealed: state.seal.sealed,
        t: 1,
        n: 1,
        progress: 0,
        nonce: '',
        version: VAULT_VERSION,
        build_date: '2025-10-01T00:00:00Z',
        migration: false,
        cluster_name: state.seal.sealed ? undefined : state.clusterName,
        cluster_id: state.seal.sealed ? undefined : state.clusterId,
        recovery_seal: false,
        storage_type: 'inmem'
      })
    )
  )
}

export function seal(ctx: RequestContext): Result {
  ctx.state.seal.sealed = true
  return nil
}

/** `vault server -dev` prints one unseal key; `{reset: true}` is a no-op. */
export function unseal(ctx: RequestContext): Result {
  const { key, reset } = ctx.req.data
  if (reset === true || (typeof reset === 'string' && parseGoBool(reset))) {
    return sealStatus(ctx.state)
  }
  if (typeof key !== 'string' || key === '') {
    return fail(
      400,
      "'key' must be specified in request body as JSON, or 'reset' set to true"
    )
  }
  if (key !== ctx.state.seal.unsealKey) return fail(400, 'invalid key')
  ctx.state.seal.sealed = false
  return sealStatus(ctx.state)
}
