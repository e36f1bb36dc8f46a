/**
 * Go-flavoured value coercions that Vault's framework applies to request
 * fields (`mapstructure.WeakDecode`, `strconv.ParseBool`), so the dev server
 * accepts and rejects the same inputs.
 */

/** `strconv.ParseBool`. */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false
  return undefined
}

/** `mapstructure.WeakDecode` into an `int`. */
export function weakInt(raw: unknown): number | undefined {
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? Math.trunc(raw) : undefined
  if (typeof raw === 'boolean') return raw ? 1 : 0
  if (typeof raw === 'string') {
    if (raw === '') return 0
    return /^[+-]?\d+$/.test(raw.trim()) ? Number(raw.trim()) : undefined
  }
  if (raw === null || raw === undefined) return 0
  return undefined
}

/** `mapstructure.WeakDecode` into a `bool` (framework TypeBool). */
export function weakBool(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw
  if (typeof raw === 'number') return raw !== 0
  if (typeof raw === 'string') return raw === '' ? false : parseGoBool(raw)
  return undefined
}

/** `mapstructure.WeakDecode` into a `string`. */
export function weakString(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw
  if (typeof raw === 'number') return String(raw)
  if (typeof raw === 'boolean') return raw ? '1' : '0'
  if (raw === null || raw === undefined) return ''
  return undefined
}

/**
 * Framework TypeCommaStringSlice: a list, or a comma-separated string.
 * Vault trims each element and drops empty ones.
 */
export function stringList(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return []
  const parts = Array.isArray(raw)
    ? raw.map((v) => weakString(v))
    : typeof raw === 'string'
      ? raw.split(',')
      : [weakString(raw)]
  if (parts.some((p) => p === undefined)) return undefined
  return (parts as string[]).map((p) => p.trim()).filter((p) => p !== '')
}

/** Framework TypeCommaIntSlice: `[1, 2]`, `"1,2"` or a single number. */
export function intList(raw: unknown): number[] | undefined {
  if (raw === undefined || raw === null) return []
  const parts = Array.isArray(raw)
    ? raw
    : typeof raw === 'string'
      ? raw.split(',').filter((p) => p.trim() !== '')
      : [raw]
  const out: number[] = []
  for (const p of parts) {
    const n = weakInt(typeof p === 'string' ? p.trim() : p)
    if (n === undefined) return undefined
    out.push(n)
  }
  return out
}

/** Plain JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Go's `unicode.IsPrint` approximated with Unicode property escapes:
 * letters, marks, numbers, punctuation, symbols and the ASCII space.
 */
export function isPrintable(text: string): boolean {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]*$/u.test(text)
}

/** go-multierror's format, which Vault uses for wrapped errors. */
export function multiError(messages: readonly string[]): string {
  const n = messages.length
  const head = n === 1 ? '1 error occurred:' : `${n} errors occurred:`
  return `${head}\n${messages.map((m) => `\t* ${m}`).join('\n')}\n\n`
}
