import { ManifestSchema } from '../../src/core/manifest/schema.js'
import {
  planPolicy,
  readerPolicy,
  syncPolicy
} from '../../src/core/provision/policies.js'
import { jwtRoleClaims } from '../../src/core/provision/plan-roles.js'
import { githubJwtProblems } from '../../src/core/validate/rules/provision.js'
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

const withJwt = (jwt: object): ReturnType<typeof manifest> =>
  manifest(
    { connections_path: null, config_path: null },
    {
      provision: {
        github_jwt: {
          bound_audiences: ['https://github.com/o'],
          repository: 'o/r',
          repository_id: 11,
          repository_owner_id: '22',
          ...jwt
        }
      }
    }
  )

test('the plan policy reads metadata and lists folders, and never reads, writes or deletes a value', () => {
  const m = manifest({ connections_path: null, config_path: null })
  expect(rules(planPolicy(m, 2))).toEqual([
    'path "airflow/metadata/variables/*" {',
    '  capabilities = ["read"]',
    'path "airflow/metadata/variables" {',
    '  capabilities = ["list"]',
    'path "sys/internal/ui/mounts/airflow" {',
    '  capabilities = ["read"]',
    'path "sys/capabilities-self" {',
    '  capabilities = ["update"]'
  ])
  // KV v1 keeps no metadata: names only.
  expect(rules(planPolicy(m, 1)).slice(0, 2)).toEqual([
    'path "airflow/variables" {',
    '  capabilities = ["list"]'
  ])
})

test('the plan role binds pull requests and ref; the apply role ref, environment and workflow; both the ids', () => {
  const jwt = withJwt({
    ref: 'refs/heads/main',
    environment: 'production',
    job_workflow_ref: 'o/w/.github/workflows/x.yml@refs/tags/v1'
  }).provision?.github_jwt
  if (!jwt) throw new Error('no github_jwt')
  const ids = {
    repository: 'o/r',
    repository_id: '11',
    repository_owner_id: '22'
  }
  expect(jwtRoleClaims(jwt, 'plan')).toEqual({
    ...ids,
    ref: ['refs/heads/main', 'refs/pull/*/merge']
  })
  expect(jwtRoleClaims(jwt, 'apply')).toEqual({
    ...ids,
    ref: 'refs/heads/main',
    environment: 'production',
    job_workflow_ref: 'o/w/.github/workflows/x.yml@refs/tags/v1'
  })
  const any = withJwt({ allow_any_ref: true }).provision?.github_jwt
  if (!any) throw new Error('no github_jwt')
  expect(jwtRoleClaims(any, 'apply')).toEqual(ids)
})

test('github_jwt without a ref or environment, with a pull ref, or without the ids is an error', () => {
  const codes = (jwt: object): string[] =>
    githubJwtProblems(withJwt(jwt)).map((p) => `${p.code} ${p.path.join('.')}`)
  expect(codes({})).toEqual(['provision-jwt-unbound provision.github_jwt'])
  expect(codes({ allow_any_ref: true })).toEqual([])
  expect(codes({ environment: 'production' })).toEqual([
    'provision-jwt-plan-pulls-only provision.github_jwt'
  ])
  expect(codes({ ref: ['refs/heads/main', 'refs/pull/*/merge'] })).toEqual([
    'provision-jwt-pull-ref provision.github_jwt.ref.1'
  ])
  expect(codes({ ref: 'refs/heads/main', repository_id: undefined })).toEqual([
    'provision-jwt-repository-id provision.github_jwt'
  ])
})
