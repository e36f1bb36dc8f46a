/**
 * npm run real:setup: build (or find cached) every environment the
 * real-systems tier needs, and say where each is. Fails naming what could
 * not be installed; it never skips one.
 */
import {
  airflowLines,
  ensureAirflowEnv,
  ensureToolsEnv,
  relockAirflow
} from './envs.js'
import { ensureActionlint } from './go-tools.js'

export function setupRealSystems(): void {
  const started = Date.now()
  const tools = ensureToolsEnv()
  process.stderr.write(`real-systems: tools ready in ${tools.dir}\n`)
  for (const line of airflowLines()) {
    const env = ensureAirflowEnv(line)
    process.stderr.write(`real-systems: Airflow ${line} ready in ${env.dir}\n`)
  }
  process.stderr.write(
    `real-systems: actionlint ready at ${ensureActionlint()}\n`
  )
  process.stderr.write(
    `real-systems: all environments ready in ${Date.now() - started} ms\n`
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (process.argv.includes('--lock')) relockAirflow()
    setupRealSystems()
  } catch (e) {
    process.stderr.write(`real-systems: ${(e as Error).message}\n`)
    process.exit(1)
  }
}
