import type { Problem } from './problems.js'

/** One meaning per code, the same for the CLI and the Action's outputs. */
export const ExitCode = {
  Ok: 0,
  /** Problems in the manifest, or drift found. */
  Problems: 1,
  /** The command line itself is wrong, or the manifest cannot be read. */
  Usage: 2,
  /** Vault or Astro failed; what was and was not written is reported. */
  Remote: 3
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** Warnings inform; only errors fail a check. */
export function exitCodeForProblems(problems: readonly Problem[]): ExitCode {
  return problems.some((p) => p.severity === 'error')
    ? ExitCode.Problems
    : ExitCode.Ok
}
