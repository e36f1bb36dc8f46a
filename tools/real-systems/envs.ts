/**
 * Cached virtual environments for the real-systems test tier: one for our
 * tools (uv, OpenBao's `bao`, shellcheck, ruff) and one per Airflow line,
 * each built from a pinned requirements file.
 *
 * They live outside the work tree (default ~/.cache/airflow-vault-sync,
 * AVS_REAL_CACHE to move it) so that a fresh clone on the same machine, as
 * CI's is, reuses them. Each environment's folder name carries a hash of
 * its requirements, the Python version and this file's layout version, so a
 * changed pin builds a new one and never patches an old one in place. A
 * `.complete` stamp is written last: a folder without it is half-built and
 * is removed and rebuilt.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { withDirLock } from './dir-lock.js'

const LAYOUT = 1
export const TOOLS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..')
export const CACHE_ROOT =
  process.env.AVS_REAL_CACHE ?? join(homedir(), '.cache', 'airflow-vault-sync')

export interface PythonEnv {
  name: string
  dir: string
  python: string
}

/** `bin/NAME` inside an environment. */
export function envBin(env: PythonEnv, name: string): string {
  return join(env.dir, 'bin', name)
}

/** The Airflow lines we test against, oldest first: one lock file each. */
export function airflowLines(): string[] {
  return readdirSync(join(TOOLS_DIR, 'airflow', 'requirements'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -'.txt'.length))
    .sort((a, b) => compareLines(a, b))
}

function compareLines(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number)
  const [bm = 0, bn = 0] = b.split('.').map(Number)
  return am - bm || an - bn
}

let base: { path: string; version: string } | undefined

/**
 * The interpreter environments are made from (python3 on PATH, resolved),
 * asked once per process: through pyenv's shim each ask costs ~150 ms, and
 * every ensure*Env call (each oracle start among them) needs it.
 */
function basePython(): { path: string; version: string } {
  if (base) return base
  const r = run('python3', [
    '-c',
    'import sys; print(sys.executable); print(sys.version.split()[0])'
  ])
  const [path = '', version = ''] = r.trim().split('\n')
  base = { path, version }
  return base
}

function run(
  cmd: string,
  args: string[],
  what?: string,
  extraEnv: NodeJS.ProcessEnv = {}
): string {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, ...extraEnv },
    maxBuffer: 64 * 1024 * 1024
  })
  if (r.error)
    throw new Error(`${what ?? cmd}: cannot run ${cmd}: ${r.error.message}`)
  if (r.status !== 0) {
    const tail = `${r.stderr}\n${r.stdout}`
      .trim()
      .split('\n')
      .slice(-15)
      .join('\n')
    throw new Error(`${what ?? cmd} failed (exit ${r.status}):\n${tail}`)
  }
  return r.stdout
}

function ensureEnv(
  name: string,
  requirements: string,
  install: (env: PythonEnv) => void
): PythonEnv {
  const base = basePython()
  const hash = createHash('sha256')
    .update(`${LAYOUT}\n${base.version}\n${readFileSync(requirements, 'utf8')}`)
    .digest('hex')
    .slice(0, 12)
  const dir = join(CACHE_ROOT, 'envs', `${name}-${hash}`)
  const env: PythonEnv = { name, dir, python: join(dir, 'bin', 'python') }
  const stamp = join(dir, '.complete')
  if (existsSync(stamp)) return env
  mkdirSync(dirname(dir), { recursive: true })
  withDirLock(`${dir}.lock`, () => {
    if (existsSync(stamp)) return
    rmSync(dir, { recursive: true, force: true })
    process.stderr.write(
      `real-systems: creating ${name} from ${requirements} into ${dir}\n`
    )
    run(base.path, ['-m', 'venv', dir], `creating the ${name} environment`)
    install(env)
    writeFileSync(stamp, `${new Date().toISOString()}\n`)
  })
  return env
}

/** uv, bao, shellcheck and ruff, installed by pip from tools/requirements/tools.txt. */
export function ensureToolsEnv(): PythonEnv {
  const requirements = join(TOOLS_DIR, 'requirements', 'tools.txt')
  return ensureEnv('tools', requirements, (env) => {
    run(
      env.python,
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--disable-pip-version-check',
        '-r',
        requirements
      ],
      `installing ${requirements} (is PyPI reachable?)`
    )
  })
}

/** One Airflow line's environment, installed by uv from its full lock. */
export function ensureAirflowEnv(line: string): PythonEnv {
  const tools = ensureToolsEnv()
  const lock = join(TOOLS_DIR, 'airflow', 'requirements', `${line}.txt`)
  if (!existsSync(lock)) throw new Error(`no lock for Airflow ${line}: ${lock}`)
  return ensureEnv(`airflow-${line}`, lock, (env) => {
    run(
      envBin(tools, 'uv'),
      ['pip', 'install', '--quiet', '--python', env.python, '-r', lock],
      `installing Airflow ${line} from ${lock} (is PyPI reachable?)`,
      { UV_CACHE_DIR: join(CACHE_ROOT, 'uv-cache') }
    )
  })
}

/** Re-resolve every line's full lock from its .in file (npm run real:lock). */
export function relockAirflow(): void {
  const tools = ensureToolsEnv()
  for (const line of airflowLines()) {
    const dir = join(TOOLS_DIR, 'airflow', 'requirements')
    run(
      envBin(tools, 'uv'),
      [
        'pip',
        'compile',
        '--quiet',
        '--python-version',
        '3.11',
        '--no-header',
        '--output-file',
        join(dir, `${line}.txt`),
        join(dir, `${line}.in`)
      ],
      `locking Airflow ${line}`,
      { UV_CACHE_DIR: join(CACHE_ROOT, 'uv-cache') }
    )
  }
}
