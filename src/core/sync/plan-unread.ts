/**
 * The plan of a secret the token may not read (the plan identity, which
 * pull requests get): its fingerprint says unchanged or differs, or, when
 * there is none for the current version, the plan says it cannot compare.
 */
import type { Change } from './plan.js'
import type { KvRead } from './vault-state.js'

/** A secret this token may not read: its fingerprint says, or nothing does. */
export function unreadChange(
  base: Pick<Change, 'kind' | 'key' | 'path' | 'data'>,
  read: Extract<KvRead, { state: 'unread' }>,
  v2: boolean
): Change {
  const c = read.comparison
  if (c.verdict !== 'unknown') {
    if (c.verdict === 'differs') return differs(base, read.version, v2)
    return {
      ...base,
      action: 'unchanged',
      fields: [],
      cas: read.version,
      writeMarks: false
    }
  }
  return {
    ...base,
    action: 'update',
    fields: [{ field: 'cannot compare' }],
    cas: read.version,
    writeMarks: v2,
    note: `${c.reason}, and this token reads no values; apply compares it and writes only if it differs`,
    compared: false
  }
}

function differs(
  base: Pick<Change, 'kind' | 'key' | 'path' | 'data'>,
  version: number | undefined,
  v2: boolean
): Change {
  return {
    ...base,
    action: 'update',
    fields: [{ field: 'value (by fingerprint)' }],
    cas: version,
    writeMarks: v2,
    note: 'its fingerprint differs; which fields, only a token that reads values can tell'
  }
}
