import { UsageError } from './runtime.js'
import { strictParse } from './args-parse.js'
import type { CliCommand } from './args.js'

/** `uri parse 'URI'` and `uri build --conn-type …`. */
export function parseUri(args: readonly string[]): CliCommand {
  const [sub, ...rest] = args
  if (sub === 'parse') {
    const { values, positionals } = strictParse(
      rest,
      { json: { type: 'boolean' }, 'show-password': { type: 'boolean' } },
      true
    )
    if (positionals.length !== 1)
      throw new UsageError(
        "uri parse takes one URI, quoted: uri parse 'postgres://…'"
      )
    return {
      command: 'uri-parse',
      uri: positionals[0] as string,
      json: values.json === true,
      showPassword: values['show-password'] === true
    }
  }
  if (sub === 'build') return parseUriBuild(rest)
  throw new UsageError('uri takes a subcommand: parse or build')
}

function parseUriBuild(args: readonly string[]): CliCommand {
  const text = { type: 'string' } as const
  const { values: v } = strictParse(args, {
    'conn-type': text,
    host: text,
    port: text,
    login: text,
    password: text,
    'password-env': text,
    schema: text,
    extra: text,
    airflow: text,
    json: { type: 'boolean' }
  })
  const str = (k: string): string | undefined => v[k] as string | undefined
  const type = str('conn-type')
  if (!type) throw new UsageError('uri build needs --conn-type')
  const port = str('port')
  if (port !== undefined && !/^\d{1,5}$/.test(port))
    throw new UsageError('--port takes a number from 0 to 65535')
  const airflow = str('airflow') ?? '3'
  if (airflow !== '2' && airflow !== '3')
    throw new UsageError('--airflow takes 2 or 3')
  return {
    command: 'uri-build',
    json: v.json === true,
    airflow: airflow === '2' ? 2 : 3,
    fields: {
      conn_type: type,
      host: str('host'),
      port: port === undefined ? undefined : Number(port),
      login: str('login'),
      password: str('password'),
      passwordEnv: str('password-env'),
      schema: str('schema'),
      extra: str('extra')
    }
  }
}
