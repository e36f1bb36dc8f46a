import { UsageError } from './runtime.js'
import { strictParse } from './args-parse.js'
import { parseUri } from './args-uri.js'

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
