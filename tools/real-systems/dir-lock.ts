/**
 * A cross-process lock made of a directory: mkdir is atomic, so two test
 * runs (or a developer's and CI's) never build one environment at once. A
 * lock older than STALE_MS is taken to be left by a killed run.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs'

const STALE_MS = 20 * 60 * 1000
const WAIT_MS = 30 * 60 * 1000

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

export function withDirLock(path: string, body: () => void): void {
  const started = Date.now()
  for (;;) {
    try {
      mkdirSync(path)
      break
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const age = Date.now() - statSafe(path)
      if (age > STALE_MS) rmSync(path, { recursive: true, force: true })
      else if (Date.now() - started > WAIT_MS)
        throw new Error(
          `${path} has been held for ${Math.round(age / 1000)} s; remove it if no run is building`,
          { cause: e }
        )
      else sleep(500)
    }
  }
  try {
    body()
  } finally {
    rmSync(path, { recursive: true, force: true })
  }
}

function statSafe(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return Date.now()
  }
}
