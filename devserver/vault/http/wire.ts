/**
 * Turning a handler's result into bytes, with the status rules of
 * `RespondErrorCommon` and `respondLogical` (vault-api.md §2.2-2.3): nil on
 * read/list is 404, an empty list is 404, an empty response is 204, raw
 * plugin bodies (non-200) carry no framework warnings, and legacy sys routes inject `data` at the top level.
 */
import type { Operation, VaultRequest } from './request.js'
import {
  type Result,
  type WireResponse,
  envelope,
  wireErrors,
  wireJson,
  wireMarshal,
  wireNoContent
} from './response.js'
import { goEncode, goMarshal } from './json.js'
import type { MountEntry, Route } from '../state.js'

function ignoredFieldsWarning(route: Route, data: object): string | undefined {
  if (route.fields === undefined) return undefined
  const unknown = Object.keys(data)
    .filter((k) => !route.fields?.includes(k))
    .sort()
  if (unknown.length === 0) return undefined
  return `Endpoint ignored these unrecognized parameters: [${unknown.join(' ')}]`
}

/**
 * Legacy sys routes copy every `data` key to the top level
 * (`HTTPSysInjector.MarshalJSON`): `"k": v, ` pairs, then the envelope.
 */
function injectedBody(data: Record<string, unknown>, env: object): string {
  const keys = Object.keys(data).sort()
  if (keys.length === 0) return goEncode(env)
  const head = keys
    .map((k) => `${goMarshal(k)}: ${goMarshal(data[k])}, `)
    .join('')
  return `{${head}${goEncode(env).slice(1)}`
}

export function toWire(
  result: Result,
  ctx: { req: VaultRequest; op: Operation; route: Route; mount: MountEntry }
): WireResponse {
  switch (result.kind) {
    case 'error':
      return wireErrors(result.status, result.errors)
    case 'raw':
      return {
        status: result.status,
        body: result.body,
        headers: { 'Content-Type': 'application/json', ...result.headers }
      }
    case 'nil':
      // RespondErrorCommon: nil on read or list is a 404 with no message.
      return ctx.op === 'read' || ctx.op === 'list'
        ? wireErrors(404, [])
        : wireNoContent()
    case 'logical': {
      const warnings = [...(result.warnings ?? [])]
      const ignored = ignoredFieldsWarning(ctx.route, ctx.req.data)
      // Raw (non-200) bodies are built before the framework adds warnings.
      if (ignored !== undefined && result.status === undefined) {
        warnings.push(ignored)
      }
      const data = result.data ?? null
      if (ctx.op === 'list' && warnings.length === 0) {
        const keys = data?.keys
        if (!Array.isArray(keys) || keys.length === 0)
          return wireErrors(404, [])
      }
      if (data === null && warnings.length === 0 && !result.auth) {
        return result.status ? wireErrors(result.status, []) : wireNoContent()
      }
      const status = result.status ?? 200
      const env = envelope({
        requestId: ctx.req.id,
        data,
        warnings,
        auth: result.auth,
        leaseDuration: result.leaseDuration
      })
      if (status !== 200) return wireMarshal(status, env)
      if (result.injected && data !== null) {
        return {
          status,
          body: injectedBody(data, env),
          headers: { 'Content-Type': 'application/json' }
        }
      }
      return wireJson(status, env)
    }
  }
}
