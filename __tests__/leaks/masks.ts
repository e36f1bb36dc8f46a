/**
 * The Action's side of the contract: the runner masks only what it was
 * told about, so each value the run sends (each line of a multi-line one)
 * must be registered with ::add-mask:: before the first request leaves.
 */
import { MIN_REDACTED_LENGTH } from '../../src/core/redact.js'
import type { Canary } from './canaries.js'
import type { EntryRun } from './entries.js'
import type { Auth } from './project.js'

/** Values a run of the full manifest sends: not the Vault-side or bad ones. */
function sent(canaries: readonly Canary[], auth: Auth): Canary[] {
  const unused = [
    'CANARY_BAD_URI',
    auth === 'token' ? 'APPROLE_SECRET_ID' : 'VAULT_TOKEN'
  ]
  return canaries.filter(
    (c) => !unused.includes(c.name) && !c.name.startsWith('VAULT_SIDE')
  )
}

/** Each sent value and line long enough to mask, registered before use. */
export function expectMaskedFirst(
  run: EntryRun,
  canaries: readonly Canary[],
  auth: Auth
): void {
  const early = new Set(
    run.masks.filter((m) => m.requestsBefore === 0).map((m) => m.value)
  )
  const missing = sent(canaries, auth).flatMap((c) =>
    [c.value, ...c.value.split(/\r?\n/)]
      .filter((v) => v.length >= MIN_REDACTED_LENGTH && !early.has(v))
      .map((v) => `${c.name}: ${JSON.stringify(v)}`)
  )
  expect(missing).toEqual([])
}
