import path from 'node:path'
import { runCli } from '../../src/cli/main.js'

export const ROOT = path.resolve(import.meta.dirname, '../..')

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI in-process, as `airflow-vault-sync ARGS`, capturing output. */
export async function cli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text)
  })
  return { code, stdout, stderr }
}
