/**
 * The expireTokensAfterRequests fault (dev server only): after N requests
 * every token with a TTL expires at once, as if its time had run out, so
 * a test can expire a client's token mid-run without waiting.
 */
import {
  type VaultDevServer,
  startVaultDevServer
} from '../../devserver/vault/index.js'
import { Client, str, devOnly } from './helpers/target.js'

// A dev-server fault: skipped in the real tier.
const test = devOnly

let dev: VaultDevServer
let root: Client
beforeEach(async () => {
  dev = await startVaultDevServer({ rootToken: 'root' })
  root = new Client(dev.url, 'root')
})
afterEach(() => dev.close())

/** An expired token, in OpenBao's words (see conformance-tokens). */
const INVALID = ['permission denied']

test('after N requests, tokens with a TTL are invalid; root and new tokens work', async () => {
  const made = await root.post('auth/token/create', { ttl: '1h' })
  const user = root.as(str(made.body, 'auth.client_token'))
  dev.faults.set({ expireTokensAfterRequests: 2 })
  expect((await user.get('auth/token/lookup-self')).status).toBe(200)
  expect((await user.get('auth/token/lookup-self')).status).toBe(200)
  const third = await user.get('auth/token/lookup-self')
  expect(third.status).toBe(403)
  expect(third.body).toEqual({ errors: INVALID })
  expect((await root.get('auth/token/lookup-self')).status).toBe(200)
  // Once: a token made afterwards keeps working.
  const next = await root.post('auth/token/create', { ttl: '1h' })
  const fresh = root.as(str(next.body, 'auth.client_token'))
  for (let i = 0; i < 3; i++)
    expect((await fresh.get('auth/token/lookup-self')).status).toBe(200)
})

test('reset() clears a pending expiry', async () => {
  const made = await root.post('auth/token/create', { ttl: '1h' })
  const user = root.as(str(made.body, 'auth.client_token'))
  dev.faults.set({ expireTokensAfterRequests: 0 })
  dev.faults.reset()
  expect((await user.get('auth/token/lookup-self')).status).toBe(200)
})
