/**
 * The CLI as a real process (tsx on src/cli/index.ts), for what an
 * in-process run cannot show: what libraries print from the process's own
 * environment (DEBUG), and how it answers a signal.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from '../helpers/cli.js'

export interface RealRun {
  child: ChildProcess
  /** Everything printed so far, both streams. */
  output(): string
  done: Promise<{ code: number | null; stdout: string; stderr: string }>
}

export function spawnCli(
  args: string[],
  options: { cwd: string; env: Record<string, string> }
): RealRun {
  const child = spawn(
    process.execPath,
    [
      // tsx by path: --import resolves a bare name from the cwd.
      '--import',
      pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
      path.join(ROOT, 'src/cli/index.ts'),
      ...args
    ],
    {
      cwd: options.cwd,
      // PATH and HOME only from here: a test's own variables stay out.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...options.env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<{
    code: number | null
    stdout: string
    stderr: string
  }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  )
  return { child, output: () => stdout + stderr, done }
}
