/**
 * The dev server over HTTPS: `tls` in the options, `--tls-cert` and
 * `--tls-key` on the command line.
 */
import { request } from 'node:https'
import { readFileSync } from 'node:fs'
import { parseArgs } from '../../devserver/vault/cli.js'
import { startVaultDevServer } from '../../devserver/vault/index.js'
import { makeTestCa } from '../helpers/test-ca.js'
import { devOnly } from './helpers/target.js'

// The dev server's own TLS options (OpenBao's TLS: __tests__/sync/tls.test.ts): skipped in the real tier.
const test = devOnly

test('--tls-cert and --tls-key name the files to serve HTTPS with', () => {
  expect(
    parseArgs(['--tls-cert', 'server.pem', '--tls-key=server.key'], {})
  ).toEqual({
    kind: 'run',
    options: { port: 8200, host: '127.0.0.1' },
    tlsFiles: { cert: 'server.pem', key: 'server.key' }
  })
  expect(parseArgs(['--tls-cert', 'server.pem'], {})).toEqual({
    kind: 'error',
    message: '--tls-cert and --tls-key go together'
  })
})

test('with tls, it answers https requests that trust the CA', async () => {
  const ca = makeTestCa()
  const server = await startVaultDevServer({ tls: ca.server })
  try {
    expect(server.url).toMatch(/^https:\/\//)
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(
        `${server.url}/v1/sys/health`,
        { ca: readFileSync(ca.caFile, 'utf8') },
        (res) => {
          res.resume()
          resolve(res.statusCode)
        }
      )
        .on('error', reject)
        .end()
    })
    expect(status).toBe(200)
  } finally {
    await server.close()
    ca.remove()
  }
})
