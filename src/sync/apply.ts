import { isCasConflict, type KvClient } from '../clients/vault/kv.js'
import { VaultError } from '../clients/vault/transport.js'
import { TokenExpiredError } from '../clients/vault/token-keeper.js'
import type { Change } from '../core/sync/plan.js'
import { sameData } from '../core/sync/changed-fields.js'
import { mapLimit } from './pool.js'
import { FINGERPRINT_KEY, fingerprintMark } from '../core/sync/fingerprint.js'

export interface ApplyOutcome {
  written: Array<{ kind: string; key: string; path: string }>
  failed: Array<{ kind: string; key: string; path: string; error: string }>
  /** Not attempted: Vault became unreachable, or the token expired. */
  skipped: Array<{ kind: string; key: string; path: string }>
}

/**
 * Writes only what the plan says differs. A failure does not hide the
 * others' results; Vault going away stops new writes, and the outcome
 * lists exactly what was and was not written, so a rerun converges.
 */
export async function applyChanges(
  kv: KvClient,
  changes: readonly Change[],
  options: {
    concurrency: number
    marks: Record<string, string>
    /** Add a fingerprint of the value written to its marks. */
    fingerprints?: boolean
    pruneMode: 'soft' | 'destroy'
  }
): Promise<ApplyOutcome> {
  const work = changes.filter((c) => c.action !== 'unchanged' || c.writeMarks)
  const outcome: ApplyOutcome = { written: [], failed: [], skipped: [] }
  const done = new Set<Change>()
  await mapLimit(work, options.concurrency, async (change, stop) => {
    const who = { kind: change.kind, key: change.key, path: change.path }
    try {
      if (change.action === 'delete') {
        await kv.remove(change.path, options.pruneMode)
      } else {
        const version =
          change.action === 'unchanged'
            ? change.cas
            : await writeData(kv, change)
        if (change.writeMarks && kv.version === 2)
          await kv.writeMetadata(change.path, {
            ...options.marks,
            // What plan compares when it may not read values.
            ...(options.fingerprints
              ? {
                  [FINGERPRINT_KEY]: await fingerprintMark(
                    change.data ?? {},
                    version ?? 0
                  )
                }
              : {})
          })
      }
      outcome.written.push(who)
    } catch (cause) {
      outcome.failed.push({ ...who, error: describeFailure(cause) })
      if (
        cause instanceof TokenExpiredError ||
        (cause instanceof VaultError &&
          (cause.status === undefined || cause.status === 503))
      )
        stop()
    } finally {
      done.add(change)
    }
  })
  outcome.skipped = work
    .filter((c) => !done.has(c))
    .map((c) => ({ kind: c.kind, key: c.key, path: c.path }))
  return outcome
}

/**
 * A write whose answer was lost (a reset connection) is retried; if the
 * first attempt had landed, check-and-set now refuses the retry. Reading
 * the secret back tells the two apart: our own data means it is written
 * (no second version); anything else is a real conflict. Returns the
 * version written, for its fingerprint.
 */
async function writeData(
  kv: KvClient,
  change: Change
): Promise<number | undefined> {
  const data = change.data ?? {}
  try {
    return await kv.write(change.path, data, change.cas)
  } catch (cause) {
    if (!isCasConflict(cause)) throw cause
    const now = await kv.read(change.path)
    if (now.state !== 'present' || !sameData(now.data, data)) throw cause
    return now.version
  }
}

function describeFailure(cause: unknown): string {
  if (isCasConflict(cause)) {
    return 'changed in Vault after the plan read it (check-and-set conflict); not overwritten: review it and run again'
  }
  return cause instanceof Error ? cause.message : String(cause)
}
