/**
 * `npm run vault:dev`: flags, the banner, and the process itself.
 */
import { spawn } from 'node:child_process'
import { parseArgs } from '../../devserver/vault/cli.js'
import { devOnly } from './helpers/target.js'

// The dev server's command line: skipped in the real tier.
const test = devOnly

test('defaults follow vault server -dev: 127.0.0.1:8200', () => {
  expect(parseArgs([], {})).toEqual({
    kind: 'run',
    options: { port: 8200, host: '127.0.0.1' }
  })
})

test('flags and vault-style flags', () => {
  const p = parseArgs(
    [
      '--port',
      '0',
      '-dev-root-token-id=root',
      '--mount',
      'airflow:2',
      '--mount',
      'legacy:1',
      '--namespaces'
    ],
    {}
  )
  expect(p).toEqual({
    kind: 'run',
    options: {
      port: 0,
      host: '127.0.0.1',
      rootToken: 'root',
      namespaces: true,
      mounts: [
        { path: 'airflow', version: 2 },
        { path: 'legacy', version: 1 }
      ]
    }
  })
})

test('environment variables vault understands, plus ours', () => {
  const p = parseArgs([], {
    VAULT_DEV_LISTEN_ADDRESS: '0.0.0.0:8300',
    VAULT_DEV_ROOT_TOKEN_ID: 'dev-root',
    VAULT_DEV_MOUNTS: 'secret:2,airflow:1',
    VAULT_DEV_NAMESPACES: '1'
  })
  expect(p).toMatchObject({
    kind: 'run',
    options: {
      host: '0.0.0.0',
      port: 8300,
      rootToken: 'dev-root',
      namespaces: true,
      mounts: [
        { path: 'secret', version: 2 },
        { path: 'airflow', version: 1 }
      ]
    }
  })
})

test('bad input is an error, --help is help', () => {
  expect(parseArgs(['--port', 'x'], {}).kind).toBe('error')
  expect(parseArgs(['--bogus'], {}).kind).toBe('error')
  expect(parseArgs(['-h'], {}).kind).toBe('help')
})

test('the process prints the address and root token, serves, and stops on SIGTERM', async () => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'devserver/vault/main.ts',
      '--port',
      '0',
      '--root-token',
      'main-test'
    ],
    { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let out = ''
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no banner: ${out}`)),
      15_000
    )
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /Api Address: (http:\/\/\S+)/.exec(out)
      if (m?.[1] && out.includes('Root Token:')) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.on('exit', () => reject(new Error(`exited early: ${out}`)))
  })
  expect(out).toContain('Root Token: main-test')
  expect(out).toContain(`$ export VAULT_ADDR='${address}'`)
  expect(out).toContain("$ export VAULT_TOKEN='main-test'")
  const health = await fetch(`${address}/v1/sys/health`)
  expect(health.status).toBe(200)
  const code = await new Promise<number | null>((resolve) => {
    child.on('exit', (c) => resolve(c))
    child.kill('SIGTERM')
  })
  expect(code).toBe(0)
}, 20_000)
