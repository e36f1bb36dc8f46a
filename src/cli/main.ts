import { z } from 'zod'
import { ExitCode } from '../core/exit-code.js'
import { manifestJsonSchema } from '../core/manifest/json-schema.js'
import { ManifestReadError } from '../io/manifest-file.js'
import { TOOL_NAME, VERSION } from '../version.js'
import { parseCliArgs } from './args.js'
import { runValidate } from './commands/validate.js'
import { runSyncCommand } from './commands/sync.js'
import { runProvisionCommand } from './commands/provision.js'
import { runCheckAccessCommand } from './commands/check-access.js'
import { SettingsError } from '../io/vault-env.js'
import { runUriBuild, runUriParse } from './commands/uri.js'
import { UsageError, type CliRuntime } from './runtime.js'
import { HELP } from './help.js'
import { debugWanted, startDebugLog } from './debug-log.js'
import { escapeTerminal } from '../core/render/escape-text.js'

/**
 * Every byte the CLI prints passes escapeTerminal: a server's text or a
 * key cannot send a terminal escape, or start a line a runner would take
 * for a workflow command (the CLI never means to send one).
 */
function escapedOutput(runtime: CliRuntime): CliRuntime {
  return {
    ...runtime,
    stdout: (text) => runtime.stdout(escapeTerminal(text)),
    stderr: (text) => runtime.stderr(escapeTerminal(text))
  }
}

/** Runs one command and returns its exit code; never calls process.exit. */
export async function runCli(
  argv: readonly string[],
  given: CliRuntime
): Promise<number> {
  const runtime = escapedOutput(given)
  const stopDebugLog = startDebugLog(runtime)
  try {
    const command = parseCliArgs(argv)
    switch (command.command) {
      case 'help':
        runtime.stdout(HELP)
        return ExitCode.Ok
      case 'version':
        runtime.stdout(`${TOOL_NAME} ${VERSION}\n`)
        return ExitCode.Ok
      case 'validate':
        return runValidate(command, runtime)
      case 'plan':
      case 'apply':
      case 'drift':
        return await runSyncCommand(command, runtime)
      case 'provision':
        return await runProvisionCommand(command, runtime)
      case 'check-access':
        return await runCheckAccessCommand(command, runtime)
      case 'schema':
        runtime.stdout(JSON.stringify(manifestJsonSchema(), null, 2) + '\n')
        return ExitCode.Ok
      case 'uri-parse':
        return runUriParse(command, runtime)
      case 'uri-build':
        return runUriBuild(command, runtime)
    }
  } catch (cause) {
    return failure(cause, runtime)
  } finally {
    stopDebugLog()
  }
}

function failure(cause: unknown, runtime: CliRuntime): number {
  if (cause instanceof UsageError) {
    runtime.stderr(
      `${TOOL_NAME}: ${cause.message}\nRun '${TOOL_NAME} --help' for usage.\n`
    )
    return ExitCode.Usage
  }
  if (cause instanceof ManifestReadError) {
    runtime.stderr(`${TOOL_NAME}: ${cause.message} (the manifest is -f FILE)\n`)
    return ExitCode.Usage
  }
  if (cause instanceof SettingsError) {
    runtime.stderr(`${TOOL_NAME}: ${cause.message}\n`)
    return ExitCode.Usage
  }
  if (cause instanceof z.ZodError) {
    runtime.stderr(`${TOOL_NAME}: unexpected answer: ${cause.message}\n`)
    return ExitCode.Remote
  }
  const message = cause instanceof Error ? cause.message : String(cause)
  runtime.stderr(`${TOOL_NAME}: ${message}\n`)
  if (debugWanted(runtime.env) && cause instanceof Error && cause.stack) {
    runtime.stderr(cause.stack + '\n')
  }
  return ExitCode.Remote
}
