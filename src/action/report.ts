import * as core from '@actions/core'
import type { Problem } from '../core/problems.js'
import { redactMasked } from './mask.js'
import { escapeLine } from '../core/render/escape-text.js'

/** GitHub shows at most 10 of each kind per step; the rest are dropped. */
const ANNOTATIONS_PER_KIND = 10
/** The job summary is refused above 1 MiB. */
export const MAX_SUMMARY_BYTES = 1024 * 1024

/**
 * The first errors and warnings become annotations on the manifest's lines,
 * so a pull request shows them in the diff; the summary lists them all.
 */
export function annotate(problems: readonly Problem[]): void {
  for (const severity of ['error', 'warning'] as const) {
    const emit = severity === 'error' ? core.error : core.warning
    problems
      .filter((p) => p.severity === severity)
      .slice(0, ANNOTATIONS_PER_KIND)
      .forEach((p) =>
        emit(oneLine(p.message), {
          title: p.code,
          file: p.file,
          startLine: p.line,
          startColumn: p.column
        })
      )
  }
}

/**
 * Written once, at the end, even on failure; a failed write only warns.
 * The runner masks the summary too, but a file is not a log: redact here.
 */
export async function writeSummary(summary: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const markdown = redactMasked(summary)
  const text =
    Buffer.byteLength(markdown) > MAX_SUMMARY_BYTES
      ? markdown.slice(0, MAX_SUMMARY_BYTES / 2) +
        '\n\n…cut: the summary is over GitHub’s 1 MiB limit.\n'
      : markdown
  try {
    await core.summary.addRaw(text).write()
  } catch (cause) {
    core.warning(`Failed to write the job summary: ${String(cause)}`)
  }
}

/**
 * What every command's step publishes: annotations for the problems, and
 * the outputs ok, plan (the JSON report), problems and summary.
 */
export function publishReport(
  json: Record<string, unknown>,
  problems: readonly Problem[],
  summary: string
): void {
  annotate(problems)
  core.setOutput('ok', String(json.ok))
  core.setOutput('plan', JSON.stringify(json))
  core.setOutput('problems', JSON.stringify(json.problems))
  core.setOutput('summary', summary)
}

/**
 * The Action's form of a message for the log, annotations and the
 * error-message output: redacted, and one line with every control
 * character escaped, whatever a server put in it.
 */
export function oneLine(text: string): string {
  return escapeLine(redactMasked(text))
}

/** Fails the step; `error-message` too, unless the problems say why. */
export function failStep(message: string, errorMessage = true): void {
  const line = oneLine(message)
  if (errorMessage) core.setOutput('error-message', line)
  core.setFailed(line)
}

/** A warning annotation, one line. */
export function warnStep(message: string): void {
  core.warning(oneLine(message))
}
