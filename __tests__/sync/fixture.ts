import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { cli, type CliRun } from '../helpers/cli.js'

/** A repository with one manifest, and the env a CI job would give it. */
export interface SyncProject {
  dir: string
  env: Record<string, string>
  write(manifest: string): void
  run(command: string, ...args: string[]): Promise<CliRun>
  json(command: string, ...args: string[]): Promise<SyncJson>
}

export interface SyncJson {
  command: string
  ok: boolean
  problems: Array<{ code: string; line: number }>
  error?: string
  vault?: {
    kv_version: number
    changes: Array<{
      kind: string
      key: string
      action: string
      fields: string[]
    }>
    written: number
    failed: Array<{ key: string; error: string }>
    not_attempted: string[]
    requests: number
    retries: number
    drift?: Array<{
      kind: string
      key: string
      drift: string
      fields: string[]
    }>
  }
  drift?: boolean
}

export const PASSWORD = 'Zq9@p/ss:w#rd%2F?+ ü'

export function manifestFor(mount: string, extra = ''): string {
  return `version: 1
vault:
  mount: ${mount}
connections:
  warehouse:
    conn_type: postgres
    host: db.example.com
    port: 5432
    login: airflow
    password: { env: WAREHOUSE_PASSWORD }
    schema: analytics
    extra: { sslmode: require }
  smtp_default:
    uri: { env: SMTP_URI }
variables:
  environment: production
  retries: 3
  flags: { beta: true }
config:
  sql_alchemy_conn: { env: DB_URI }
${extra}`
}

export function project(url: string, token: string): SyncProject {
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-sync-'))
  mkdirSync(path.join(dir, '.git'))
  const env: Record<string, string> = {
    VAULT_ADDR: url,
    VAULT_TOKEN: token,
    WAREHOUSE_PASSWORD: PASSWORD,
    SMTP_URI: 'smtp://alerts%40example.com:m41l%2Fpass@smtp.example.com:587',
    DB_URI: 'postgresql://airflow:db-secret-9@meta.example.com/airflow'
  }
  const run = (command: string, ...args: string[]): Promise<CliRun> =>
    cli([command, '-f', 'airflow-secrets.yaml', ...args], { cwd: dir, env })
  return {
    dir,
    env,
    write: (manifest) =>
      writeFileSync(path.join(dir, 'airflow-secrets.yaml'), manifest),
    run,
    json: async (command, ...args) =>
      JSON.parse((await run(command, '--json', ...args)).stdout) as SyncJson
  }
}
