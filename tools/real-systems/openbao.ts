/**
 * OpenBao's own `bao server -dev`, the real Vault-API server of our tests.
 * It listens on a free loopback port with a random root token, in a HOME
 * of its own (dev mode writes ~/.vault-token), and is ready once
 * `sys/health` answers 200.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent } from 'node:https'
import { request } from 'node:https'
import { envBin, ensureToolsEnv } from './envs.js'

export interface OpenBao {
  url: string
  token: string
  /** PEM of the dev CA, with `tls: true`. */
  caCert?: string
  /** The server's own log so far, last lines first to go. */
  logTail(): string
  stop(): Promise<void>
}

/** How much of OpenBao's log is kept for a failure's account. */
const LOG_CHARS = 20_000

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => resolve(port))
    })
  })
}

export async function startOpenBao(
  options: { tls?: boolean } = {}
): Promise<OpenBao> {
  const bao = envBin(ensureToolsEnv(), 'bao')
  const home = mkdtempSync(join(tmpdir(), 'openbao-'))
  const token = `root-${randomBytes(8).toString('hex')}`
  const port = await freePort()
  const args = [
    'server',
    '-dev',
    `-dev-root-token-id=${token}`,
    `-dev-listen-address=127.0.0.1:${port}`
  ]
  if (options.tls) args.push('-dev-tls', `-dev-tls-cert-dir=${home}`)
  // The log goes to a file, not a pipe: test-real.ts waits for Jest with
  // spawnSync, so nothing drains a pipe, and once its 64 KiB filled OpenBao
  // blocked mid-request, holding the mount table lock (every later mount,
  // unmount and sys/mounts read of the run hung).
  const logFile = join(home, 'bao.log')
  const logFd = openSync(logFile, 'a')
  const child = spawn(bao, args, {
    env: { ...process.env, HOME: home },
    stdio: ['ignore', logFd, logFd]
  })
  closeSync(logFd)
  const log = (): string => {
    try {
      return readFileSync(logFile, 'utf8').slice(-LOG_CHARS)
    } catch {
      return ''
    }
  }
  const url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  const stop = async (): Promise<void> => {
    await kill(child)
    rmSync(home, { recursive: true, force: true })
  }
  try {
    const caCert = options.tls
      ? await waitForFile(join(home, 'vault-ca.pem'), child)
      : undefined
    await waitHealthy(url, child, caCert)
    return { url, token, caCert, stop, logTail: log }
  } catch (e) {
    const said = log()
    await stop()
    throw new Error(
      `OpenBao (${bao}) did not start: ${(e as Error).message}\n${said}`,
      { cause: e }
    )
  }
}

async function waitForFile(path: string, child: ChildProcess): Promise<string> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null)
      throw new Error(`exited with ${child.exitCode}`)
    try {
      return readFileSync(path, 'utf8')
    } catch {
      await new Promise((r) => setTimeout(r, 50))
    }
  }
  throw new Error(`${path} never appeared`)
}

async function waitHealthy(
  url: string,
  child: ChildProcess,
  ca?: string
): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`exited with ${child.exitCode}`)
    if ((await healthStatus(url, ca)) === 200) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('sys/health did not answer 200 within 30 s')
}

async function healthStatus(url: string, ca?: string): Promise<number> {
  if (!ca)
    return fetch(`${url}/v1/sys/health`).then(
      (r) => r.status,
      () => 0
    )
  return new Promise((resolve) => {
    const req = request(
      `${url}/v1/sys/health`,
      { agent: new Agent({ ca }) },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      }
    )
    req.on('error', () => resolve(0))
    req.end()
  })
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}
