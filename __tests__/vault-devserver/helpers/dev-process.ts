/**
 * `npm run vault:dev` as a user starts it: its own process, on a free port,
 * ready once it has printed the banner. For tests that drive it with other
 * programs (the bao CLI, hvac), which should meet what a user meets.
 */
import { type ChildProcess, spawn } from 'node:child_process'

export interface DevProcess {
  url: string
  token: string
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>
}

/** Extra arguments as on the command line, e.g. `--mount airflow:2`. */
export async function startDevProcess(
  args: string[] = []
): Promise<DevProcess> {
  const token = 'dev-process-root'
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'devserver/vault/main.ts',
      '--port',
      '0',
      '--root-token',
      token,
      ...args
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const url = await banner(child)
  return {
    url,
    token,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

function banner(child: ChildProcess): Promise<string> {
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`npm run vault:dev printed no banner: ${out}`))
    }, 30_000)
    const onData = (chunk: Buffer): void => {
      out += chunk.toString()
      const m = /Api Address: (http:\/\/\S+)/.exec(out)
      if (m?.[1] && out.includes('Root Token:')) {
        clearTimeout(timer)
        child.stdout?.off('data', onData)
        child.stdout?.resume()
        resolve(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm run vault:dev exited with ${code}: ${out}`))
    })
  })
}
