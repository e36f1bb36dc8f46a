import { countBySeverity, type Problem } from '../problems.js'

/** `file:line:col severity code message`, the shape editors and CI parse. */
export function renderProblemLine(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.code} ${problem.message}`
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** The one-line count that closes every text report. */
export function renderCount(
  file: string,
  problems: readonly Problem[]
): string {
  const { errors, warnings } = countBySeverity(problems)
  if (errors === 0 && warnings === 0) return `${file}: no problems`
  return `${file}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
}

export function renderProblemsText(
  file: string,
  problems: readonly Problem[]
): string {
  return (
    [...problems.map(renderProblemLine), renderCount(file, problems)].join(
      '\n'
    ) + '\n'
  )
}
