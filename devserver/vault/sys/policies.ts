/**
 * ACL policy administration (`sys/policies/acl/<name>` and the legacy,
 * injected `sys/policy/<name>`; vault-api.md §7.1). Names are lower-cased;
 * `root` cannot be written or deleted, `default` cannot be deleted.
 */
import { type Result, fail, logical, nil } from '../http/response.js'
import type { RequestContext } from '../state.js'
import { parsePolicy } from '../acl/hcl.js'

function policyText(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined
  // handlePoliciesSet: "if polBytes, err := base64.StdEncoding
  // .DecodeString(policy.Raw); err == nil { policy.Raw = string(polBytes) }"
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(raw) && raw.length % 4 === 0) {
    return Buffer.from(raw, 'base64').toString('utf8')
  }
  return raw
}

export function listPolicies(ctx: RequestContext, legacy: boolean): Result {
  const names = [...ctx.ns.policies.keys()].sort()
  names.push('root')
  return legacy
    ? logical({ keys: names, policies: names }, { injected: true })
    : logical({ keys: names })
}

export function readPolicy(
  ctx: RequestContext,
  rawName: string,
  legacy: boolean
): Result {
  const name = rawName.toLowerCase()
  const policy = ctx.ns.policies.get(name)
  if (policy === undefined) {
    return name === 'root' ? logical({ name, policy: '' }) : fail(404)
  }
  return legacy
    ? logical({ name, rules: policy.text }, { injected: true })
    : logical({ name, policy: policy.text })
}

export function writePolicy(
  ctx: RequestContext,
  rawName: string,
  legacy: boolean
): Result {
  const name = rawName.toLowerCase()
  if (name === 'root') return fail(400, 'cannot update "root" policy')
  const rulesUsed = legacy && ctx.req.data.rules !== undefined
  const text = policyText(rulesUsed ? ctx.req.data.rules : ctx.req.data.policy)
  // vault-api.md §7.1 says "missing policy"; handlePoliciesSet's real text
  // (vault/logical_system.go) is the one below, and the server follows Vault.
  if (text === undefined)
    return fail(400, "'policy' parameter not supplied or empty")
  try {
    ctx.ns.setPolicy({ name, text, rules: parsePolicy(text) })
  } catch (e) {
    return fail(400, (e as Error).message)
  }
  return rulesUsed
    ? logical(null, {
        warnings: ["'rules' is deprecated, please use 'policy' instead"]
      })
    : nil
}

export function deletePolicy(ctx: RequestContext, rawName: string): Result {
  const name = rawName.toLowerCase()
  // OpenBao's two texts (policy_store.go): the root one quotes the name.
  if (name === 'root' || name === 'default') {
    return fail(
      400,
      name === 'root'
        ? 'cannot delete "root" policy'
        : 'cannot delete default policy'
    )
  }
  ctx.ns.deletePolicy(name)
  return nil
}
