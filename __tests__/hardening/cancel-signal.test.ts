/**
 * Issue #14 item 8: SIGTERM or SIGINT to a running apply (a cancelled CI
 * job) stops new requests, lets those in flight finish, revokes the login
 * token, and exits 143/130 with the usual account of what was written.
 * The real CLI, against a dev server slowed by its latency fault.
 */
import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import { enableAppRole } from '../leaks/project.js'
import { APPROLE_SECRET_ID } from '../leaks/canaries.js'
import { project } from '../sync/fixture.js'
import { spawnCli } from './real-cli.js'
import { startRedirector, type Redirector } from './servers.js'

const KEYS = 40
let vault: VaultDevServer
let front: Redirector
beforeEach(async () => {
  vault = await startVaultDevServer({
    mounts: [{ path: 'airflow', version: 2 }]
  })
  front = await startRedirector(vault.url, () => undefined)
})
afterEach(async () => {
  await front.close()
  await vault.close()
})

test.each([
  ['SIGTERM', 143],
  ['SIGINT', 130]
] as const)(
  '%s mid-apply: in-flight writes finish, the token is revoked, exit %i',
  async (signal, exit) => {
    const roleId = await enableAppRole(vault.url, vault.rootToken)
    const p = project(front.url, '')
    delete p.env.VAULT_TOKEN
    Object.assign(p.env, {
      VAULT_ROLE_ID: roleId,
      VAULT_SECRET_ID: APPROLE_SECRET_ID
    })
    const variables = Array.from(
      { length: KEYS },
      (_, i) => `  v${i}: value-${i}`
    )
    p.write(
      `version: 1\nvault: { mount: airflow }\nvariables:\n${variables.join('\n')}\n`
    )
    const run = spawnCli(
      ['apply', '-f', 'airflow-secrets.yaml', '--concurrency', '4'],
      {
        cwd: p.dir,
        env: p.env
      }
    )
    // Slow enough that the apply is still writing when the signal comes.
    vault.faults.set({ latencyMs: 150 })
    await until(() =>
      front.passed.some((l) => l.startsWith('POST /v1/airflow/data/variables/'))
    )
    run.child.kill(signal)
    const { code, stdout, stderr } = await run.done
    expect(stderr).toContain(`${signal}: stopping`)
    const applied =
      /Applied: (\d+) written, (\d+) failed, (\d+) not attempted/.exec(stdout)
    expect(applied).not.toBeNull()
    const [written, failed, skipped] = (applied ?? []).slice(1).map(Number)
    expect(failed).toBe(0)
    expect(skipped).toBeGreaterThan(0)
    expect((written ?? 0) + (skipped ?? 0)).toBe(KEYS)
    // Each write that started finished with its metadata.
    const data = front.passed.filter((l) =>
      l.startsWith('POST /v1/airflow/data/')
    )
    const meta = front.passed.filter((l) =>
      l.startsWith('POST /v1/airflow/metadata/')
    )
    expect(meta.length).toBe(data.length)
    expect(front.passed.at(-1)).toBe('POST /v1/auth/token/revoke-self 204')
    expect(code).toBe(exit)
  },
  60_000
)

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !done(); i++)
    await new Promise((resolve) => setTimeout(resolve, 25))
  if (!done()) throw new Error('the apply never started writing')
}
