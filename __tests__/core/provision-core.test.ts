import { ManifestSchema } from '../../src/core/manifest/schema.js'
import { readerPolicy, syncPolicy } from '../../src/core/provision/policies.js'
import { policyDiff, samePolicy } from '../../src/core/provision/policy-diff.js'
import { durationSeconds } from '../../src/core/provision/duration.js'
import { recipients } from '../../src/core/provision/names.js'
import {
  accessChecks,
  evaluateAccess
} from '../../src/core/provision/access.js'
import { planCredentials } from '../../src/core/provision/plan-credentials.js'

const manifest = (
  vault: object,
  extra: object = {}
): ReturnType<typeof ManifestSchema.parse> =>
  ManifestSchema.parse({
    version: 1,
    vault: { mount: 'airflow', ...vault },
    variables: { env: 'prod' },
    provision: {},
    ...extra
  })

const rules = (hcl: string): string[] =>
  hcl
    .split('\n')
    .filter((l) => l.startsWith('path') || l.includes('capabilities'))

test('the reader policy is read on the managed paths only, data/ on KV v2', () => {
  expect(rules(readerPolicy(manifest({ config_path: null }), 2))).toEqual([
    'path "airflow/data/connections/*" {',
    '  capabilities = ["read"]',
    'path "airflow/data/variables/*" {',
    '  capabilities = ["read"]'
  ])
  expect(rules(readerPolicy(manifest({ variables_path: '' }), 1))).toEqual([
    'path "airflow/connections/*" {',
    '  capabilities = ["read"]',
    'path "airflow/*" {',
    '  capabilities = ["read"]',
    'path "airflow/config/*" {',
    '  capabilities = ["read"]'
  ])
})

test('the sync policy grants delete only when prune is on, where the prune mode needs it', () => {
  const off = syncPolicy(
    manifest({ connections_path: null, config_path: null }),
    2
  )
  expect(rules(off)).toEqual([
    'path "airflow/data/variables/*" {',
    '  capabilities = ["create", "read", "update"]',
    'path "airflow/metadata/variables/*" {',
    '  capabilities = ["create", "read", "update", "list"]',
    'path "airflow/metadata/variables" {',
    '  capabilities = ["list"]',
    'path "sys/internal/ui/mounts/airflow" {',
    '  capabilities = ["read"]'
  ])
  const soft = syncPolicy(
    manifest({ prune: true, connections_path: null, config_path: null }),
    2
  )
  expect(soft).toContain('"create", "read", "update", "delete"]')
  expect(soft).not.toContain('"list", "delete"')
  const destroy = syncPolicy(
    manifest({
      prune: 'all',
      prune_mode: 'destroy',
      connections_path: null,
      config_path: null
    }),
    2
  )
  expect(destroy).toContain('["create", "read", "update", "list", "delete"]')
  expect(
    rules(
      syncPolicy(
        manifest({ prune: true, connections_path: null, config_path: null }),
        1
      )
    )
  ).toEqual([
    'path "airflow/variables/*" {',
    '  capabilities = ["create", "read", "update", "list", "delete"]',
    'path "airflow/variables" {',
    '  capabilities = ["list"]',
    'path "sys/internal/ui/mounts/airflow" {',
    '  capabilities = ["read"]'
  ])
})

test('policy diffs show removed and added lines; trailing blanks are no change', () => {
  expect(policyDiff('a\nb\nc\n', 'a\nx\nc\n')).toEqual(['- b', '+ x'])
  expect(samePolicy('a\nb\n\n', 'a  \nb')).toBe(true)
  expect(samePolicy('a\nb', 'a\nc')).toBe(false)
})

test('durations compare in seconds, however written', () => {
  expect(durationSeconds('1h30m')).toBe(5400)
  expect(durationSeconds('7d')).toBe(604800)
  expect(durationSeconds('90')).toBe(90)
  expect(durationSeconds(0)).toBe(0)
})

test('role names: one per Deployment from its name, or one for the mount without astro', () => {
  const astro = {
    astro: {
      deployments: [{ id: 'clx1', name: 'Prod EU' }, { id: 'clx2' }],
      backend_kwargs: { url: 'https://v' }
    }
  }
  expect(recipients(manifest({}, astro)).map((r) => r.role)).toEqual([
    'airflow-prod-eu',
    'airflow-clx2'
  ])
  expect(
    recipients(manifest({ mount: 'team/airflow' })).map((r) => r.role)
  ).toEqual(['airflow-team-airflow'])
})

test('check-access asks about each secret, each folder and one path outside; deny wins', () => {
  const m = manifest({ connections_path: null, config_path: null })
  const checks = accessChecks(m, 2)
  expect(checks.map((c) => `${c.path} ${c.expect.join(',')}`)).toEqual([
    'airflow/data/variables/env read,no-write',
    'airflow/metadata/variables/ no-list',
    'airflow/data/airflow-vault-sync-outside-check no-read'
  ])
  const findings = evaluateAccess(checks, {
    'airflow/data/variables/env': ['deny', 'read'],
    'airflow/metadata/variables/': ['list'],
    'airflow/data/airflow-vault-sync-outside-check': ['root']
  })
  expect(findings.map((f) => f.problem)).toEqual([
    'cannot read it',
    'may list it',
    'may read it'
  ])
})

test('a secret-id is issued only when asked, missing, expired or needed by stale kwargs', () => {
  const recipient = { deploymentId: 'd1', label: 'd1', role: 'r' }
  const plan = (
    over: object
  ): { issue: boolean; reason: string; destroy: string[] } => {
    const p = planCredentials({
      approleMount: 'approle',
      recipients: [recipient],
      secretIds: {
        r: [{ accessor: 'a1', deploymentId: 'd1', expiresAt: 2000 }]
      },
      staleDeployments: new Set(),
      rotate: false,
      now: 1000,
      ...over
    }).plans[0]
    return {
      issue: p?.issue ?? false,
      reason: p?.reason ?? '',
      destroy: p?.destroy ?? []
    }
  }
  expect(plan({})).toEqual({ issue: false, reason: '', destroy: [] })
  expect(plan({ now: 3000 }).reason).toBe(
    'every secret-id issued for it has expired'
  )
  expect(plan({ rotate: true }).destroy).toEqual(['a1'])
  expect(plan({ staleDeployments: new Set(['d1']) }).issue).toBe(true)
  expect(plan({ secretIds: {} }).reason).toBe('none issued yet')
})
