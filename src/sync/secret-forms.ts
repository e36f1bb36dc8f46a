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
 * Every string in a JSON-like value redacted in place, keys and other
 * values kept: redacting serialised JSON as text would turn `"ok": true`
 * into `"ok": ***` when a secret is the word true.
 */
export function redactStrings<T>(
  value: T,
  redact: (text: string) => string
): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v)
    if (Array.isArray(v)) return v.map(walk)
    if (v !== null && typeof v === 'object') {
      const record = v as Record<string, unknown>
      for (const key of Object.keys(record)) record[key] = walk(record[key])
    }
    return v
  }
  return walk(value) as T
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
  const { secrets: kept, ...rest } = report
  redactStrings(rest, makeRedactor(secrets))
  return Object.assign(report, rest, { secrets: kept })
}
