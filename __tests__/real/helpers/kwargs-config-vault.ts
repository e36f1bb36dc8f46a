/**
 * A loopback stand-in for the one thing the provider's azure and radius
 * auth do: neither logs in. `_auth_azure` and `_auth_radius` call hvac's
 * `configure`, a POST to auth/<method>/config, and then read with whatever
 * token hvac found (VAULT_TOKEN). OpenBao has neither plugin, so this
 * answers as Vault does for such a mount: 403 without a token, 204 for the
 * config write and 200 for token/lookup-self with one.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ConfigVault {
  url: string
  /** What was asked, as "METHOD /path token?" lines. */
  requests: string[]
  close(): Promise<void>
}

export async function startConfigVault(): Promise<ConfigVault> {
  const requests: string[] = []
  const server = createServer((req, res) => {
    req.resume()
    const token = req.headers['x-vault-token']
    requests.push(`${req.method} ${req.url} ${token ? 'token' : 'no token'}`)
    res.setHeader('Content-Type', 'application/json')
    if (!token) {
      res.statusCode = 403
      res.end(JSON.stringify({ errors: ['permission denied'] }))
    } else if (req.url?.endsWith('/config')) {
      res.statusCode = 204
      res.end()
    } else {
      res.end(JSON.stringify({ data: { ttl: 3600 } }))
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r()))
  }
}
