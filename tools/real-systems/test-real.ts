/**
 * npm run test:real: the tier that asks real systems. It builds the cached
 * environments, starts OpenBao, and runs Jest on the real-Airflow tests and
 * on the conformance, sync and provision suites with VAULT_ADDR and
 * VAULT_TOKEN pointing at OpenBao (the switch those suites already have).
 * Extra arguments go to Jest, e.g. a test path.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { printTally } from './tally-report.js'
import { startOpenBao } from './openbao.js'
import { setupRealSystems } from './setup.js'

async function main(): Promise<number> {
  setupRealSystems()
  const bao = await startOpenBao()
  const tallyDir = mkdtempSync(join(tmpdir(), 'real-tally-'))
  // The version the running server reports, not the one we meant to pin.
  const health = (await (await fetch(`${bao.url}/v1/sys/health`)).json()) as {
    version?: string
  }
  const version = `OpenBao ${health.version ?? '(no version in sys/health)'}`
  process.stderr.write(`real-systems: ${version} at ${bao.url}\n`)
  try {
    const jest = spawnSync(
      process.execPath,
      [
        '--experimental-vm-modules',
        '--no-warnings',
        'node_modules/jest/bin/jest.js',
        '--config',
        'jest.real.config.js',
        ...process.argv.slice(2)
      ],
      {
        stdio: 'inherit',
        env: {
          ...process.env,
          VAULT_ADDR: bao.url,
          VAULT_TOKEN: bao.token,
          AVS_REAL_VAULT: 'openbao',
          AVS_REAL_VAULT_VERSION: version,
          AVS_REAL_TALLY_DIR: tallyDir
        }
      }
    )
    printTally(tallyDir)
    // A failure against OpenBao is easier to read with what the server said.
    if (jest.status !== 0) {
      const alive = await fetch(`${bao.url}/v1/sys/health`, {
        signal: AbortSignal.timeout(2000)
      }).then(
        (r) => `answered sys/health with ${r.status}`,
        (e: unknown) =>
          `did not answer sys/health within 2 s (${(e as Error).name})`
      )
      process.stderr.write(
        `\nreal-systems: after the failures OpenBao ${alive}\n`
      )
      process.stderr.write(
        `\nreal-systems: the end of OpenBao's log:\n${bao.logTail().slice(-6000)}\n`
      )
    }
    return jest.status ?? 1
  } finally {
    await bao.stop()
    rmSync(tallyDir, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`real-systems: ${(e as Error).message}\n`)
    process.exit(1)
  }
)
