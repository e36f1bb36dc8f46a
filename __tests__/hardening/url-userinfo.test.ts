/**
 * Issue #14 item 3: credentials inside VAULT_ADDR / ASTRO_API_URL are
 * never printed: not in text, JSON, the summary or the outputs. The
 * address is shown without them, and the Action masks them.
 */
import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import {
  SEED_IDS,
  startAstroTestServer,
  type AstroTestServer
} from '../../devserver/astro/index.js'
import { runAction } from '../helpers/action.js'
import { manifestFor, project } from '../sync/fixture.js'

const PASSWORD = 'url-pa55w0rd'
const ASTRO_PASSWORD = 'astro-pa55w0rd'
let vault: VaultDevServer
let astro: AstroTestServer
beforeEach(async () => {
  vault = await startVaultDevServer({
    mounts: [{ path: 'airflow', version: 2 }]
  })
  astro = await startAstroTestServer()
})
afterEach(async () => {
  await vault.close()
  await astro.close()
})

const withUser = (url: string, password: string): string =>
  url.replace('://', `://ops:${password}@`)

function astroProject(): ReturnType<typeof project> {
  const p = project(withUser(vault.url, PASSWORD), vault.rootToken)
  Object.assign(p.env, {
    ASTRO_API_URL: withUser(astro.url, ASTRO_PASSWORD),
    ASTRO_API_TOKEN: astro.token
  })
  p.write(
    manifestFor('airflow') +
      `astro:
  organization_id: ${astro.organizationId}
  deployments: [{ id: ${SEED_IDS.standard} }]
  backend_kwargs: { url: https://vault.example.com:8200, token: { env: ASTRO_API_TOKEN } }
`
  )
  return p
}

test.each([[[]], [['--json']]])(
  'the CLI shows the addresses without their userinfo (%j)',
  async (args) => {
    const p = astroProject()
    const run = await p.run('apply', ...args)
    const out = run.stdout + run.stderr
    expect(out).not.toContain(PASSWORD)
    expect(out).not.toContain(ASTRO_PASSWORD)
    expect(out).not.toContain('ops:')
    expect(out).toContain(vault.url)
    expect(run.code).toBe(0)
  }
)

test('the Action masks the userinfo and shows the address without it', async () => {
  const p = astroProject()
  const run = await runAction(
    {
      command: 'apply',
      manifest: 'airflow-secrets.yaml',
      'vault-address': p.env.VAULT_ADDR ?? '',
      'vault-token': vault.rootToken,
      'astro-api-token': astro.token
    },
    { ...p.env, GITHUB_WORKSPACE: p.dir }
  )
  expect(run.stdout).toContain(`::add-mask::ops:${PASSWORD}`)
  expect(run.stdout).toContain(`::add-mask::${PASSWORD}`)
  expect(run.stdout).toContain(`::add-mask::${ASTRO_PASSWORD}`)
  const shown = [
    run.summary,
    ...Object.values(run.outputs),
    run.stdout.replace(/^::add-mask::.*$/gm, '')
  ].join('\n')
  expect(shown).not.toContain(PASSWORD)
  expect(shown).not.toContain(ASTRO_PASSWORD)
  expect(run.summary).toContain(`Vault \`${vault.url}\``)
  expect(run.exitCode).toBeUndefined()
})
