import type { Problem } from '../problems.js'

export interface JsonReport {
  command: string
  ok: boolean
  problems: Array<
    Pick<
      Problem,
      'severity' | 'code' | 'message' | 'file' | 'line' | 'column' | 'path'
    >
  >
  [section: string]: unknown
}

/** The `--json` shape; later commands add their own sections. */
export function jsonReport(
  command: string,
  problems: readonly Problem[],
  extra: Record<string, unknown> = {}
): JsonReport {
  return {
    command,
    ok: !problems.some((p) => p.severity === 'error'),
    problems: problems.map(
      ({ severity, code, message, file, line, column, path }) => ({
        severity,
        code,
        message,
        file,
        line,
        column,
        path
      })
    ),
    ...extra
  }
}
