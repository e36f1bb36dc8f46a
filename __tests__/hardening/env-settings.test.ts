/**
 * Issue #14 item 5: VAULT_SKIP_VERIFY as the vault CLI reads it (Go's
 * strconv.ParseBool), anything else a usage error; and item 9's last
 * bullet: a plain-http ASTRO_API_URL off this machine warns.
 */
import { astroFromEnv } from '../../src/io/astro-env.js'
import { connectionFromEnv } from '../../src/io/vault-env.js'
import { cli } from '../helpers/cli.js'

const base = { VAULT_ADDR: 'https://vault.example.com:8200', VAULT_TOKEN: 't' }

function skipVerify(value: string): { skip: boolean; warnings: string[] } {
  const warnings: string[] = []
  const c = connectionFromEnv(
    { ...base, VAULT_SKIP_VERIFY: value },
    { concurrency: 1 },
    (w) => warnings.push(w)
  )
  return { skip: c.skipVerify, warnings }
}

test.each(['0', 'f', 'F', 'FALSE', 'false', 'False', ''])(
  'VAULT_SKIP_VERIFY=%j keeps verification on, without a warning',
  (value) => {
    expect(skipVerify(value)).toEqual({ skip: false, warnings: [] })
  }
)

test.each(['1', 't', 'T', 'TRUE', 'true', 'True'])(
  'VAULT_SKIP_VERIFY=%j turns it off, with a warning',
  (value) => {
    const { skip, warnings } = skipVerify(value)
    expect(skip).toBe(true)
    expect(warnings.join()).toContain('VAULT_SKIP_VERIFY')
  }
)

test.each(['yes', 'no', 'off', 'tRUE', ' true', '2'])(
  'VAULT_SKIP_VERIFY=%j is a usage error (exit 2) naming it',
  async (value) => {
    const run = await cli(['plan', '-f', 'examples/airflow-secrets.yaml'], {
      env: { ...base, VAULT_SKIP_VERIFY: value }
    })
    expect(run.stderr).toContain('VAULT_SKIP_VERIFY')
    expect(run.code).toBe(2)
  }
)

test('a plain-http ASTRO_API_URL that is not this machine warns; loopback does not', () => {
  const warned = (url: string): string[] => {
    const warnings: string[] = []
    astroFromEnv({ ASTRO_API_URL: url }, (w) => warnings.push(w))
    return warnings
  }
  expect(warned('http://astro.example.com/v1').join()).toContain('plain http')
  expect(warned('http://127.0.0.1:8080/v1')).toEqual([])
  expect(warned('https://api.astronomer.io/v1')).toEqual([])
})
