import * as core from '@actions/core'
import { runProvision } from '../provision/run.js'
import { runCheckAccess } from '../provision/check-access.js'
import {
  provisionChanges,
  provisionExitCode,
  provisionJson
} from '../core/provision/report.js'
import {
  checkAccessExitCode,
  checkAccessJson
} from '../core/provision/access-report.js'
import {
  renderCheckAccessMarkdown,
  renderProvisionMarkdown
} from '../core/render/provision-markdown.js'
import { renderProblemsMarkdown } from '../core/render/markdown.js'
import { validationInputs, type ManifestFile } from '../io/manifest-file.js'
import { connectionSecrets } from '../io/vault-env.js'
import { operatorConnection } from '../io/operator-connection.js'
import type { HandedCredentials } from '../provision/request.js'
import type { ActionSettings } from './inputs.js'
import { maskSecret } from './mask.js'
import { failStep, publishReport, warnStep } from './report.js'
import { maskedConnections } from './connections.js'

/**
 * provision and provision-plan. Without astro:, the new role_id and
 * secret_id become the masked outputs role-id and secret-id: registered
 * with the runner before they are set, so no later step can print them.
 */
export async function runProvisionStep(
  settings: ActionSettings,
  manifest: ManifestFile
): Promise<string> {
  const { connection, astro } = await maskedConnections(settings, 4)
  const report = await runProvision({
    text: manifest.text,
    validate: validationInputs(manifest, settings.vaultEnv, settings.workspace),
    connection,
    astro,
    planOnly: settings.command === 'provision-plan',
    rotate: settings.rotateSecretId,
    onSecrets: (secrets) => secrets.forEach(maskSecret),
    handOff: (c: HandedCredentials) => {
      maskSecret(c.roleId)
      maskSecret(c.secretId)
      core.setOutput('role-id', c.roleId)
      core.setOutput('secret-id', c.secretId)
      return `role_id and secret_id of role ${c.role} set as the step outputs role-id and secret-id (masked)`
    }
  })
  const summary =
    renderProblemsMarkdown(manifest.display, report.problems) +
    '\n' +
    renderProvisionMarkdown(report)
  publishReport(provisionJson(report), report.problems, summary)
  core.setOutput('changed', String(provisionChanges(report) > 0))
  const code = provisionExitCode(report)
  const why =
    report.remoteError ??
    (report.conflicts.length > 0
      ? `${report.conflicts.join('; ')}; nothing was written`
      : undefined)
  if (why) {
    failStep(why)
  } else if (code === 1) core.setFailed(`${manifest.display} has problems`)
  else if (code === 3)
    core.setFailed('some Deployments were not updated; see the summary')
  return summary
}

/** check-access: Airflow's identity, logged in once, proves its access. */
export async function runCheckAccessStep(
  settings: ActionSettings,
  manifest: ManifestFile
): Promise<string> {
  const { connection, operator } = operatorConnection(settings.vaultEnv, (w) =>
    warnStep(w)
  )
  if (operator) connectionSecrets(connection).forEach(maskSecret)
  const report = await runCheckAccess({
    text: manifest.text,
    validate: validationInputs(manifest, settings.vaultEnv, settings.workspace),
    connection,
    operator,
    onSecrets: (secrets) => secrets.forEach(maskSecret)
  })
  const summary =
    renderProblemsMarkdown(manifest.display, report.problems) +
    '\n' +
    renderCheckAccessMarkdown(report)
  publishReport(checkAccessJson(report), report.problems, summary)
  const code = checkAccessExitCode(report)
  if (report.remoteError) {
    failStep(report.remoteError)
  } else if (code !== 0) {
    core.setFailed(
      "Airflow's Vault identity does not have exactly the access it needs; see the summary"
    )
  }
  return summary
}
