import { runSync } from '../../sync/run.js'
import {
  reportJson,
  syncExitCode,
  type SyncCommand,
  type SyncReport
} from '../../sync/report.js'
import {
  renderChangesText,
  renderDriftText
} from '../../core/render/sync-text.js'
import { readManifestFile, validationInputs } from '../../io/manifest-file.js'
import { connectionFromEnv, connectionSecrets } from '../../io/vault-env.js'
import { astroFromEnv } from '../../io/astro-env.js'
import { urlCredentials } from '../../io/url-credentials.js'
import { renderAstroText } from '../../core/render/astro-text.js'
import type { CliRuntime } from '../runtime.js'
import { printReport } from './print-report.js'

export interface SyncOptions {
  command: SyncCommand
  file: string
  json: boolean
  concurrency: number
}

/** plan, apply and drift from the command line; output is redacted. */
export async function runSyncCommand(
  options: SyncOptions,
  runtime: CliRuntime
): Promise<number> {
  const manifest = readManifestFile(options.file, runtime.cwd)
  const warnings: string[] = []
  const connection = connectionFromEnv(
    runtime.env,
    { concurrency: options.concurrency },
    (w) => warnings.push(w)
  )
  const report = await runSync({
    command: options.command,
    text: manifest.text,
    validate: validationInputs(manifest, runtime.env),
    connection,
    astro: astroFromEnv(runtime.env, (w) => warnings.push(w))
  })
  printReport(runtime, report, {
    json: options.json,
    toJson: reportJson,
    toText: renderText,
    warnings,
    credentials: [
      ...connectionSecrets(connection),
      ...(runtime.env.ASTRO_API_TOKEN ? [runtime.env.ASTRO_API_TOKEN] : []),
      ...urlCredentials(runtime.env.ASTRO_API_URL)
    ]
  })
  return syncExitCode(report)
}

/** After the problems, which printReport puts first. */
function renderText(report: SyncReport): string {
  const parts: string[] = []
  const vault = report.vault
  if (!vault) return parts.join('')
  parts.push(
    `Vault ${vault.address}, mount ${vault.mount}/ (KV v${vault.kvVersion})\n`
  )
  parts.push(
    report.command === 'drift'
      ? renderDriftText(vault.drift ?? [])
      : renderChangesText(vault.changes)
  )
  const outcome = vault.outcome
  if (outcome) {
    parts.push(
      `Applied: ${outcome.written.length} written, ${outcome.failed.length} failed, ${outcome.skipped.length} not attempted.\n`
    )
    for (const f of outcome.failed)
      parts.push(`  failed ${f.kind} ${f.key}: ${f.error}\n`)
    for (const s of outcome.skipped)
      parts.push(`  not written ${s.kind} ${s.key}\n`)
  }
  if (vault.retries > 0)
    parts.push(`${vault.requests} requests, ${vault.retries} retried.\n`)
  if (vault.relogins || vault.renewals)
    parts.push(
      `Vault token: ${vault.relogins ?? 0} re-login(s), ${vault.renewals ?? 0} renewal(s) during the run.\n`
    )
  parts.push(renderAstroText(report.astro ?? []))
  return parts.join('')
}
