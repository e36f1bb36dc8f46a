/**
 * Vault's JSON complexity limit, as OpenBao 2.7.2 enforces it: a request
 * body may hold at most 1,000 strings, object keys and string values alike
 * (so sys/capabilities-self takes 999 paths, and one KV write 499 string
 * pairs). Depth and array length are bounded only by the body size. Past
 * it the answer is 400 "refused JSON input due to high complexity: exceeded
 * maximum number of strings", before the request reaches any handler.
 */
export const MAX_REQUEST_JSON_STRINGS = 1000

export const TOO_MANY_STRINGS =
  'refused JSON input due to high complexity: exceeded maximum number of strings'

/** True when `value` holds more than `limit` strings. Stops counting early. */
export function exceedsStringLimit(
  value: unknown,
  limit = MAX_REQUEST_JSON_STRINGS
): boolean {
  let count = 0
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v === 'string') count++
    else if (Array.isArray(v)) stack.push(...v)
    else if (v !== null && typeof v === 'object') {
      for (const inner of Object.values(v)) {
        count++ // its key
        stack.push(inner)
      }
    }
    if (count > limit) return true
  }
  return false
}
