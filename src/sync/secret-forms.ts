import type { DesiredSecret } from '../core/sync/desired.js'
import { makeRedactor } from '../core/redact.js'

/** Each conn_uri that embeds a secret: the Action masks it whole. */
export function urisWithSecrets(
  desired: readonly DesiredSecret[],
  secrets: readonly string[]
): string[] {
  return desired.flatMap((d) => {
    const uri = d.data.conn_uri
    if (typeof uri !== 'string') return []
    const decoded = safeDecode(uri)
    return secrets.some((s) => decoded.includes(s) || uri.includes(s))
      ? [uri]
      : []
  })
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Every text in a report redacted in place, whatever wrote it (a server's
 * error that quotes our request, a check's message), so each front end and
 * output format starts from a clean report. `secrets` itself is kept: the
 * front ends mask and redact with it.
 */
export function redactReport<T extends { secrets: string[] }>(
  report: T,
  secrets: readonly string[]
): T {
  const redact = makeRedactor(secrets)
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value)
    if (Array.isArray(value)) return value.map(walk)
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>
      for (const key of Object.keys(record)) record[key] = walk(record[key])
    }
    return value
  }
  const { secrets: kept, ...rest } = report
  walk(rest)
  return Object.assign(report, rest, { secrets: kept })
}
