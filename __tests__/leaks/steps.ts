/**
 * Set-up, faults and read-backs for the sync rows. A read-back proves the
 * run really sent the canaries (a canary never used proves nothing); an
 * echo check proves a server's error quoted the body and it reached output
 * redacted.
 */
import { SEED_IDS } from '../../devserver/astro/index.js'
import { quote } from '../../src/core/airflow/python-quote.js'
import { ENV_CANARIES, VAULT_SIDE } from './canaries.js'
import type { EntryRun } from './entries.js'
import type { RowContext } from './matrix.js'
import { readSecret, vault } from './project.js'

type Verify = (ctx: RowContext, run: EntryRun) => Promise<void>

export const applied = (ctx: RowContext): Promise<void> => ctx.setup('apply')

/** Values changed and added in Vault behind the manifest's back. */
export async function vaultSide(ctx: RowContext): Promise<void> {
  await applied(ctx)
  const login = `postgres://${VAULT_SIDE.login}:x@db.example.com:5432`
  for (const [key, data] of [
    ['variables/plain', { value: VAULT_SIDE.changed }],
    ['variables/unlisted', { value: VAULT_SIDE.unlisted }],
    // A login the manifest reads from env: its old value is a secret too.
    ['connections/db', { conn_uri: login }]
  ] as const) {
    await vault(ctx.servers, 'POST', `${ctx.mount}/data/${key}`, { data })
  }
}

export const echoVault =
  (under: string, status: number) =>
  (ctx: RowContext): void =>
    ctx.dev.faults.set({
      echoBodyPaths: [{ path: `${ctx.mount}/${under}`, status }]
    })

/** Every canary of the manifest is in Vault and in the Deployment. */
export async function allWritten(ctx: RowContext): Promise<void> {
  const read = (key: string): Promise<Record<string, string>> =>
    readSecret(ctx.servers, ctx.mount, key)
  expect((await read('variables/jsonish')).value).toBe(
    ENV_CANARIES.CANARY_JSONISH
  )
  expect((await read('variables/unicode')).value).toBe(
    ENV_CANARIES.CANARY_UNICODE
  )
  expect((await read('config/spaced')).value).toBe(ENV_CANARIES.CANARY_SPACED)
  const db = (await read('connections/db')).conn_uri
  expect(db).toContain(quote(ENV_CANARIES.CANARY_PW))
  expect(db).toContain('MIIpemtok8LineOne')
  expect((await read('connections/smtp')).conn_uri).toBe(
    ENV_CANARIES.CANARY_CONN_URI
  )
  await astroWritten(ctx, true)
}

/** Whether the Deployment now carries this run's kwargs secret. */
export async function astroWritten(
  ctx: RowContext,
  yes: boolean
): Promise<void> {
  const kwargs = ctx.astro.store
    .get(SEED_IDS.standard)
    ?.environmentVariables.find(
      (v) => v.key === 'AIRFLOW__SECRETS__BACKEND_KWARGS'
    )?.value
  const parsed = JSON.parse(kwargs ?? '{}') as Record<string, string>
  expect(parsed.mount_point === ctx.mount).toBe(yes)
  if (yes) expect(parsed.secret_id).toBe(ENV_CANARIES.CANARY_KWARGS)
  await Promise.resolve()
}

/**
 * The server's error, quoting what we sent, reached output; with `***`
 * where a secret was (a read sends no body, so there is none to redact).
 */
export const echoed =
  (said: string, ...more: Verify[]): Verify =>
  async (ctx, run) => {
    const all = Object.values(run.channels).join('\n')
    expect(all).toContain(said)
    if (!said.endsWith(':')) expect(all).toContain('***')
    for (const verify of more) await verify(ctx, run)
  }

/** Written before Vault refused the rest. */
export const spacedWritten = async (ctx: RowContext): Promise<void> => {
  const config = await readSecret(ctx.servers, ctx.mount, 'config/spaced')
  expect(config.value).toBe(ENV_CANARIES.CANARY_SPACED)
}

/** The run read Vault's side: db's login shows as changed, by name. */
export const loginChanged = async (
  _ctx: RowContext,
  run: EntryRun
): Promise<void> => {
  const all = Object.values(run.channels).join('\n')
  expect(all).toMatch(/db[^\n]*login|"key": ?"db"[\s\S]*?"login"/)
  await Promise.resolve()
}

/** connection_format json: the fields of the whole conn_uri, decoded. */
export const fieldsWritten = async (ctx: RowContext): Promise<void> => {
  const smtp = await readSecret(ctx.servers, ctx.mount, 'connections/smtp')
  expect(smtp.password).toBe('c4nary/uri!uritok5')
  expect(JSON.parse(smtp.extra ?? '{}')).toEqual({
    timeout: '10',
    token: 'qrytokF/xü'
  })
  const db = await readSecret(ctx.servers, ctx.mount, 'connections/db')
  expect(db.password).toBe(ENV_CANARIES.CANARY_PW)
}
