/**
 * Vault's clocks and durations, reproduced in TypeScript.
 *
 * Vault stamps KV metadata with RFC 3339 nanosecond times, trailing zeros
 * trimmed (Go's `time.RFC3339Nano`), so the dev server keeps time in
 * nanoseconds: the wall clock at start plus a monotonic hrtime offset. That
 * also keeps times strictly increasing within one run, as Vault's do.
 */
const wallAtStart = BigInt(Date.now()) * 1_000_000n
const hrAtStart = process.hrtime.bigint()

/** Nanoseconds since the Unix epoch. */
export function nowNs(): bigint {
  return wallAtStart + (process.hrtime.bigint() - hrAtStart)
}

/** Seconds since the Unix epoch, as Vault's `creation_time` fields use. */
export function nowSeconds(): number {
  return Number(nowNs() / 1_000_000_000n)
}

/**
 * Go's `time.Time.Format(time.RFC3339Nano)` in UTC; `0n` is "unset" and
 * formats as `""`, which is what the KV plugin's `ptypesTimestampToString`
 * returns for a nil timestamp.
 */
export function rfc3339(ns: bigint): string {
  if (ns === 0n) return ''
  const ms = Number(ns / 1_000_000n)
  const iso = new Date(ms).toISOString() // 2026-01-02T03:04:05.678Z
  const base = iso.slice(0, 19)
  const frac = (ns % 1_000_000_000n).toString().padStart(9, '0')
  const trimmed = frac.replace(/0+$/, '')
  return trimmed === '' ? `${base}Z` : `${base}.${trimmed}Z`
}

/** Go's `time.Duration.String()` for a whole number of seconds. */
export function goDuration(seconds: number): string {
  if (seconds === 0) return '0s'
  const sign = seconds < 0 ? '-' : ''
  let s = Math.abs(Math.trunc(seconds))
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  if (h > 0) return `${sign}${h}h${m}m${s}s`
  if (m > 0) return `${sign}${m}m${s}s`
  return `${sign}${s}s`
}

const unitSeconds: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400
}

/**
 * Vault's `parseutil.ParseDurationSecond`: a number is seconds, a string is
 * either digits (seconds) or a Go duration (`"1h30m"`; Vault also accepts
 * `d`). Returns `undefined` when it cannot be parsed.
 */
export function parseDurationSecond(raw: unknown): number | undefined {
  if (raw === undefined || raw === null || raw === '') return 0
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined
  if (typeof raw !== 'string') return undefined
  const text = raw.trim()
  if (/^-?\d+$/.test(text)) return Number(text)
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d)/gy
  const negative = text.startsWith('-')
  const body = negative || text.startsWith('+') ? text.slice(1) : text
  let total = 0
  let consumed = 0
  re.lastIndex = 0
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    total += Number(m[1]) * (unitSeconds[m[2] ?? 's'] ?? 1)
    consumed = re.lastIndex
  }
  if (consumed !== body.length || body.length === 0) return undefined
  return Math.trunc(negative ? -total : total)
}
