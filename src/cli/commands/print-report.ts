import { makeRedactor } from '../../core/redact.js'
import type { Problem } from '../../core/problems.js'
import { renderProblemsText } from '../../core/render/text.js'
import { escapeLine } from '../../core/render/escape-text.js'
import { redactStrings } from '../../sync/secret-forms.js'
import type { CliRuntime } from '../runtime.js'

export interface Printable {
  manifestFile: string
  problems: Problem[]
  remoteError?: string
  secrets: string[]
}

/**
 * A report on stdout, as JSON or as problems then text, with warnings and
 * the remote error on stderr; every line redacted of the run's secrets.
 * JSON is redacted string by string, so a secret that is a word such as
 * `true` cannot break it.
 */
export function printReport<R extends Printable>(
  runtime: CliRuntime,
  report: R,
  out: {
    json: boolean
    toJson: (report: R) => Record<string, unknown>
    toText: (report: R) => string
    warnings: readonly string[]
    credentials: readonly string[]
  }
): void {
  const redact = makeRedactor([...report.secrets, ...out.credentials])
  for (const w of out.warnings) runtime.stderr(redact(`warning: ${w}\n`))
  runtime.stdout(
    out.json
      ? JSON.stringify(redactStrings(out.toJson(report), redact), null, 2) +
          '\n'
      : redact(
          (report.problems.length > 0
            ? renderProblemsText(report.manifestFile, report.problems)
            : '') + out.toText(report)
        )
  )
  if (report.remoteError)
    runtime.stderr(`error: ${escapeLine(redact(report.remoteError))}\n`)
}
