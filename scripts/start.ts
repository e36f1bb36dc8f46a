// `npm start`: the main job on the embedded defaults. A Vault dev server
// starts in-process with an `airflow` KV v2 mount, and an Astro API test
// server with the example's Deployments; the example manifest is planned
// and applied with example values for its references (secrets into Vault,
// then the secrets backend onto each Deployment); every secret is read back
// the way Airflow's VaultBackend reads it; drift shows clean.
import { startVaultDevServer } from '../devserver/vault/index.js'
import { startAstroTestServer } from '../devserver/astro/index.js'
import { runCli } from '../src/cli/main.js'
import type { CliRuntime } from '../src/cli/runtime.js'
import { readBackAsAirflow } from './read-back.js'
import { EXAMPLE_VALUES } from './example-values.js'

const MANIFEST = 'examples/airflow-secrets.yaml'
const vault = await startVaultDevServer({
  mounts: [{ path: 'airflow', version: 2 }]
})
const astro = await startAstroTestServer()
const runtime: CliRuntime = {
  cwd: process.cwd(),
  // The embedded run ignores the caller's VAULT_* on purpose: it must never
  // write the example into a real Vault.
  env: {
    ...EXAMPLE_VALUES,
    VAULT_ADDR: vault.url,
    VAULT_TOKEN: vault.rootToken,
    ASTRO_API_URL: astro.url,
    ASTRO_API_TOKEN: astro.token
  },
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text)
}
const step = (title: string): void =>
  void process.stdout.write(`\n== ${title}\n`)

let code = 0
try {
  process.stdout.write(
    `Vault dev server on ${vault.url} and Astro API test server on ${astro.url} (in memory, both stop at the end)\n`
  )
  for (const command of ['plan', 'apply'] as const) {
    step(`airflow-vault-sync ${command} -f ${MANIFEST}`)
    code ||= await runCli([command, '-f', MANIFEST], runtime)
  }
  step('Reading every secret back the way Airflow’s VaultBackend does')
  code ||= await readBackAsAirflow(
    MANIFEST,
    vault.url,
    vault.rootToken,
    runtime
  )
  step(`airflow-vault-sync drift -f ${MANIFEST}`)
  code ||= await runCli(['drift', '-f', MANIFEST], runtime)
} finally {
  await vault.close()
  await astro.close()
}
process.stdout.write(
  code === 0 ? '\nAll steps succeeded.\n' : `\nA step failed (exit ${code}).\n`
)
process.exitCode = code
