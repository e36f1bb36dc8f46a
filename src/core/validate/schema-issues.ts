import type { z } from 'zod'
import { error, type PathProblem } from '../problems.js'
import { didYouMean } from './suggest.js'
import {
  describeActual,
  describeExpected,
  objectKeysAt,
  schemasAt
} from './schema-walk.js'

type Issue = z.core.$ZodIssue
type Path = (string | number)[]

/** Turns zod's issues into problems a person can act on. */
export function schemaProblems(
  root: z.ZodType,
  issues: readonly Issue[],
  data: unknown
): PathProblem[] {
  return issues.flatMap((issue) => translate(root, issue, [], data))
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[segment]
  }
  return current
}

function translate(
  root: z.ZodType,
  issue: Issue,
  prefix: Path,
  data: unknown
): PathProblem[] {
  const path = [...prefix, ...(issue.path as Path)]
  const value = valueAt(data, path)
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = objectKeysAt(root, path)
      return issue.keys.map((key) =>
        error(
          'schema-unknown-key',
          [...path, key],
          `unknown key ${JSON.stringify(key)}; ${didYouMean(key, known) || `expected one of ${known.join(', ')}`}`,
          true
        )
      )
    }
    case 'invalid_union':
      return unionProblems(root, issue, path, data, value)
    case 'invalid_type':
      return [typeProblem(root, path, value)]
    case 'invalid_value':
      // Only enums and literals (version, kv_version, …) get here: never a
      // secret, so the value itself can be shown.
      return [typeProblem(root, path, value, true)]
    case 'too_small':
    case 'too_big':
      return [error('schema-invalid-value', path, boundMessage(issue))]
    default:
      return [error('schema-invalid-value', path, issue.message)]
  }
}

/**
 * For a mapping where a union allows one, show the errors of the object
 * branch that came closest (a `{ evn: X }` typo), not "Invalid input".
 */
function unionProblems(
  root: z.ZodType,
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: Path,
  data: unknown,
  value: unknown
): PathProblem[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const objectBranches = issue.errors.filter(
      (branch) =>
        !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0)
    )
    const best = [...objectBranches].sort((a, b) => a.length - b.length)[0]
    // An unknown key explains the missing one (`evn` for `env`): say it once.
    const unknown = best?.filter((i) => i.code === 'unrecognized_keys')
    const shown = unknown && unknown.length > 0 ? unknown : best
    if (shown) return shown.flatMap((i) => translate(root, i, path, data))
  }
  const literals = issue.errors.every((branch) =>
    branch.every((i) => i.code === 'invalid_value')
  )
  return [typeProblem(root, path, value, literals)]
}

function typeProblem(
  root: z.ZodType,
  path: Path,
  value: unknown,
  showValue = false
): PathProblem {
  const expected = schemasAt(root, path).map(describeExpected).join(', or ')
  if (path.length === 1 && path[0] === 'version') {
    return value === undefined
      ? error(
          'version-missing',
          [],
          'add `version: 1` at the top of the manifest'
        )
      : error(
          'version-unsupported',
          path,
          `version ${JSON.stringify(value)} is not supported; this tool reads version 1`
        )
  }
  if (value === undefined) {
    const key = String(path[path.length - 1])
    return error(
      'schema-missing-key',
      path.slice(0, -1),
      `missing required key ${JSON.stringify(key)} (${expected})`
    )
  }
  return error(
    'schema-invalid-type',
    path,
    `expected ${expected || 'another value'}, got ${showValue ? JSON.stringify(value) : describeActual(value)}`
  )
}

function boundMessage(issue: Issue): string {
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return `needs at least ${String(issue.minimum)} item(s)`
  }
  if (issue.code === 'too_small' && issue.origin === 'string') {
    return 'must not be empty'
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const side = issue.code === 'too_small' ? 'at least' : 'at most'
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum
    return `must be ${side} ${String(bound)}`
  }
  return issue.message
}
