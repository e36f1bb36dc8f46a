import { runCheckAccess } from '../../provision/check-access.js'
import {
  checkAccessExitCode,
  checkAccessJson,
  renderCheckAccessText
} from '../../core/provision/access-report.js'
import { printReport } from './print-report.js'
import { readManifestFile, validationInputs } from '../../io/manifest-file.js'
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
    validate: validationInputs(manifest, runtime.env),
    connection,
    operator
  })
  printReport(runtime, report, {
    json: options.json,
    toJson: checkAccessJson,
    toText: renderCheckAccessText,
    warnings,
    credentials: operator ? connectionSecrets(connection) : []
  })
  return checkAccessExitCode(report)
}
