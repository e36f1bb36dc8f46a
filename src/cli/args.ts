import { parseArgs } from 'node:util'
import { UsageError } from './runtime.js'

export const DEFAULT_MANIFEST = 'airflow-secrets.yaml'

export type CliCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'validate'; file: string; json: boolean }
  | { command: 'schema' }
  | {
      command: 'plan' | 'apply' | 'drift'
      file: string
      json: boolean
      concurrency: number
    }
  | {
      command: 'provision'
      file: string
      json: boolean
      plan: boolean
      rotate: boolean
      credentialsFile?: string
    }
  | { command: 'check-access'; file: string; json: boolean }
  | { command: 'uri-parse'; uri: string; json: boolean; showPassword: boolean }
  | {
      command: 'uri-build'
      json: boolean
      airflow: 2 | 3
      fields: UriBuildFields
    }

export interface UriBuildFields {
  conn_type: string
  host?: string
  port?: number
  login?: string
  password?: string
  passwordEnv?: string
  schema?: string
  extra?: string
}

/** Parses argv once into a typed command; every mistake is a UsageError. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv
  if (
    command === undefined ||
    command === 'help' ||
    command === '--help' ||
    command === '-h'
  ) {
    return { command: 'help' }
  }
  if (command === '--version' || command === 'version')
    return { command: 'version' }
  switch (command) {
    case 'validate':
      return parseValidate(rest)
    case 'plan':
    case 'apply':
    case 'drift':
      return parseSync(command, rest)
    case 'provision':
      return parseProvision(rest)
    case 'check-access':
      return { ...fileAndJson(rest), command: 'check-access' }
    case 'schema':
      strictParse(rest, {})
      return { command: 'schema' }
    case 'uri':
      return parseUri(rest)
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}`)
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options']

function strictParse(
  args: readonly string[],
  options: Options,
  allowPositionals = false
): {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
} {
  try {
    const parsed = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals
    })
    return {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals
    }
  } catch (cause) {
    throw new UsageError(
      (cause as Error).message.split('\n')[0] ?? String(cause)
    )
  }
}

function fileAndJson(args: readonly string[]): { file: string; json: boolean } {
  const { values } = strictParse(args, {
    file: { type: 'string', short: 'f' },
    json: { type: 'boolean' }
  })
  return {
    file: (values.file as string | undefined) ?? DEFAULT_MANIFEST,
    json: values.json === true
  }
}

function parseValidate(args: readonly string[]): CliCommand {
  const { values } = strictParse(args, {
    file: { type: 'string', short: 'f' },
    json: { type: 'boolean' }
  })
  return {
    command: 'validate',
    file: (values.file as string | undefined) ?? DEFAULT_MANIFEST,
    json: values.json === true
  }
}

function parseProvision(args: readonly string[]): CliCommand {
  const { values } = strictParse(args, {
    file: { type: 'string', short: 'f' },
    json: { type: 'boolean' },
    plan: { type: 'boolean' },
    'rotate-secret-id': { type: 'boolean' },
    'credentials-file': { type: 'string' }
  })
  const credentialsFile = values['credentials-file'] as string | undefined
  if (credentialsFile === '')
    throw new UsageError('--credentials-file needs a path')
  return {
    command: 'provision',
    file: (values.file as string | undefined) ?? DEFAULT_MANIFEST,
    json: values.json === true,
    plan: values.plan === true,
    rotate: values['rotate-secret-id'] === true,
    credentialsFile
  }
}

function parseSync(
  command: 'plan' | 'apply' | 'drift',
  args: readonly string[]
): CliCommand {
  const { values } = strictParse(args, {
    file: { type: 'string', short: 'f' },
    json: { type: 'boolean' },
    concurrency: { type: 'string' }
  })
  const raw = (values.concurrency as string | undefined) ?? '16'
  const concurrency = Number(raw)
  if (!/^\d+$/.test(raw) || concurrency < 1 || concurrency > 256) {
    throw new UsageError('--concurrency takes a number from 1 to 256')
  }
  return {
    command,
    file: (values.file as string | undefined) ?? DEFAULT_MANIFEST,
    json: values.json === true,
    concurrency
  }
}

function parseUri(args: readonly string[]): CliCommand {
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
