/**
 * `npm run vault:dev`: the dev server as a process, printing what
 * `vault server -dev` prints. Stops cleanly on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs'
import { startVaultDevServer } from './index.js'
import { USAGE, banner, parseArgs, type TlsPaths } from './cli.js'

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2), process.env)
  if (parsed.kind === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${USAGE}`)
    return 2
  }
  let server
  try {
    if (parsed.tlsFiles) parsed.options.tls = readTls(parsed.tlsFiles)
    server = await startVaultDevServer(parsed.options)
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    const where = `${parsed.options.host}:${parsed.options.port}`
    process.stderr.write(
      err.code === 'EADDRINUSE'
        ? `Error: ${where} is already in use (try --port 0 or --port <n>)\n`
        : `Error starting the dev server: ${err.message}\n`
    )
    return 1
  }
  process.stdout.write(banner(server, parsed.options))
  const running = server
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.stdout.write(`==> Vault shutdown triggered (${signal})\n`)
      void running.close().then(resolve)
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  return 0
}

function readTls(paths: TlsPaths): { cert: string; key: string } {
  return {
    cert: readFileSync(paths.cert, 'utf8'),
    key: readFileSync(paths.key, 'utf8')
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`)
    process.exitCode = 1
  }
)
