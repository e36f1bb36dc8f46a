/**
 * The example manifest, provisioned and applied into one Vault-API server
 * for one KV version and connection_format, as an operator and CI would
 * run it. What comes back is the BACKEND_KWARGS the Astro test server's
 * Deployment holds afterwards, with `url` pointed at the server under test
 * (the example's url is a public address): Airflow's side of the hand-over.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse, stringify } from 'yaml'
import { startAstroTestServer } from '../../../devserver/astro/index.js'
import { EXAMPLE_VALUES } from '../../../scripts/example-values.js'
import { cli, ROOT } from '../../helpers/cli.js'
import { storedKwargs, DEPLOYMENTS } from '../../provision/fixture.js'
import { Client, str, uniq } from '../../vault-devserver/helpers/target.js'

export type ConnectionFormat = 'uri' | 'json'
export const EXAMPLE = path.join(ROOT, 'examples', 'airflow-secrets.yaml')

export interface VaultUnderTest {
  name: 'dev server' | 'OpenBao'
  url: string
  rootToken: string
}

export interface AppliedExample {
  server: VaultUnderTest['name']
  kv: 1 | 2
  format: ConnectionFormat
  /** Exactly the Deployment's AIRFLOW__SECRETS__BACKEND_KWARGS, but `url`. */
  approle: Record<string, unknown>
  /** The same, logging in with a token of the reader policy instead. */
  token: Record<string, unknown>
  /** What `validate` told the user about this manifest, values known. */
  problems: Array<{ severity: string; code: string; path: string }>
}

interface ExampleYaml {
  vault: Record<string, unknown>
  astro: {
    backend_kwargs: Record<string, unknown>
    deployments: Array<Record<string, unknown>>
  }
  provision?: unknown
}

/** The example with this run's mount, KV version, format and provision:. */
function manifestFor(
  kv: 1 | 2,
  format: ConnectionFormat
): {
  text: string
  reader: string
} {
  const m = parse(readFileSync(EXAMPLE, 'utf8')) as ExampleYaml
  Object.assign(m.vault, {
    mount: uniq('airflow'),
    kv_version: kv,
    connection_format: format
  })
  // provision hands each Deployment its role_id and secret_id, so the
  // manifest must not name them (README, "Provision").
  delete m.astro.backend_kwargs.role_id
  delete m.astro.backend_kwargs.secret_id
  for (const d of m.astro.deployments) delete d.backend_kwargs
  const reader = uniq('airflow-reader')
  m.provision = { reader_policy: reader, approle: { mount: uniq('approle') } }
  return { text: stringify(m), reader }
}

export async function applyExample(
  vault: VaultUnderTest,
  kv: 1 | 2,
  format: ConnectionFormat
): Promise<AppliedExample> {
  const astro = await startAstroTestServer()
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-readback-'))
  try {
    mkdirSync(path.join(dir, '.git'))
    cpSync(path.join(ROOT, 'examples', 'keys'), path.join(dir, 'keys'), {
      recursive: true
    })
    const { text, reader } = manifestFor(kv, format)
    writeFileSync(path.join(dir, 'airflow-secrets.yaml'), text)
    const env = {
      ...EXAMPLE_VALUES,
      VAULT_ADDR: vault.url,
      VAULT_TOKEN: vault.rootToken,
      ASTRO_API_URL: astro.url,
      ASTRO_API_TOKEN: astro.token
    }
    const validated = await cli(
      ['validate', '-f', 'airflow-secrets.yaml', '--json'],
      { cwd: dir, env }
    )
    const { problems } = JSON.parse(validated.stdout) as {
      problems: AppliedExample['problems']
    }
    for (const command of ['provision', 'apply']) {
      const run = await cli([command, '-f', 'airflow-secrets.yaml'], {
        cwd: dir,
        env
      })
      if (run.code !== 0)
        throw new Error(
          `${command} into the ${vault.name} failed (${run.code}):\n${run.stderr}`
        )
    }
    const pushed = storedKwargs(astro, DEPLOYMENTS[0] as string)
    const approle: Record<string, unknown> = { ...pushed, url: vault.url }
    const created = await new Client(vault.url, vault.rootToken).post(
      'auth/token/create',
      { policies: [reader], ttl: '1h' }
    )
    const {
      role_id: _r,
      secret_id: _s,
      auth_mount_point: _m,
      ...rest
    } = approle
    const token = {
      ...rest,
      auth_type: 'token',
      token: str(created.body, 'auth.client_token')
    }
    return { server: vault.name, kv, format, approle, token, problems }
  } finally {
    await astro.close()
  }
}
