import type { DesiredSecret } from '../core/sync/desired.js'

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
