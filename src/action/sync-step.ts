import * as core from '@actions/core'
import { getOctokit } from '@actions/github'
import { githubPlace } from './github-context.js'
import { upsertPlanComment } from './pr-comment.js'
import { syncDriftIssue } from './drift-issue.js'
import { runSync } from '../sync/run.js'
import { reportJson, syncExitCode, type SyncReport } from '../sync/report.js'
import {
  renderChangesMarkdown,
  renderDriftMarkdown
} from '../core/render/sync-markdown.js'
import { renderProblemsMarkdown } from '../core/render/markdown.js'
import { validationInputs, type ManifestFile } from '../io/manifest-file.js'
import { renderAstroMarkdown } from '../core/render/astro-markdown.js'
import type { ActionSettings } from './inputs.js'
import { maskedConnections } from './connections.js'
import { maskSecret } from './mask.js'
import { failStep, publishReport } from './report.js'
import { mdCode, mdText } from '../core/render/escape-markdown.js'

/** Rows per table in the summary: far under GitHub's 1 MiB. */
const MAX_ROWS = 1000

/** plan, apply or drift; returns the summary markdown. */
export async function runSyncStep(
  settings: ActionSettings,
  manifest: ManifestFile
): Promise<string> {
  const command = settings.command as 'plan' | 'apply' | 'drift'
  const { connection, astro } = await maskedConnections(
    settings,
    settings.concurrency
  )
  const report = await runSync({
    command,
    text: manifest.text,
    validate: validationInputs(manifest, settings.vaultEnv, settings.workspace),
    connection,
    astro,
    prune: settings.prune,
    onSecrets: (secrets) => secrets.forEach(maskSecret)
  })
  const json = reportJson(report)
  const changed = (report.vault?.changes ?? []).some(
    (c) => c.action !== 'unchanged'
  )
  const drifted = (report.vault?.drift?.length ?? 0) > 0
  const summary = renderSummary(report, manifest.display)
  publishReport(json, report.problems, summary)
  core.setOutput('changed', String(changed))
  core.setOutput('drifted', String(drifted))
  await reportOnGitHub(settings, manifest.display, summary, {
    changed,
    drifted
  })
  const code = syncExitCode(report)
  if (report.remoteError) {
    failStep(report.remoteError)
  } else if (code === 1 && !(command === 'drift' && !settings.failOnDrift)) {
    core.setFailed(
      command === 'drift'
        ? 'drift found between the manifest and Vault'
        : `${manifest.display} has problems`
    )
  } else if ((report.vault?.outcome?.failed.length ?? 0) > 0) {
    core.setFailed('some secrets were not written; see the summary')
  }
  return summary
}

function renderSummary(report: SyncReport, file: string): string {
  const parts = [renderProblemsMarkdown(file, report.problems, MAX_ROWS)]
  const vault = report.vault
  if (vault) {
    parts.push(
      `Vault ${mdCode(vault.address, false)}, mount ${mdCode(`${vault.mount}/`, false)} (KV v${vault.kvVersion})`
    )
    parts.push(
      report.command === 'drift'
        ? renderDriftMarkdown(vault.drift ?? [], MAX_ROWS)
        : renderChangesMarkdown(vault.changes, MAX_ROWS)
    )
    const outcome = vault.outcome
    if (outcome) {
      parts.push(
        `**Applied:** ${outcome.written.length} written, ${outcome.failed.length} failed, ${outcome.skipped.length} not attempted.`
      )
      for (const f of outcome.failed)
        parts.push(`- ❌ ${f.kind} ${mdCode(f.key, false)}: ${mdText(f.error)}`)
    }
  }
  if (report.astro && report.astro.length > 0)
    parts.push(renderAstroMarkdown(report.astro))
  if (report.remoteError) parts.push(`❌ ${mdText(report.remoteError)}`)
  return parts.join('\n\n') + '\n'
}

/** The sticky plan comment on a PR, and the drift issue, when asked for. */
async function reportOnGitHub(
  settings: ActionSettings,
  manifest: string,
  summary: string,
  state: { changed: boolean; drifted: boolean }
): Promise<void> {
  const wantsComment =
    settings.command !== 'drift' && settings.commentOnPr !== 'never'
  const wantsIssue = settings.command === 'drift' && settings.driftIssue
  if (!wantsComment && !wantsIssue) return
  const place = githubPlace(settings.vaultEnv)
  if (!place || !settings.githubToken) {
    core.info('No repository or github-token: no PR comment or drift issue.')
    return
  }
  // @actions/github reads GITHUB_API_URL once, at import; GHES and tests
  // need the value of this run.
  const octokit = getOctokit(settings.githubToken, {
    baseUrl: settings.vaultEnv.GITHUB_API_URL || 'https://api.github.com'
  })
  if (wantsComment) {
    await upsertPlanComment(octokit, place, manifest, summary, {
      mode: settings.commentOnPr,
      changed: state.changed
    })
  } else {
    await syncDriftIssue(octokit, place, manifest, summary, state.drifted)
  }
}
