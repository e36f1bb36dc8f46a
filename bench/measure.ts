export interface BenchCase {
  name: string
  runs: number
  medianMs: number
  minMs: number
  /** Peak resident set size of the process after the case, in MiB. */
  peakRssMiB: number
  baselineMs?: number
  notes?: string
}

/** Times `fn` `runs` times after one warm-up, reporting the median. */
export async function measure(
  name: string,
  runs: number,
  fn: () => unknown
): Promise<BenchCase> {
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    await fn()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  return {
    name,
    runs,
    medianMs: times[Math.floor(times.length / 2)] ?? 0,
    minMs: times[0] ?? 0,
    peakRssMiB: process.resourceUsage().maxRSS / 1024
  }
}

export function renderTable(cases: readonly BenchCase[]): string {
  const rows = cases.map((c) => {
    const ratio = c.baselineMs
      ? `${(c.medianMs / c.baselineMs).toFixed(2)}x`
      : ''
    return `| ${c.name} | ${c.medianMs.toFixed(1)} | ${c.minMs.toFixed(1)} | ${ratio} | ${c.peakRssMiB.toFixed(0)} | ${c.notes ?? ''} |`
  })
  return [
    '| case | median ms | min ms | vs baseline | peak RSS MiB | notes |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows
  ].join('\n')
}
