import path from 'node:path'
import { runProvision } from '../../provision/run.js'
import {
  provisionExitCode,
  provisionJson
} from '../../core/provision/report.js'
import { renderProvisionText } from '../../core/render/provision-text.js'
import { renderProblemsText } from '../../core/render/text.js'
import { makeRedactor } from '../../core/redact.js'
import { redactStrings } from '../../sync/secret-forms.js'
import { localValueSource, readManifestFile } from '../../io/manifest-file.js'
import { connectionFromEnv, connectionSecrets } from '../../io/vault-env.js'
import { astroFromEnv } from '../../io/astro-env.js'
import { credentialsFileWriter } from '../../io/credentials-file.js'
import type { CliRuntime } from '../runtime.js'

export interface ProvisionOptions {
  file: string
  json: boolean
  plan: boolean
  rotate: boolean
  credentialsFile?: string
}

/** provision from the command line, with an operator's admin token. */
export async function runProvisionCommand(
  options: ProvisionOptions,
  runtime: CliRuntime
): Promise<number> {
  const manifest = readManifestFile(options.file, runtime.cwd)
  const warnings: string[] = []
  const connection = connectionFromEnv(runtime.env, { concurrency: 4 }, (w) =>
    warnings.push(w)
  )
  const handOff = options.credentialsFile
    ? credentialsFileWriter(
        path.resolve(runtime.cwd, options.credentialsFile),
        manifest.repoRoot,
        (w) => warnings.push(w)
      )
    : undefined
  const report = await runProvision({
    text: manifest.text,
    validate: {
      file: manifest.display,
      manifestDir: manifest.directory,
      repoRoot: manifest.repoRoot,
      values: localValueSource(runtime.env, manifest.repoRoot)
    },
    connection,
    astro: astroFromEnv(runtime.env),
    planOnly: options.plan,
    rotate: options.rotate,
    handOff
  })
  const redact = makeRedactor([
    ...report.secrets,
    ...connectionSecrets(connection),
    ...(runtime.env.ASTRO_API_TOKEN ? [runtime.env.ASTRO_API_TOKEN] : [])
  ])
  for (const w of warnings) runtime.stderr(redact(`warning: ${w}\n`))
  const text = options.json
    ? JSON.stringify(redactStrings(provisionJson(report), redact), null, 2) +
      '\n'
    : (report.problems.length > 0
        ? renderProblemsText(report.manifestFile, report.problems)
        : '') + renderProvisionText(report)
  runtime.stdout(options.json ? text : redact(text))
  if (report.remoteError)
    runtime.stderr(redact(`error: ${report.remoteError}\n`))
  return provisionExitCode(report)
}
