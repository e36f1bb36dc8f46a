import {
  validateManifest,
  type ValidateOptions
} from '../core/validate/validate.js'
import type { ValueSource } from '../core/manifest/refs.js'
import { resolveValues } from '../core/sync/resolve.js'
import { desiredSecrets } from '../core/sync/desired.js'
import { planChanges } from '../core/sync/plan.js'
import { recordsFingerprints } from '../core/sync/fingerprint.js'
import { readablePaths } from './readable-paths.js'
import { detectDrift } from '../core/sync/drift.js'
import { VaultSession, type VaultConnection } from '../clients/vault/session.js'
import { KvClient } from '../clients/vault/kv.js'
import { VaultError } from '../clients/vault/transport.js'
import { TokenExpiredError } from '../clients/vault/token-keeper.js'
import { warning } from '../core/problems.js'
import { readVaultState } from './read-state.js'
import { kwargsJsonFor, syncAstro } from './astro.js'
import { astroConnection, type AstroEnv } from './astro-connection.js'
import { redactReport, urisWithSecrets } from './secret-forms.js'
import { connectionSecrets } from '../io/vault-env.js'
import { shownAddress } from '../core/render/address.js'
import { applyChecked } from './apply-checked.js'
import { astroAccount, tokenLostMessage } from './failure-account.js'
import type { SyncCommand, SyncReport } from './report.js'

export type { AstroEnv } from './astro-connection.js'

export interface SyncRequest {
  command: SyncCommand
  text: string
  validate: ValidateOptions & { values: ValueSource }
  connection: VaultConnection
  /**
   * Called with every value the run will send, before the first request:
   * the Action registers them with core.setSecret. Includes each conn_uri
   * that embeds one, since a URI carries the password percent-encoded.
   */
  onSecrets?: (secrets: string[]) => void
  /** Astro API settings, from the environment; used when astro: is set. */
  astro?: AstroEnv
  /** Overrides vault.prune (the Action's `prune` input). */
  prune?: boolean | 'all'
}

/**
 * plan, apply and drift: validate, read every value, then talk to Vault.
 * Nothing is written unless everything before the first write succeeded.
 */
export async function runSync(request: SyncRequest): Promise<SyncReport> {
  // Servers may quote what we sent them (a login body holds the
  // credentials): every text leaves redacted.
  const report = await sync(request)
  const astroToken = request.astro?.token
  return redactReport(report, [
    ...report.secrets,
    ...connectionSecrets(request.connection),
    ...(astroToken ? [astroToken] : [])
  ])
}

async function sync(request: SyncRequest): Promise<SyncReport> {
  const { command } = request
  const file = request.validate.file
  const validation = validateManifest(request.text, request.validate)
  const base: SyncReport = {
    command,
    manifestFile: file,
    problems: validation.problems,
    secrets: []
  }
  const manifest = validation.manifest
  if (!manifest || validation.problems.some((p) => p.severity === 'error'))
    return base
  if (request.prune !== undefined) manifest.vault.prune = request.prune
  const resolved = resolveValues(
    manifest,
    request.validate.manifestDir,
    request.validate.values
  )
  base.secrets = resolved.secrets
  if (resolved.problems.length > 0) {
    return {
      ...base,
      problems: [...base.problems, ...resolved.problems.map(validation.place)]
    }
  }
  const desired = desiredSecrets(manifest, resolved.read)
  const astro = astroConnection(manifest, request.astro)
  if ('problem' in astro) {
    return {
      ...base,
      problems: [...base.problems, validation.place(astro.problem)]
    }
  }
  request.onSecrets?.([
    ...resolved.secrets,
    ...urisWithSecrets(desired, resolved.secrets),
    // The kwargs JSON escapes what it holds; mask it whole, for either KV version.
    ...[1, 2].flatMap((v) => kwargsJsonFor(manifest, v as 1 | 2, resolved.read))
  ])
  let session: VaultSession | undefined
  try {
    // The manifest's namespace is where Airflow reads: it wins over the env.
    const namespace = manifest.vault.namespace ?? request.connection.namespace
    session = await VaultSession.open({ ...request.connection, namespace })
    const kvVersion = await session.detectKvVersion(
      manifest.vault.mount,
      manifest.vault.kv_version
    )
    const kv = new KvClient(session.http, manifest.vault.mount, kvVersion)
    const concurrency = request.connection.concurrency
    const needExtras = command === 'drift' || manifest.vault.prune !== false
    const state = await readVaultState(kv, manifest, desired, {
      concurrency,
      extras: needExtras && kvVersion === 2,
      readable: (paths) => readablePaths(session as VaultSession, kv, paths)
    })
    if (kvVersion === 1 && manifest.vault.prune === true) {
      base.problems.push(
        validation.place(
          warning(
            'prune-needs-kv2',
            ['vault', 'prune'],
            'KV v1 keeps no metadata, so this tool cannot tell which secrets it wrote: nothing is pruned. Use `prune: all` to prune every unlisted secret'
          )
        )
      )
    }
    const changes = planChanges(desired, state, {
      manifestFile: file,
      fingerprints: recordsFingerprints(manifest),
      prune: pruneFor(manifest.vault.prune, kvVersion)
    })
    const vault: NonNullable<SyncReport['vault']> = {
      address: shownAddress(request.connection.address),
      mount: manifest.vault.mount,
      kvVersion,
      changes,
      requests: 0,
      retries: 0,
      drift: command === 'drift' ? detectDrift(desired, state, file) : undefined
    }
    const report: SyncReport = { ...base, vault }
    if (command === 'apply') {
      const applied = await applyChecked(session, kv, changes, {
        manifest,
        file,
        concurrency
      })
      vault.outcome = applied.outcome
      report.remoteError = applied.remoteError
    }
    Object.assign(vault, session.http.stats)
    const vaultFailed =
      report.remoteError !== undefined ||
      (vault.outcome?.failed.length ?? 0) > 0
    if (astro.connection && !vaultFailed) {
      // After the secrets are in Vault, never before: the kwargs point there.
      report.astro = await syncAstro(
        manifest,
        kvVersion,
        resolved.read,
        command,
        astro.connection
      )
      report.remoteError = astroAccount(report.astro, command, vault.outcome)
    }
    return report
  } catch (cause) {
    if (!(cause instanceof VaultError)) throw cause
    // Expired before the first write: nothing was written.
    const message =
      cause instanceof TokenExpiredError
        ? tokenLostMessage(cause, 0)
        : cause.message
    return { ...base, remoteError: message }
  } finally {
    await session?.close()
  }
}

/**
 * KV v1 keeps no metadata, so ownership is unknown there: `prune: true`
 * would have to guess, and deletes nothing; `prune: all` is explicit.
 */
function pruneFor(prune: boolean | 'all', kvVersion: 1 | 2): boolean | 'all' {
  return kvVersion === 1 && prune === true ? false : prune
}
