import path from 'node:path'
import { runProvision } from '../../provision/run.js'
import {
  provisionExitCode,
  provisionJson
} from '../../core/provision/report.js'
import { renderProvisionText } from '../../core/render/provision-text.js'
import { printReport } from './print-report.js'
import { readManifestFile, validationInputs } from '../../io/manifest-file.js'
import { connectionFromEnv, connectionSecrets } from '../../io/vault-env.js'
import { astroFromEnv } from '../../io/astro-env.js'
import { urlCredentials } from '../../io/url-credentials.js'
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
    validate: validationInputs(manifest, runtime.env),
    connection,
    astro: astroFromEnv(runtime.env, (w) => warnings.push(w)),
    planOnly: options.plan,
    rotate: options.rotate,
    handOff
  })
  printReport(runtime, report, {
    json: options.json,
    toJson: provisionJson,
    toText: renderProvisionText,
    warnings,
    credentials: [
      ...connectionSecrets(connection),
      ...(runtime.env.ASTRO_API_TOKEN ? [runtime.env.ASTRO_API_TOKEN] : []),
      ...urlCredentials(runtime.env.ASTRO_API_URL)
    ]
  })
  return provisionExitCode(report)
}
