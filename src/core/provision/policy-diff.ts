/**
 * A line diff of two policies, for the plan: policies are short, so the
 * quadratic LCS is fine and keeps the output exactly what a reviewer wants
 * (- removed, + added, unchanged lines left out).
 */
export function policyDiff(before: string, after: string): string[] {
  const a = lines(before)
  const b = lines(after)
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0)
  )
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as number[]
      row[j] =
        a[i] === b[j]
          ? (lcs[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0)
    }
  }
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++
      j++
    } else if (
      i < a.length &&
      (j >= b.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))
    ) {
      // Removals before additions, as diff(1) shows a changed block.
      out.push(`- ${a[i++]}`)
    } else {
      out.push(`+ ${b[j++]}`)
    }
  }
  return out
}

/** Vault stores the text as sent; trailing blanks are not a change. */
export function samePolicy(a: string, b: string): boolean {
  return lines(a).join('\n') === lines(b).join('\n')
}

function lines(text: string): string[] {
  const all = text.split('\n').map((l) => l.replace(/\s+$/, ''))
  while (all.length > 0 && all[all.length - 1] === '') all.pop()
  return all
}
