import path from 'node:path'
import { error, type PathProblem } from '../../problems.js'
import {
  isInside,
  refFilePath,
  type FileIssue,
  type RefLocation,
  type ValueSource
} from '../../manifest/refs.js'
import { ENV_NAME } from '../../manifest/value-ref.js'

/**
 * A reference must be resolvable on any runner: a valid variable name, or a
 * file that stays in the repository (a `../../etc/passwd` would be read by
 * CI and sent to Vault).
 */
export function refProblems(
  refs: readonly RefLocation[],
  manifestDir: string,
  repoRoot: string,
  /** When given, each file is checked on disk too (never opened). */
  source?: ValueSource
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
    const target = refFilePath(manifestDir, ref)
    const issue: FileIssue | undefined = !isInside(repoRoot, target)
      ? { kind: 'outside' }
      : path.relative(repoRoot, target).split(path.sep).includes('.git')
        ? { kind: 'in-git' }
        : source?.fileIssue?.(target)
    return issue ? [fileProblem(issue, ref.file, [...at, 'file'])] : []
  })
}

/** The file's name and kind only: a problem never quotes its content. */
function fileProblem(
  issue: FileIssue,
  file: string,
  at: (string | number)[]
): PathProblem {
  const name = JSON.stringify(file)
  switch (issue.kind) {
    case 'outside':
      return error(
        'file-ref-escapes-repo',
        at,
        `${name} leads outside the repository; keep referenced files inside it`
      )
    case 'in-git':
      return error(
        'file-ref-in-git',
        at,
        `${name} is under .git/, which holds the checkout's credentials (actions/checkout keeps its token in .git/config); it is never read`
      )
    case 'not-found':
      return error(
        'file-ref-not-found',
        at,
        `${name} does not exist; create it before this step (an earlier CI step may write it), or fix the path (relative to the manifest)`
      )
    case 'not-regular':
      return error(
        'file-ref-not-regular',
        at,
        `${name} is ${issue.detail ?? 'not a regular file'}; only a regular file is read`
      )
    case 'too-large':
      return error(
        'file-ref-too-large',
        at,
        `${name} is ${issue.detail ?? 'over the limit'}; raise AIRFLOW_VAULT_SYNC_MAX_FILE_BYTES if it is meant to be that large`
      )
    case 'unreadable':
      return error(
        'file-ref-unreadable',
        at,
        `${name} cannot be read (${issue.detail ?? 'error'})`
      )
  }
}
