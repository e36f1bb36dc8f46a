/**
 * Command line of `npm run vault:dev`: flags and environment in the style of
 * `vault server -dev`, and the banner it prints.
 */
import type { VaultDevServer, VaultDevServerOptions } from './index.js'
import { VAULT_VERSION } from './state.js'

export const USAGE = `Usage: npm run vault:dev -- [options]

A Vault-compatible dev server (in memory, unsealed, root token).

Options:
  --port <n>              Port to listen on (default 8200; 0 = any free port)
  --host <addr>           Address to bind (default 127.0.0.1)
  -dev-listen-address <host:port>
                          Same as vault's flag (env VAULT_DEV_LISTEN_ADDRESS)
  --root-token <id>       Root token id (default: random hvs.…)
  -dev-root-token-id <id> Same as vault's flag (env VAULT_DEV_ROOT_TOKEN_ID)
  --mount <path:version>  KV mount to create, repeatable (default secret:2)
                          (env VAULT_DEV_MOUNTS="secret:2,airflow:1")
  --namespaces            Honour X-Vault-Namespace like Enterprise/HCP and
                          create an "admin" namespace (env VAULT_DEV_NAMESPACES=1)
  --tls-cert <file> --tls-key <file>
                          Serve HTTPS with this PEM certificate and key
  -h, --help              Show this help
`

export type Parsed =
  | { kind: 'run'; options: VaultDevServerOptions; tlsFiles?: TlsPaths }
  | { kind: 'help' }
  | { kind: 'error'; message: string }

/** Files to read for `tls`; main.ts reads them, so parsing stays pure. */
export interface TlsPaths {
  cert: string
  key: string
}

function parseMount(
  spec: string
): { path: string; version: 1 | 2 } | undefined {
  const m = /^([^:]+?)(?::([12]))?$/.exec(spec.trim())
  if (!m?.[1]) return undefined
  return { path: m[1], version: m[2] === '1' ? 1 : 2 }
}

function parseListen(addr: string): { host: string; port: number } | undefined {
  const m = /^(.*):(\d+)$/.exec(addr)
  if (!m?.[1] || !m[2]) return undefined
  return { host: m[1].replace(/^\[|\]$/g, ''), port: Number(m[2]) }
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Parsed {
  const opts: VaultDevServerOptions = { port: 8200, host: '127.0.0.1' }
  const listen = env.VAULT_DEV_LISTEN_ADDRESS
  if (listen) {
    const l = parseListen(listen)
    if (!l)
      return {
        kind: 'error',
        message: `invalid VAULT_DEV_LISTEN_ADDRESS: ${listen}`
      }
    Object.assign(opts, l)
  }
  if (env.VAULT_DEV_ROOT_TOKEN_ID) opts.rootToken = env.VAULT_DEV_ROOT_TOKEN_ID
  if (env.VAULT_DEV_NAMESPACES === '1' || env.VAULT_DEV_NAMESPACES === 'true') {
    opts.namespaces = true
  }
  let mounts: Array<{ path: string; version: 1 | 2 }> | undefined
  if (env.VAULT_DEV_MOUNTS) {
    mounts = []
    for (const spec of env.VAULT_DEV_MOUNTS.split(',').filter((s) =>
      s.trim()
    )) {
      const m = parseMount(spec)
      if (!m) return { kind: 'error', message: `invalid mount: ${spec}` }
      mounts.push(m)
    }
  }
  const args = [...argv]
  let cliMounts: typeof mounts
  const tls: Partial<TlsPaths> = {}
  while (args.length > 0) {
    const raw = args.shift() ?? ''
    const [flag, inline] = raw.includes('=')
      ? raw.split(/=(.*)/s, 2)
      : [raw, undefined]
    const value = (): string | undefined => inline ?? args.shift()
    switch (flag?.replace(/^--?/, '')) {
      case 'h':
      case 'help':
        return { kind: 'help' }
      case 'port': {
        const v = Number(value())
        if (!Number.isInteger(v) || v < 0 || v > 65535) {
          return {
            kind: 'error',
            message: '--port needs a number from 0 to 65535'
          }
        }
        opts.port = v
        break
      }
      case 'host':
        opts.host = value() ?? opts.host
        break
      case 'dev-listen-address': {
        const l = parseListen(value() ?? '')
        if (!l)
          return {
            kind: 'error',
            message: '-dev-listen-address needs host:port'
          }
        Object.assign(opts, l)
        break
      }
      case 'root-token':
      case 'dev-root-token-id':
        opts.rootToken = value()
        break
      case 'mount': {
        const spec = value() ?? ''
        const m = parseMount(spec)
        if (!m) return { kind: 'error', message: `invalid mount: ${spec}` }
        ;(cliMounts ??= []).push(m)
        break
      }
      case 'namespaces':
        opts.namespaces = true
        break
      case 'tls-cert':
        tls.cert = value()
        break
      case 'tls-key':
        tls.key = value()
        break
      default:
        return { kind: 'error', message: `unknown option: ${raw}` }
    }
  }
  const chosen = cliMounts ?? mounts
  if (chosen) opts.mounts = chosen
  if (!tls.cert !== !tls.key)
    return { kind: 'error', message: '--tls-cert and --tls-key go together' }
  if (tls.cert && tls.key) {
    const tlsFiles = { cert: tls.cert, key: tls.key }
    return { kind: 'run', options: opts, tlsFiles }
  }
  return { kind: 'run', options: opts }
}

/** What `vault server -dev` prints, with our values. */
export function banner(
  server: VaultDevServer,
  opts: VaultDevServerOptions
): string {
  const addr = server.url.replace(/^https?:\/\//, '')
  const rows: Array<[string, string]> = [
    ['Api Address', server.url],
    ['Cgo', 'disabled'],
    [
      'Listener 1',
      `tcp (addr: "${addr}", max_request_size: "${opts.maxRequestBytes ?? 33554432}", tls: "${opts.tls ? 'enabled' : 'disabled'}")`
    ],
    [
      'Namespaces',
      opts.namespaces
        ? 'enabled (X-Vault-Namespace honoured; "admin" created)'
        : 'ignored (Community Edition)'
    ],
    [
      'Mounts',
      (opts.mounts ?? [{ path: 'secret', version: 2 }])
        .map((m) => `${m.path}/ (kv v${m.version})`)
        .join(', ')
    ],
    ['Storage', 'inmem'],
    ['Version', `Vault v${VAULT_VERSION} (airflow-vault-sync dev server)`]
  ]
  const width = Math.max(...rows.map(([k]) => k.length)) + 12
  const config = rows
    .map(([k, v]) => `${`${k}:`.padStart(width)} ${v}`)
    .join('\n')
  return `==> Vault server configuration:

${config}

==> Vault server started! Log data will stream in below:

WARNING! dev mode is enabled! In this mode, Vault runs entirely in-memory
and starts unsealed with a single unseal key. The root token is already
authenticated to the CLI, so you can immediately begin using Vault.

You may need to set the following environment variables:

    $ export VAULT_ADDR='${server.url}'
    $ export VAULT_TOKEN='${server.rootToken}'

The unseal key and root token are displayed below in case you want to
seal/unseal the Vault or re-authenticate.

Unseal Key: ${server.unsealKey}
Root Token: ${server.rootToken}

Development mode should NOT be used in production installations!
`
}
