import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import { runAction, type ActionRun } from '../helpers/action.js'

let dev: VaultDevServer
beforeAll(async () => {
  dev = await startVaultDevServer({ mounts: [{ path: 'airflow', version: 2 }] })
})
afterAll(async () => dev.close())

/** Canary values of awkward shapes; none may leave the runner unmasked. */
const CANARIES = {
  PW: 'c4nary@p/ss:w%rd#?+',
  KEY: 'first-line-canary\nsecond-line-canary',
  URI: 'smtp://mail-user:c4nary%2Furi-pass@smtp.example.com:587'
}

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-action-sync-'))
  mkdirSync(path.join(dir, '.git'))
  writeFileSync(
    path.join(dir, 'airflow-secrets.yaml'),
    `version: 1
vault: { mount: airflow }
connections:
  db: { conn_type: postgres, host: db.example.com, login: u, password: { env: PW } }
  smtp: { uri: { env: URI } }
variables:
  key: { env: KEY }
`
  )
  return dir
}

/** The values registered with ::add-mask::, unescaped as the runner does. */
function masked(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) =>
      line
        .slice('::add-mask::'.length)
        .replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%25/g, '%')
    )
}

function leaks(run: ActionRun): string[] {
  const visible = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  const places = {
    stdout: visible,
    summary: run.summary,
    outputs: JSON.stringify(run.outputs)
  }
  const forms = Object.values(CANARIES).flatMap((c) => [
    c,
    encodeURIComponent(c),
    ...c.split('\n')
  ])
  return Object.entries(places).flatMap(([where, text]) =>
    forms.filter((f) => text.includes(f)).map((f) => `${where}: ${f}`)
  )
}

test('plan, apply and drift through the Action: outputs, summary, and every secret masked', async () => {
  const dir = workspace()
  const env = { GITHUB_WORKSPACE: dir, ...CANARIES }
  const inputs = { 'vault-address': dev.url, 'vault-token': dev.rootToken }
  const plan = await runAction({ ...inputs, command: 'plan' }, env)
  expect(plan.exitCode).toBeUndefined()
  expect(plan.outputs.changed).toBe('true')
  expect(plan.summary).toContain(
    '**Plan:** 3 to create, 0 to update, 0 to delete, 0 unchanged.'
  )
  // Registered before any request: each line and the encoded forms too.
  const masks = masked(plan.stdout)
  for (const value of [
    CANARIES.PW,
    encodeURIComponent(CANARIES.PW),
    'first-line-canary',
    'second-line-canary',
    CANARIES.URI,
    dev.rootToken
  ]) {
    expect(masks).toContain(value)
  }

  const apply = await runAction({ ...inputs, command: 'apply' }, env)
  expect(apply.exitCode).toBeUndefined()
  expect(JSON.parse(apply.outputs.plan as string).vault.written).toBe(3)
  const drift = await runAction({ ...inputs, command: 'drift' }, env)
  expect(drift.outputs.drifted).toBe('false')
  expect(drift.summary).toContain('No drift')
  const validate = await runAction({ ...inputs, command: 'validate' }, env)
  expect(validate.outputs.ok).toBe('true')
  for (const run of [validate, plan, apply, drift])
    expect(leaks(run)).toEqual([])
})

test('drift fails the step unless fail-on-drift is false', async () => {
  const dir = workspace()
  const env = {
    GITHUB_WORKSPACE: dir,
    ...CANARIES,
    VAULT_ADDR: dev.url,
    VAULT_TOKEN: dev.rootToken
  }
  await runAction({ command: 'apply' }, env)
  await fetch(`${dev.url}/v1/airflow/data/variables/key`, {
    method: 'DELETE',
    headers: { 'X-Vault-Token': dev.rootToken }
  })
  const failing = await runAction({ command: 'drift' }, env)
  expect(failing.exitCode).toBe(1)
  expect(failing.outputs.drifted).toBe('true')
  expect(failing.summary).toContain('| deleted | variable | `key` |')
  const lenient = await runAction(
    { command: 'drift', 'fail-on-drift': 'false' },
    env
  )
  expect(lenient.exitCode).toBeUndefined()
  expect(lenient.outputs.drifted).toBe('true')
})

test('a Vault failure sets error-message and fails the step, without values', async () => {
  const dir = workspace()
  const env = { GITHUB_WORKSPACE: dir, ...CANARIES }
  const run = await runAction(
    {
      command: 'plan',
      'vault-address': 'http://127.0.0.1:9',
      'vault-token': 'x'
    },
    env
  )
  expect(run.exitCode).toBe(1)
  expect(run.outputs['error-message']).toContain('cannot reach Vault')
  expect(leaks(run)).toEqual([])
})

test('Astro through the Action: the kwargs secret and the token are masked, the summary lists Deployments', async () => {
  const { startAstroTestServer, SEED_IDS } =
    await import('../../devserver/astro/index.js')
  const astro = await startAstroTestServer()
  try {
    const dir = workspace()
    const secretId = 'k"w\\args-c4nary/secret'
    writeFileSync(
      path.join(dir, 'airflow-secrets.yaml'),
      `version: 1
vault: { mount: airflow }
variables: { a: b }
astro:
  deployments: [{ id: ${SEED_IDS.standard} }]
  backend_kwargs: { url: 'https://vault.example.com', auth_type: approle, role_id: r, secret_id: { env: SID } }
`
    )
    const run = await runAction(
      {
        command: 'apply',
        'vault-address': dev.url,
        'vault-token': dev.rootToken,
        'astro-api-token': astro.token,
        'astro-organization-id': astro.organizationId
      },
      { GITHUB_WORKSPACE: dir, SID: secretId, ASTRO_API_URL: astro.url }
    )
    expect(run.exitCode).toBeUndefined()
    const masks = masked(run.stdout)
    expect(masks).toContain(secretId)
    expect(masks).toContain(astro.token)
    expect(
      masks.some(
        (m) => m.startsWith('{"mount_point":"airflow"') && m.includes('c4nary')
      )
    ).toBe(true)
    expect(run.summary).toContain('### Astro Deployments')
    expect(run.summary).toContain('updated AIRFLOW__SECRETS__BACKEND (create)')
    const visible = run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    for (const text of [visible, run.summary, JSON.stringify(run.outputs)]) {
      expect(text).not.toContain('c4nary')
    }
  } finally {
    await astro.close()
  }
})

test('on a pull request, plan leaves one sticky comment with the plan, never a value', async () => {
  const { startGitHubStub } = await import('../helpers/github-stub.js')
  const stub = await startGitHubStub()
  try {
    const dir = workspace()
    const event = path.join(dir, 'event.json')
    writeFileSync(event, JSON.stringify({ pull_request: { number: 12 } }))
    const env = {
      GITHUB_WORKSPACE: dir,
      GITHUB_REPOSITORY: 'octo/data',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: stub.url,
      ...CANARIES
    }
    const inputs = {
      command: 'plan',
      'vault-address': dev.url,
      'vault-token': dev.rootToken,
      'github-token': 'gh-token',
      // Earlier tests applied the same secrets: this plan has no changes.
      'comment-on-pr': 'always'
    }
    await runAction(inputs, env)
    await runAction(inputs, env)
    const comments = stub.comments.get(12) ?? []
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('**Plan:**')
    for (const form of Object.values(CANARIES).flatMap((c) => [
      c,
      encodeURIComponent(c)
    ])) {
      expect(comments[0]?.body).not.toContain(form)
    }
  } finally {
    await stub.close()
  }
})
