import path from 'node:path'
import { error, type PathProblem } from '../../problems.js'
import { isInside, refFilePath, type RefLocation } from '../../manifest/refs.js'
import { ENV_NAME } from '../../manifest/value-ref.js'

/**
 * A reference must be resolvable on any runner: a valid variable name, or a
 * file that stays in the repository (a `../../etc/passwd` would be read by
 * CI and sent to Vault).
 */
export function refProblems(
  refs: readonly RefLocation[],
  manifestDir: string,
  repoRoot: string
): PathProblem[] {
  return refs.flatMap(({ path: at, ref }): PathProblem[] => {
    if ('env' in ref) {
      return ENV_NAME.test(ref.env)
        ? []
        : [
            error(
              'env-name-invalid',
              [...at, 'env'],
              `${JSON.stringify(ref.env)} is not a valid environment variable name; use letters, digits and '_', not starting with a digit`
            )
          ]
    }
    if (path.isAbsolute(ref.file)) {
      return [
        error(
          'file-ref-absolute',
          [...at, 'file'],
          'file references are relative to the manifest; give a path inside the repository'
        )
      ]
    }
    if (!isInside(repoRoot, refFilePath(manifestDir, ref))) {
      return [
        error(
          'file-ref-escapes-repo',
          [...at, 'file'],
          `${JSON.stringify(ref.file)} leads outside the repository; keep referenced files inside it`
        )
      ]
    }
    return []
  })
}
