import * as core from '@actions/core'

/** Input names in one place, as action.yml declares them. */
export const Inputs = {
  Command: 'command',
  Manifest: 'manifest'
} as const

export const COMMANDS = ['validate'] as const
export type ActionCommand = (typeof COMMANDS)[number]

/** Everything the Action was asked to do, parsed once. */
export interface ActionSettings {
  command: ActionCommand
  manifest: string
  /** The runner's checkout: file references may not leave it. */
  workspace: string
}

export class InputError extends Error {}

export function getSettings(env: NodeJS.ProcessEnv): ActionSettings {
  const command = core.getInput(Inputs.Command) || 'validate'
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new InputError(
      `Invalid command '${command}'. Expected one of: ${COMMANDS.join(', ')}.`
    )
  }
  return {
    command: command as ActionCommand,
    manifest: core.getInput(Inputs.Manifest) || 'airflow-secrets.yaml',
    workspace: env.GITHUB_WORKSPACE || process.cwd()
  }
}
