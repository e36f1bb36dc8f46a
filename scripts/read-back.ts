import { readFileSync } from 'node:fs'
import path from 'node:path'
import { validateManifest } from '../src/core/validate/validate.js'
import { vaultBackendPath } from '../src/core/vault-backend/lookup.js'
import { parseConnUri } from '../src/core/airflow/parse-conn-uri.js'
import type { CliRuntime } from '../src/cli/runtime.js'

/**
 * Looks every manifest entry up as VaultBackend would (the path composed
 * from its kwargs, `conn_uri` parsed with Airflow's rules) and prints what
 * Airflow would get, with credentials shown only as "set".
 */
export async function readBackAsAirflow(
  file: string,
  url: string,
  token: string,
  runtime: CliRuntime
): Promise<number> {
  const text = readFileSync(path.resolve(runtime.cwd, file), 'utf8')
  const manifest = validateManifest(text, {
    file,
    manifestDir: '.',
    repoRoot: '.'
  }).manifest
  if (!manifest) return 1
  const { vault } = manifest
  const kwargs = {
    mount_point: vault.mount,
    connections_path: vault.connections_path,
    variables_path: vault.variables_path,
    config_path: vault.config_path,
    kv_engine_version: vault.kv_version ?? 2
  }
  const entries = [
    ...Object.keys(manifest.connections).map((k) => ['connection', k] as const),
    ...Object.keys(manifest.variables).map((k) => ['variable', k] as const),
    ...Object.keys(manifest.config).map((k) => ['config', k] as const)
  ]
  let failures = 0
  for (const [kind, key] of entries) {
    const at = vaultBackendPath(kwargs, kind, key)
    if (at === null) continue
    const reply = await fetch(`${url}/v1/${at}`, {
      headers: { 'X-Vault-Token': token }
    })
    const body = (await reply.json()) as {
      data?: { data?: Record<string, unknown> }
    }
    const secret =
      kwargs.kv_engine_version === 2
        ? body.data?.data
        : (body.data as Record<string, unknown>)
    const shown = secret ? describe(kind, secret) : undefined
    if (!shown) failures++
    runtime.stdout(
      `  ${kind} ${key} (GET /v1/${at}): ${shown ?? `NOT READABLE (${reply.status})`}\n`
    )
  }
  return failures === 0 ? 0 : 1
}

function describe(
  kind: string,
  secret: Record<string, unknown>
): string | undefined {
  if (kind !== 'connection') {
    return typeof secret.value === 'string'
      ? `value set (${[...secret.value].length} characters)`
      : undefined
  }
  if (typeof secret.conn_uri !== 'string') return undefined
  const parsed = parseConnUri(secret.conn_uri)
  if (!parsed.ok) return undefined
  const f = parsed.fields
  const where = `${f.conn_type}://${f.host}${f.port === null ? '' : `:${f.port}`}${f.schema ? `/${f.schema}` : ''}`
  const extras = f.extra
    ? `, extra ${Object.keys(JSON.parse(f.extra) as object).join('/')}`
    : ''
  return `${where} (login ${f.login || '(none)'}, password ${f.password ? 'set' : 'none'}${extras})`
}
