/**
 * check-access: what Airflow's identity must and must not be able to do,
 * asked of sys/capabilities-self (vault-api.md §7.6) so that no secret is
 * read. It must read every managed secret; it must not write one, list a
 * folder, or read outside the managed paths.
 */
import type { Manifest } from '../manifest/schema.js'
import { secretPath } from '../sync/desired.js'
import { managedBases } from './policies.js'

export type Expectation = 'read' | 'no-write' | 'no-list' | 'no-read'

export interface AccessCheck {
  path: string
  expect: Expectation[]
  /** What a person calls it: "connection warehouse", "folder connections/". */
  label: string
}

const WRITES = ['create', 'update', 'patch', 'delete', 'sudo']
const OUTSIDE_KEY = 'airflow-vault-sync-outside-check'

export function accessChecks(manifest: Manifest, kv: 1 | 2): AccessCheck[] {
  const { mount } = manifest.vault
  const data = (p: string): string =>
    kv === 2 ? `${mount}/data/${p}` : `${mount}/${p}`
  const checks: AccessCheck[] = []
  const sections = [
    ['connection', manifest.vault.connections_path, manifest.connections],
    ['variable', manifest.vault.variables_path, manifest.variables],
    ['config', manifest.vault.config_path, manifest.config]
  ] as const
  for (const [kind, base, entries] of sections) {
    if (base === null) continue
    for (const key of Object.keys(entries)) {
      checks.push({
        path: data(secretPath(base, key)),
        expect: ['read', 'no-write'],
        label: `${kind} ${key}`
      })
    }
  }
  for (const base of managedBases(manifest)) {
    const folder = kv === 2 ? `${mount}/metadata/${base}` : `${mount}/${base}`
    checks.push({
      path: `${folder.replace(/\/+$/, '')}/`,
      expect: ['no-list'],
      label: `folder ${base === '' ? '(top)' : base}/`
    })
  }
  if (!managedBases(manifest).includes('')) {
    checks.push({
      path: data(OUTSIDE_KEY),
      expect: ['no-read'],
      label: `a path outside the managed ones`
    })
  }
  return checks
}

export interface AccessFinding {
  check: AccessCheck
  granted: string[]
  problem: string
}

export function evaluateAccess(
  checks: readonly AccessCheck[],
  granted: Record<string, string[]>
): AccessFinding[] {
  const findings: AccessFinding[] = []
  for (const check of checks) {
    const have = granted[check.path] ?? ['deny']
    const can = (c: string): boolean =>
      !have.includes('deny') && (have.includes(c) || have.includes('root'))
    const problems: string[] = []
    if (check.expect.includes('read') && !can('read'))
      problems.push('cannot read it')
    const writes = WRITES.filter(can)
    if (check.expect.includes('no-write') && writes.length > 0)
      problems.push(`may also ${writes.join(', ')}`)
    if (check.expect.includes('no-list') && can('list'))
      problems.push('may list it')
    if (check.expect.includes('no-read') && can('read'))
      problems.push('may read it')
    if (problems.length > 0)
      findings.push({ check, granted: have, problem: problems.join('; ') })
  }
  return findings
}
