/**
 * Vault's ACL matching (`vault/acl.go`, vault-api.md §7.3):
 *
 * 1. root allows everything;
 * 2. an exact rule wins (for lists, also the path without its trailing `/`);
 * 3. else the single most specific glob (`*` suffix, a string prefix) or
 *    segment-wildcard (`+`) rule wins; rules with different patterns never
 *    union, so a broad `read` does not leak into a narrower `create`;
 * 4. the same pattern in several policies unions, and `deny` beats all.
 */
import type { Operation } from '../http/request.js'
import type { PolicyRule } from './hcl.js'
import {
  capabilityNames,
  DENY,
  LIST,
  operationBit,
  SUDO
} from './capabilities.js'

interface Rule {
  pattern: string
  /** Pattern without the trailing `*`. */
  prefix: string
  glob: boolean
  /** Segments of `prefix` when the pattern has `+`, else undefined. */
  segments: string[] | undefined
  plusCount: number
  firstWildcard: number
  bits: number
}

function compile(pattern: string, bits: number): Rule {
  const glob = pattern.endsWith('*')
  const prefix = glob ? pattern.slice(0, -1) : pattern
  const segments = prefix.split('/')
  const plusCount = segments.filter((s) => s === '+').length
  const plus = segments.indexOf('+')
  // Character index of the first `+` (its segment's start).
  const firstPlus =
    plus === -1
      ? -1
      : plus === 0
        ? 0
        : segments.slice(0, plus).join('/').length + 1
  const firstWildcard = Math.min(
    firstPlus === -1 ? Infinity : firstPlus,
    glob ? prefix.length : Infinity
  )
  return {
    pattern,
    prefix,
    glob,
    segments: plusCount > 0 ? segments : undefined,
    plusCount,
    firstWildcard,
    bits
  }
}

/**
 * Is `a` more specific than `b`? The five ordered rules of the policies
 * documentation ("Priority matching").
 */
function higher(a: Rule, b: Rule): boolean {
  if (a.firstWildcard !== b.firstWildcard)
    return a.firstWildcard > b.firstWildcard
  if (a.glob !== b.glob) return !a.glob
  if (a.plusCount !== b.plusCount) return a.plusCount < b.plusCount
  if (a.pattern.length !== b.pattern.length)
    return a.pattern.length > b.pattern.length
  return a.pattern > b.pattern
}

function matches(rule: Rule, path: string): boolean {
  if (rule.segments === undefined) return path.startsWith(rule.prefix)
  const parts = path.split('/')
  const segs = rule.segments
  if (rule.glob ? parts.length < segs.length : parts.length !== segs.length) {
    return false
  }
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i] ?? ''
    const p = parts[i] ?? ''
    if (s === '+') continue
    const last = i === segs.length - 1
    if (rule.glob && last ? !p.startsWith(s) : s !== p) return false
  }
  return true
}

/** Could a glob or `+` rule match some path under `mountPath`? */
function couldMatchUnder(rule: Rule, mountPath: string): boolean {
  if (rule.segments === undefined) return mountPath.startsWith(rule.prefix)
  const mountSegs = mountPath.replace(/\/$/, '').split('/')
  const segs = rule.segments
  for (let i = 0; i < mountSegs.length; i++) {
    const s = segs[i]
    const m = mountSegs[i] ?? ''
    if (s === undefined) return false
    const last = i === segs.length - 1
    if (s === '+') continue
    if (rule.glob && last) return m.startsWith(s)
    if (s !== m) return false
  }
  return true
}

export interface AclDecision {
  allowed: boolean
  root: boolean
  /** Capability bits of the rule that decided (0 when none matched). */
  bits: number
}

export class Acl {
  readonly root: boolean
  private readonly exact = new Map<string, number>()
  private readonly nonExact: Rule[] = []

  constructor(policies: ReadonlyArray<readonly PolicyRule[]>, root = false) {
    this.root = root
    const merged = new Map<string, number>()
    for (const rules of policies) {
      for (const { path, bits } of rules) {
        const prev = merged.get(path) ?? 0
        const union = prev | bits
        merged.set(path, union & DENY ? DENY : union)
      }
    }
    for (const [pattern, bits] of merged) {
      if (pattern.endsWith('*') || pattern.split('/').includes('+')) {
        this.nonExact.push(compile(pattern, bits))
      } else this.exact.set(pattern, bits)
    }
  }

  private candidates(path: string): Rule[] {
    return this.nonExact.filter((r) => matches(r, path))
  }

  private best(path: string): Rule | undefined {
    let best: Rule | undefined
    for (const r of this.candidates(path)) {
      if (best === undefined || higher(r, best)) best = r
    }
    return best
  }

  /** The capability bits governing `path` (Vault's `AllowOperation`). */
  bitsFor(path: string, op?: Operation): number {
    const exact = this.exact.get(path)
    if (exact !== undefined) return exact
    if (op === 'list' && path.endsWith('/')) {
      const trimmed = this.exact.get(path.slice(0, -1))
      if (trimmed !== undefined) return trimmed
      // Current acl.go consults glob/+ rules for both list forms and takes
      // the most specific rule granting `list`, unless a deny at least as
      // specific exists.
      const rules = [
        ...this.candidates(path),
        ...this.candidates(path.slice(0, -1))
      ].sort((a, b) => (higher(a, b) ? -1 : higher(b, a) ? 1 : 0))
      for (const r of rules) if (r.bits & (DENY | LIST)) return r.bits
      return rules[0]?.bits ?? 0
    }
    return this.best(path)?.bits ?? 0
  }

  allows(path: string, op: Operation, needSudo = false): AclDecision {
    if (this.root) return { allowed: true, root: true, bits: 0 }
    const bits = this.bitsFor(path, op)
    const need = operationBit(op) | (needSudo ? SUDO : 0)
    const allowed = !(bits & DENY) && (bits & need) === need
    return { allowed, root: false, bits }
  }

  /** `sys/capabilities-self` for one path. */
  capabilities(path: string): string[] {
    if (this.root) return ['root']
    return capabilityNames(this.bitsFor(path))
  }

  /**
   * `hasMountAccess` (vault/logical_system.go): does any non-deny rule grant
   * something at or below the mount? Used by the `sys/internal/ui/mounts`
   * preflight check (vault-api.md §5.1).
   */
  hasMountAccess(mountPath: string): boolean {
    if (this.root) return true
    const direct = this.bitsFor(mountPath)
    if (direct !== 0 && !(direct & DENY)) return true
    for (const [pattern, bits] of this.exact) {
      if (pattern.startsWith(mountPath) && !(bits & DENY) && bits !== 0)
        return true
    }
    for (const r of this.nonExact) {
      if (r.bits & DENY || r.bits === 0) continue
      if (r.prefix.startsWith(mountPath) || couldMatchUnder(r, mountPath)) {
        return true
      }
    }
    return false
  }
}
