/**
 * actionlint, built from the Go module proxy with the versions pinned in
 * tools/go/go.mod and go.sum (its PyPI wheel is source-only and would fetch
 * the binary from elsewhere at build time, which our machines cannot).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { withDirLock } from './dir-lock.js'
import { CACHE_ROOT, TOOLS_DIR } from './envs.js'

export function ensureActionlint(): string {
  const mod = join(TOOLS_DIR, 'go')
  const hash = createHash('sha256')
    .update(readFileSync(join(mod, 'go.mod')))
    .update(readFileSync(join(mod, 'go.sum')))
    .digest('hex')
    .slice(0, 12)
  const bin = join(CACHE_ROOT, 'bin', `actionlint-${hash}`)
  if (existsSync(bin)) return bin
  mkdirSync(join(CACHE_ROOT, 'bin'), { recursive: true })
  withDirLock(`${bin}.lock`, () => {
    if (existsSync(bin)) return
    process.stderr.write(`real-systems: building actionlint from ${mod}\n`)
    const r = spawnSync(
      'go',
      ['build', '-o', bin, 'github.com/rhysd/actionlint/cmd/actionlint'],
      {
        cwd: mod,
        encoding: 'utf8'
      }
    )
    if (r.error)
      throw new Error(
        `building actionlint needs Go 1.26 on PATH: ${r.error.message}`
      )
    if (r.status !== 0)
      throw new Error(
        `building actionlint from ${mod} failed (is the Go module proxy reachable?):\n${r.stderr}`
      )
  })
  return bin
}
