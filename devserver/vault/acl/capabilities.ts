/**
 * Capabilities as Vault stores them: one bit each, with Vault's own values
 * (`vault/policy.go`), and the operation -> capability mapping of
 * vault-api.md §7.4.
 */
import type { Operation } from '../http/request.js'

export const DENY = 1 << 0
export const CREATE = 1 << 1
export const READ = 1 << 2
export const UPDATE = 1 << 3
export const DELETE = 1 << 4
export const LIST = 1 << 5
export const SUDO = 1 << 6
export const PATCH = 1 << 7
export const SUBSCRIBE = 1 << 8
export const RECOVER = 1 << 9

export const capabilityBits: Record<string, number> = {
  deny: DENY,
  create: CREATE,
  read: READ,
  update: UPDATE,
  delete: DELETE,
  list: LIST,
  sudo: SUDO,
  patch: PATCH,
  subscribe: SUBSCRIBE,
  recover: RECOVER
}

/** The legacy `policy = "..."` shorthand (`vault/policy.go`). */
export const legacyPolicyBits: Record<string, number> = {
  deny: DENY,
  read: READ | LIST,
  write: READ | LIST | CREATE | UPDATE | DELETE,
  sudo: READ | LIST | CREATE | UPDATE | DELETE | SUDO
}

export function operationBit(op: Operation): number {
  switch (op) {
    case 'read':
      return READ
    case 'list':
      return LIST
    case 'create':
      return CREATE
    case 'update':
      return UPDATE
    case 'patch':
      return PATCH
    case 'delete':
      return DELETE
  }
}

/**
 * Capability names for a bitmap, as `ACL.Capabilities` reports them:
 * `["deny"]` for an explicit deny or nothing at all, else every granted name,
 * sorted (`Core.Capabilities` sorts before answering).
 */
export function capabilityNames(bits: number): string[] {
  if (bits & DENY || bits === 0) return ['deny']
  return Object.entries(capabilityBits)
    .filter(([name, bit]) => name !== 'deny' && bits & bit)
    .map(([name]) => name)
    .sort()
}
