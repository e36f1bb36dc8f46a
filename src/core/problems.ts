/**
 * Problems are data: every check returns them, and the front ends render
 * them as text, JSON, annotations or a job summary. A problem never carries
 * a secret value, only where it is and what to do.
 */
export type Severity = 'error' | 'warning'

export interface SourceLocation {
  file: string
  /** 1-based, as editors and GitHub annotations count. */
  line: number
  column: number
}

export interface Problem extends SourceLocation {
  code: string
  severity: Severity
  message: string
  /** Dotted path into the manifest, such as `connections.warehouse.port`. */
  path: string
}

/** A problem before it is placed in a file: checks speak in manifest paths. */
export interface PathProblem {
  code: string
  severity: Severity
  message: string
  path: readonly (string | number)[]
  /** Point at the key itself rather than its value (unknown keys, ids). */
  atKey?: boolean
}

export function error(
  code: string,
  path: readonly (string | number)[],
  message: string,
  atKey = false
): PathProblem {
  return { code, severity: 'error', message, path, atKey }
}

export function warning(
  code: string,
  path: readonly (string | number)[],
  message: string,
  atKey = false
): PathProblem {
  return { code, severity: 'warning', message, path, atKey }
}

export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number'
        ? `[${part}]`
        : /^[A-Za-z0-9_-]+$/.test(part)
          ? `${index === 0 ? '' : '.'}${part}`
          : `[${JSON.stringify(part)}]`
    )
    .join('')
}

/** Errors first, then by line, so the first screen shows what blocks. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.code.localeCompare(b.code)
  )
}

export function countBySeverity(problems: readonly Problem[]): {
  errors: number
  warnings: number
} {
  const errors = problems.filter((p) => p.severity === 'error').length
  return { errors, warnings: problems.length - errors }
}
