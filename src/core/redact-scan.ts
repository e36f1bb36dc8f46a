/**
 * Finds where any of many strings occurs in a text, in one pass. A run
 * with 2,000 secrets has some 20,000 forms to look for, most sharing a
 * prefix, so trying each at every position is far too slow; the forms are
 * sorted instead, and each position narrows the range of forms that still
 * match one character at a time, by binary search. No memory beyond the
 * sorted list.
 */

/** Char code at `k`, or -1 past the end (a prefix sorts before the rest). */
const at = (s: string, k: number): number =>
  k < s.length ? s.charCodeAt(k) : -1

/** First index in [lo, hi) whose code at `k` is at least `c` (or above). */
function bound(
  sorted: readonly string[],
  lo: number,
  hi: number,
  k: number,
  c: number,
  above: boolean
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const code = at(sorted[mid] as string, k)
    if (code < c || (above && code === c)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Length of the longest form starting at `i`, or 0. */
function longestAt(sorted: readonly string[], text: string, i: number): number {
  let lo = 0
  let hi = sorted.length
  let best = 0
  for (let k = 0; i + k < text.length; k++) {
    const c = text.charCodeAt(i + k)
    lo = bound(sorted, lo, hi, k, c, false)
    hi = bound(sorted, lo, hi, k, c, true)
    if (lo >= hi) break
    // Forms equal so far: the one that ends here sorts first.
    if ((sorted[lo] as string).length === k + 1) best = k + 1
  }
  return best
}

/**
 * Every stretch of `text` covered by a form, overlapping hits merged, as
 * [start, end) pairs in order. `minLength` is the shortest form, so a
 * position whose first characters start no form is skipped at once.
 */
export function coveredRanges(
  forms: readonly string[],
  minLength: number
): (text: string) => Array<[number, number]> {
  const sorted = [...new Set(forms)].sort()
  const starts = new Set(sorted.map((f) => f.slice(0, minLength)))
  return (text) => {
    const ranges: Array<[number, number]> = []
    for (let i = 0; i + minLength <= text.length; i++) {
      if (!starts.has(text.slice(i, i + minLength))) continue
      const length = longestAt(sorted, text, i)
      if (length === 0) continue
      const last = ranges[ranges.length - 1]
      if (last && i <= last[1]) last[1] = Math.max(last[1], i + length)
      else ranges.push([i, i + length])
    }
    return ranges
  }
}
