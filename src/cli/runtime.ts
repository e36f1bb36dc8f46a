/**
 * Everything the CLI touches of the outside world, passed in so tests can run
 * it in-process with captured output and a chosen environment.
 */
export interface CliRuntime {
  cwd: string
  env: NodeJS.ProcessEnv
  stdout(text: string): void
  stderr(text: string): void
}

export function processRuntime(): CliRuntime {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text)
  }
}

/** Thrown for a wrong command line; the CLI prints it with the usage hint. */
export class UsageError extends Error {}
