import { parseConnUri } from '../../core/airflow/parse-conn-uri.js'
import { buildConnUri } from '../../core/airflow/build-conn-uri.js'
import { ExitCode } from '../../core/exit-code.js'
import type { UriBuildFields } from '../args.js'
import { UsageError, type CliRuntime } from '../runtime.js'

/** Shows what Airflow makes of a URI, field by field. */
export function runUriParse(
  options: { uri: string; json: boolean; showPassword: boolean },
  runtime: CliRuntime
): ExitCode {
  const result = parseConnUri(options.uri)
  if (!result.ok) {
    runtime.stdout(
      options.json ? JSON.stringify({ error: result.message }) + '\n' : ''
    )
    if (!options.json)
      runtime.stderr(`error ${result.code}: ${result.message}\n`)
    return ExitCode.Problems
  }
  const fields = result.fields
  if (options.json) {
    // The user typed this URI on their own command line: JSON gives the
    // fields back whole, as `uri parse` promises, for scripts to use.
    runtime.stdout(JSON.stringify(fields, null, 2) + '\n')
  } else {
    for (const [key, value] of Object.entries(fields)) {
      runtime.stdout(`${key.padEnd(9)} ${showField(key, value, options)}\n`)
    }
  }
  for (const note of result.notes)
    runtime.stderr(`warning ${note.code}: ${note.message}\n`)
  return ExitCode.Ok
}

/** The password stays hidden on screen unless the user asks for it. */
function showField(
  key: string,
  value: unknown,
  options: { showPassword: boolean }
): string {
  if (value === null) return '(none)'
  if (key === 'password' && !options.showPassword) {
    const length = [...String(value)].length
    return `******** (${length} characters; --show-password to see it)`
  }
  return JSON.stringify(value)
}

/** Builds the canonical conn_uri, percent-encoding every part as Airflow. */
export function runUriBuild(
  options: { json: boolean; airflow: 2 | 3; fields: UriBuildFields },
  runtime: CliRuntime
): ExitCode {
  const f = options.fields
  let extra: Record<string, unknown> | null = null
  if (f.extra !== undefined) {
    try {
      extra = JSON.parse(f.extra) as Record<string, unknown>
    } catch {
      throw new UsageError(
        '--extra takes a JSON object, such as \'{"sslmode": "require"}\''
      )
    }
    if (extra === null || typeof extra !== 'object' || Array.isArray(extra)) {
      throw new UsageError(
        '--extra takes a JSON object, not another JSON value'
      )
    }
  }
  const password =
    f.passwordEnv !== undefined ? runtime.env[f.passwordEnv] : f.password
  if (f.passwordEnv !== undefined && password === undefined) {
    throw new UsageError(
      `--password-env ${f.passwordEnv}: the variable is not set`
    )
  }
  const uri = buildConnUri(
    {
      conn_type: f.conn_type,
      host: f.host ?? null,
      port: f.port ?? null,
      login: f.login ?? null,
      password: password ?? null,
      schema: f.schema ?? null,
      extra
    },
    { airflow: options.airflow }
  )
  runtime.stdout(options.json ? JSON.stringify({ uri }) + '\n' : uri + '\n')
  return ExitCode.Ok
}
