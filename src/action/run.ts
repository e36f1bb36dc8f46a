import * as core from '@actions/core'
import path from 'node:path'
import { validateManifest } from '../core/validate/validate.js'
import { jsonReport } from '../core/render/json.js'
import { renderProblemsMarkdown } from '../core/render/markdown.js'
import { countBySeverity } from '../core/problems.js'
import {
  validationInputs,
  ManifestReadError,
  readManifestFile,
  type ManifestFile
} from '../io/manifest-file.js'
import { TOOL_NAME } from '../version.js'
import { getSettings, type ActionSettings } from './inputs.js'
import { annotate, oneLine, writeSummary } from './report.js'
import { mdCode, mdText } from '../core/render/escape-markdown.js'
import { redactMasked } from './mask.js'
import { setRequestLog } from '../clients/net/request-log.js'
import { escapeLine } from '../core/render/escape-text.js'

/** The Action's one entry: settings, the core, then outputs and reports. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let summary = `## ${TOOL_NAME}\n\n`
  // Request lines and status codes (never headers or bodies) as ::debug::,
  // which the runner shows with step debug logging on.
  if (env.RUNNER_DEBUG === '1' || env.AIRFLOW_VAULT_SYNC_DEBUG)
    setRequestLog((line) => core.debug(redactMasked(escapeLine(line))))
  try {
    const settings = getSettings(env)
    const manifest = readManifestFile(settings.manifest, settings.workspace)
    summary += `${mdCode(settings.command, false)} of ${mdCode(manifest.display, false)}\n\n`
    summary += await runStep(settings, manifest)
  } catch (cause) {
    // One failure path for every throw, an Error or not.
    // Masks registered so far apply: a thrown text may quote a server.
    const message = redactMasked(
      cause instanceof ManifestReadError
        ? `${cause.message} (set the \`manifest\` input)`
        : cause instanceof Error
          ? cause.message
          : String(cause)
    )
    summary += `❌ ${mdText(message)}\n`
    core.setOutput('ok', 'false')
    core.setOutput('error-message', oneLine(message))
    if (cause instanceof Error && cause.stack)
      core.debug(redactMasked(cause.stack))
    core.setFailed(oneLine(`${TOOL_NAME} failed: ${message}`))
  } finally {
    setRequestLog(undefined)
    await writeSummary(summary)
  }
}

/**
 * Loaded on demand: validate and a failing start skip the Vault, Astro and
 * GitHub clients, which are most of the bundle.
 */
async function runStep(
  settings: ActionSettings,
  manifest: ManifestFile
): Promise<string> {
  switch (settings.command) {
    case 'validate':
      return validateStep(settings, manifest)
    case 'provision':
    case 'provision-plan':
      return (await import('./provision-step.js')).runProvisionStep(
        settings,
        manifest
      )
    case 'check-access':
      return (await import('./provision-step.js')).runCheckAccessStep(
        settings,
        manifest
      )
    default:
      return (await import('./sync-step.js')).runSyncStep(settings, manifest)
  }
}

function validateStep(
  settings: ActionSettings,
  manifest: ManifestFile
): string {
  const { problems } = validateManifest(
    manifest.text,
    validationInputs(
      manifest,
      settings.vaultEnv,
      path.resolve(settings.workspace)
    )
  )
  annotate(problems)
  const report = jsonReport(settings.command, problems)
  core.setOutput('ok', String(report.ok))
  core.setOutput('problems', JSON.stringify(report.problems))
  const { errors, warnings } = countBySeverity(problems)
  if (errors > 0) {
    core.setFailed(
      `${manifest.display}: ${errors} error(s), ${warnings} warning(s)`
    )
  } else {
    core.info(`${manifest.display}: valid (${warnings} warning(s))`)
  }
  return renderProblemsMarkdown(manifest.display, problems)
}
