/**
 * Vault answers role reads with durations in seconds; the manifest may say
 * "1h30m". Comparing in seconds keeps a rerun from seeing a change that is
 * only a different spelling.
 */
const UNIT_SECONDS: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 }

export function durationSeconds(value: string | number): number {
  if (typeof value === 'number') return value
  if (/^\d+$/.test(value)) return Number(value)
  let total = 0
  for (const [, amount, unit] of value.matchAll(/(\d+)([dhms])/g)) {
    total += Number(amount) * (UNIT_SECONDS[unit as string] ?? 0)
  }
  return total
}

/** "3600" → "1h", for plans a person reads. */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0 (none)'
  const parts: string[] = []
  let rest = seconds
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`)
      rest %= size
    }
  }
  return parts.join('')
}
