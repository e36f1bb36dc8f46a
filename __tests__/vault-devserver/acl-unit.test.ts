/**
 * The policy parser and matcher in isolation (vault-api.md §7.2-7.3),
 * including the priority examples of Vault's policies documentation.
 */
import { parsePolicy } from '../../devserver/vault/acl/hcl.js'
import { Acl } from '../../devserver/vault/acl/match.js'
import {
  CREATE,
  DELETE,
  DENY,
  LIST,
  READ,
  SUDO,
  UPDATE
} from '../../devserver/vault/acl/capabilities.js'
import { devOnly } from './helpers/target.js'

// Unit tests of the dev server's ACL code, no server asked: skipped in the real tier.
const test = devOnly

function acl(...hcl: string[]): Acl {
  return new Acl(hcl.map((h) => parsePolicy(h)))
}

test('capabilities become bits; deny keeps only deny', () => {
  expect(parsePolicy('path "a" { capabilities = ["read", "create"] }')).toEqual(
    [{ path: 'a', bits: READ | CREATE }]
  )
  expect(parsePolicy('path "a" { capabilities = ["read", "deny"] }')).toEqual([
    { path: 'a', bits: DENY }
  ])
})

test('the legacy policy shorthand', () => {
  const write = parsePolicy('path "a" { policy = "write" }')[0]?.bits ?? 0
  expect(write).toBe(READ | LIST | CREATE | UPDATE | DELETE)
  const sudo = parsePolicy('path "a" { policy = "sudo" }')[0]?.bits ?? 0
  expect(sudo & SUDO).toBe(SUDO)
})

test('unknown keys and "+*" are errors', () => {
  expect(() => parsePolicy('pth "a" { capabilities = ["read"] }')).toThrow(
    'invalid key "pth" on line 1'
  )
  expect(() => parsePolicy('path "a/+*" { capabilities = ["read"] }')).toThrow(
    "'+*' is forbidden"
  )
  expect(() => parsePolicy('path "a" { capabilities = ["read"] ')).toThrow(
    /^failed to parse policy: At/
  )
})

test('priority: the first wildcard later wins', () => {
  const a = acl(
    'path "secret/+/b" { capabilities = ["read"] }',
    'path "secret/a/*" { capabilities = ["update"] }'
  )
  expect(a.capabilities('secret/a/b')).toEqual(['update'])
})

test('priority: not ending in * beats ending in *', () => {
  const a = acl(
    'path "secret/a/+" { capabilities = ["read"] }',
    'path "secret/a/*" { capabilities = ["update"] }'
  )
  expect(a.capabilities('secret/a/b')).toEqual(['read'])
})

test('priority: fewer + segments win', () => {
  const a = acl(
    'path "secret/+/+/c" { capabilities = ["read"] }',
    'path "secret/+/b/c" { capabilities = ["update"] }'
  )
  expect(a.capabilities('secret/a/b/c')).toEqual(['update'])
})

test('priority: longer wins, then lexicographically greater', () => {
  const a = acl(
    'path "secret/ab*" { capabilities = ["read"] }',
    'path "secret/a*" { capabilities = ["update"] }'
  )
  expect(a.capabilities('secret/abc')).toEqual(['read'])
})

test('list: an exact rule without the trailing slash matches', () => {
  const a = acl('path "kv/metadata/dir" { capabilities = ["list"] }')
  expect(a.allows('kv/metadata/dir/', 'list').allowed).toBe(true)
  expect(a.allows('kv/metadata/dir/', 'read').allowed).toBe(false)
})

test('list: kv/+ grants LIST kv/x/ (both list forms are consulted)', () => {
  const a = acl('path "kv/+" { capabilities = ["list"] }')
  expect(a.allows('kv/x/', 'list').allowed).toBe(true)
})

test('sudo is needed on root-protected paths', () => {
  const a = acl('path "sys/auth/*" { capabilities = ["update"] }')
  expect(a.allows('sys/auth/x', 'update').allowed).toBe(true)
  expect(a.allows('sys/auth/x', 'update', true).allowed).toBe(false)
})

test('mount access: any non-deny rule under the mount', () => {
  expect(
    acl('path "kv/data/a/+/b" { capabilities = ["read"] }').hasMountAccess(
      'kv/'
    )
  ).toBe(true)
  expect(
    acl('path "+/data/*" { capabilities = ["read"] }').hasMountAccess('kv/')
  ).toBe(true)
  expect(
    acl('path "kv/*" { capabilities = ["deny"] }').hasMountAccess('kv/')
  ).toBe(false)
  expect(
    acl('path "other/*" { capabilities = ["read"] }').hasMountAccess('kv/')
  ).toBe(false)
})
