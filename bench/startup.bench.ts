import { spawnSync } from 'node:child_process'
import type { BenchCase } from './measure.js'

const RUNS = 9

function median(command: string[], env: NodeJS.ProcessEnv): number {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint()
    spawnSync(process.execPath, command, { env, stdio: 'ignore' })
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0
}

/**
 * `node dist/index.js` with no inputs must fail fast with a clear message
 * (no manifest): its wall time against starting bare Node.
 */
export function benchStartup(): BenchCase[] {
  const env = { PATH: process.env.PATH }
  const bare = median(['-e', ''], env)
  const action = median(['dist/index.js'], env)
  const rss = process.resourceUsage().maxRSS / 1024
  return [
    {
      name: 'baseline: node -e ""',
      runs: RUNS,
      medianMs: bare,
      minMs: bare,
      peakRssMiB: rss
    },
    {
      name: 'action start-up: node dist/index.js, no inputs',
      runs: RUNS,
      medianMs: action,
      minMs: action,
      peakRssMiB: rss,
      baselineMs: bare,
      notes: 'aim under 300 ms'
    }
  ]
}
