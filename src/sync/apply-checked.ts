import type { Manifest } from '../core/manifest/schema.js'
import type { Change } from '../core/sync/plan.js'
import { ownershipMarks } from '../core/sync/ownership.js'
import { recordsFingerprints } from '../core/sync/fingerprint.js'
import {
  missingAccess,
  neededAccess,
  policyFor
} from '../core/sync/capabilities.js'
import type { VaultSession } from '../clients/vault/session.js'
import type { KvClient } from '../clients/vault/kv.js'
import { applyChanges, type ApplyOutcome } from './apply.js'
import { tokenLostMessage } from './failure-account.js'

/**
 * apply, after sys/capabilities-self said the token may do all of it: a
 * token short of one capability writes nothing and gets the policy that
 * would grant it. A token lost mid-run is said with the exact account.
 */
export async function applyChecked(
  session: VaultSession,
  kv: KvClient,
  changes: Change[],
  opts: { manifest: Manifest; file: string; concurrency: number }
): Promise<{ outcome?: ApplyOutcome; remoteError?: string }> {
  const { manifest } = opts
  const needed = neededAccess(
    changes,
    manifest.vault.mount,
    kv.version,
    manifest.vault.prune_mode
  )
  const missing = missingAccess(
    needed,
    await session.capabilities(needed.map((n) => n.path))
  )
  if (missing.length > 0) {
    return {
      remoteError:
        `this token cannot do what the plan needs; nothing was written. Missing:\n` +
        missing
          .map((m) => `  ${m.path}: ${m.capabilities.join(', ')}`)
          .join('\n') +
        `\nA policy that grants it:\n${policyFor(missing)}`
    }
  }
  const outcome = await applyChanges(kv, changes, {
    concurrency: opts.concurrency,
    marks: ownershipMarks(opts.file),
    fingerprints: recordsFingerprints(manifest),
    pruneMode: manifest.vault.prune_mode
  })
  const lost = session.tokenLost
  return {
    outcome,
    remoteError: lost
      ? tokenLostMessage(lost, outcome.written.length)
      : undefined
  }
}
