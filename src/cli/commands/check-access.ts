import { runCheckAccess } from '../../provision/check-access.js'
import {
  checkAccessExitCode,
  checkAccessJson,
  renderCheckAccessText
} from '../../core/provision/access-report.js'
import { renderProblemsText } from '../../core/render/text.js'
import { makeRedactor } from '../../core/redact.js'
import { redactStrings } from '../../sync/secret-forms.js'
import { localValueSource, readManifestFile } from '../../io/manifest-file.js'
import { operatorConnection } from '../../io/operator-connection.js'
import { connectionSecrets } from '../../io/vault-env.js'
import type { CliRuntime } from '../runtime.js'

/** check-access: Airflow's identity reads what it must, and no more. */
export async function runCheckAccessCommand(
  options: { file: string; json: boolean },
  runtime: CliRuntime
): Promise<number> {
  const manifest = readManifestFile(options.file, runtime.cwd)
  const warnings: string[] = []
  const { connection, operator } = operatorConnection(runtime.env, (w) =>
    warnings.push(w)
  )
  const report = await runCheckAccess({
    text: manifest.text,
    validate: {
      file: manifest.display,
      manifestDir: manifest.directory,
      repoRoot: manifest.repoRoot,
      values: localValueSource(runtime.env, manifest.repoRoot)
    },
    connection,
    operator
  })
  const redact = makeRedactor([
    ...report.secrets,
    ...(operator ? connectionSecrets(connection) : [])
  ])
  for (const w of warnings) runtime.stderr(redact(`warning: ${w}\n`))
  const text = options.json
    ? JSON.stringify(redactStrings(checkAccessJson(report), redact), null, 2) +
      '\n'
    : (report.problems.length > 0
        ? renderProblemsText(report.manifestFile, report.problems)
        : '') + renderCheckAccessText(report)
  runtime.stdout(options.json ? text : redact(text))
  if (report.remoteError)
    runtime.stderr(redact(`error: ${report.remoteError}\n`))
  return checkAccessExitCode(report)
}
