/**
 * Which proxy a request takes, as curl and undici decide it: HTTPS_PROXY
 * for https, HTTP_PROXY for http, lowercase first, NO_PROXY as a list of
 * hosts, domains (with or without a leading dot or `*.`), ports and `*`.
 */
import { proxyFor } from '../../src/clients/net/proxy-settings.js'
import { proxyFromEnv } from '../../src/io/proxy-env.js'
import { SettingsError } from '../../src/io/settings-error.js'
import { devOnly } from '../vault-devserver/helpers/target.js'

// No Vault is asked: skipped in the real tier.
const test = devOnly

const PROXY = 'http://proxy.internal:3128'

function via(target: string, env: Record<string, string>): string {
  return proxyFor(new URL(target), proxyFromEnv(env))?.host ?? 'direct'
}

test('https targets take HTTPS_PROXY, http targets HTTP_PROXY, no fallback', () => {
  const env = { HTTPS_PROXY: PROXY, HTTP_PROXY: 'http://plain.internal:8080' }
  expect(via('https://vault.example.com:8200', env)).toBe('proxy.internal:3128')
  expect(via('http://vault.example.com:8200', env)).toBe('plain.internal:8080')
  expect(via('http://x.example.com', { HTTPS_PROXY: PROXY })).toBe('direct')
  expect(via('https://x.example.com', { HTTP_PROXY: PROXY })).toBe('direct')
})

test('lowercase wins over uppercase; a proxy without scheme is http://', () => {
  const env = { https_proxy: 'lower.internal:3128', HTTPS_PROXY: PROXY }
  expect(via('https://api.astronomer.io', env)).toBe('lower.internal:3128')
})

test.each([
  ['example.com', 'https://example.com', 'direct'],
  ['example.com', 'https://vault.example.com', 'direct'],
  ['.example.com', 'https://example.com', 'direct'],
  ['*.example.com', 'https://a.b.example.com', 'direct'],
  ['example.com', 'https://notexample.com', 'proxy'],
  ['*', 'https://anything.io', 'direct'],
  ['vault.internal:8200', 'https://vault.internal:8200', 'direct'],
  ['vault.internal:8200', 'https://vault.internal:8201', 'proxy'],
  ['vault.internal:443', 'https://vault.internal', 'direct'],
  ['127.0.0.1', 'https://127.0.0.1:8200', 'direct'],
  ['[::1]', 'https://[::1]:8200', 'direct'],
  ['EXAMPLE.com', 'https://Vault.Example.COM', 'direct'],
  ['', 'https://127.0.0.1:8200', 'proxy'],
  ['localhost', 'https://127.0.0.1:8200', 'proxy']
])('NO_PROXY=%j for %s: %s', (noProxy, target, expected) => {
  const found = via(target, { HTTPS_PROXY: PROXY, NO_PROXY: noProxy })
  expect(found === 'direct' ? 'direct' : 'proxy').toBe(expected)
})

test('several NO_PROXY entries, commas and spaces', () => {
  const env = { HTTPS_PROXY: PROXY, no_proxy: 'a.io, b.io,,c.io d.io' }
  for (const host of ['a.io', 'b.io', 'c.io', 'd.io'])
    expect(via(`https://${host}`, env)).toBe('direct')
})

test('only http:// proxies; a bad one never echoes its password', () => {
  expect(() => proxyFromEnv({ HTTPS_PROXY: 'socks5://u:pw@p:1080' })).toThrow(
    new SettingsError(
      'HTTPS_PROXY: only http:// proxies are supported, not socks5:// (socks5://p:1080)'
    )
  )
  expect(() => proxyFromEnv({ http_proxy: 'http://u:pw@' })).toThrow(
    SettingsError
  )
})
