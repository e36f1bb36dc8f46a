/**
 * Kwargs generation and the fingerprint: managed keys from `vault:`, JSON
 * null for unmanaged paths, one canonical order, and a fingerprint that is
 * stable, per Deployment, and a slow KDF rather than a hash.
 */
import { createHash, scryptSync } from 'node:crypto'
import {
  backendKwargs,
  canonicalKwargsJson,
  fingerprint,
  FINGERPRINT_PARAMS
} from '../../src/core/astro/index.js'
import { KWARGS_SECRET, kwargsFor, VAULT } from './helpers.js'

test('managed keys come from vault:, in canonical order, nulls kept', () => {
  const kwargs = backendKwargs({ ...VAULT, namespace: 'admin' }, 1, {
    secret_id: 's',
    auth_type: 'approle',
    url: 'https://v',
    role_id: 'r',
    timeout: 30
  })
  expect(Object.keys(kwargs)).toEqual([
    'mount_point',
    'connections_path',
    'variables_path',
    'config_path',
    'kv_engine_version',
    'url',
    'auth_type',
    'role_id',
    'secret_id',
    'timeout',
    'namespace'
  ])
  expect(kwargs).toMatchObject({
    mount_point: 'airflow',
    config_path: null,
    kv_engine_version: 1,
    namespace: 'admin'
  })
  expect(canonicalKwargsJson(kwargs)).toContain('"config_path":null')
})

test('vault: wins over managed keys in backend_kwargs; no namespace unless set', () => {
  const kwargs = backendKwargs(VAULT, 2, {
    mount_point: 'other',
    kv_engine_version: 1,
    namespace: 'user-set'
  })
  expect(kwargs.mount_point).toBe('airflow')
  expect(kwargs.kv_engine_version).toBe(2)
  expect(kwargs.namespace).toBe('user-set')
  expect(backendKwargs(VAULT, 2, {})).not.toHaveProperty('namespace')
})

test('non-finite numbers are refused (JSON would turn them into null)', () => {
  expect(() => backendKwargs(VAULT, 2, { timeout: Infinity })).toThrow(
    /timeout is not a finite number/
  )
})

test('the JSON is canonical: insertion order does not matter', () => {
  const a = canonicalKwargsJson({
    url: 'u',
    auth_type: 'token',
    token_path: '/t',
    mount_point: 'm'
  })
  const b = canonicalKwargsJson({
    token_path: '/t',
    mount_point: 'm',
    auth_type: 'token',
    url: 'u'
  })
  expect(a).toBe(b)
  expect(a).toBe(
    '{"mount_point":"m","url":"u","auth_type":"token","token_path":"/t"}'
  )
})

describe('fingerprint', () => {
  const kwargs = kwargsFor()

  test('versioned, base64url, stable', () => {
    const fp = fingerprint(kwargs, 'dep-1')
    expect(fp).toMatch(/^v1:[A-Za-z0-9_-]{43}$/)
    expect(fingerprint({ ...kwargs }, 'dep-1')).toBe(fp)
    const reordered = Object.fromEntries(Object.entries(kwargs).reverse())
    expect(fingerprint(reordered, 'dep-1')).toBe(fp)
  })

  test('differs per Deployment and for any kwargs change', () => {
    const fp = fingerprint(kwargs, 'dep-1')
    expect(fingerprint(kwargs, 'dep-2')).not.toBe(fp)
    expect(
      fingerprint(kwargsFor({ secret_id: `${KWARGS_SECRET}x` }), 'dep-1')
    ).not.toBe(fp)
    expect(fingerprint(kwargsFor({ role_id: 'other' }), 'dep-1')).not.toBe(fp)
  })

  test('is scrypt N=2^14 salted by Deployment, not a fast hash', () => {
    const json = canonicalKwargsJson(kwargs)
    const expected = scryptSync(json, 'airflow-vault-sync:dep-1', 32, {
      N: 2 ** 14,
      r: 8,
      p: 1
    })
    expect(fingerprint(kwargs, 'dep-1')).toBe(
      `v1:${expected.toString('base64url')}`
    )
    expect(FINGERPRINT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 14)
    const digest = (alg: string): string =>
      createHash(alg).update(json).digest('base64url')
    for (const alg of ['sha256', 'sha512', 'md5'])
      expect(fingerprint(kwargs, 'dep-1')).not.toContain(digest(alg))
    const cheap = scryptSync(json, 'airflow-vault-sync:dep-1', 32, {
      N: 2 ** 10
    })
    expect(fingerprint(kwargs, 'dep-1')).not.toContain(
      cheap.toString('base64url')
    )
  })

  test('shows nothing of the secret', () => {
    const fp = fingerprint(kwargs, 'dep-1')
    for (let i = 0; i + 4 <= KWARGS_SECRET.length; i++)
      expect(fp).not.toContain(KWARGS_SECRET.slice(i, i + 4))
  })
})
