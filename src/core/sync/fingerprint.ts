/**
 * A fingerprint of each secret apply writes, kept in its KV v2
 * custom_metadata, so plan can say "unchanged" or "differs" without
 * reading the value: the plan identity (which pull requests get) reads
 * metadata only. Anyone who can read metadata sees it, and values may be
 * weak passwords, so it is the Astro fingerprint's slow salted scrypt
 * (core/astro/fingerprint.ts), with a random salt per write: equal values
 * never look equal, and a guess costs tens of milliseconds.
 *
 * The mark names the version it was made for: a version written by anyone
 * else (or a lost metadata write) leaves it stale, and plan then says it
 * cannot compare instead of trusting it.
 */
import { randomBytes } from 'node:crypto'
import { FINGERPRINT_VERSION, slowKeyAsync } from '../astro/fingerprint.js'
import { canonicalData } from './changed-fields.js'
import type { Manifest } from '../manifest/schema.js'

export const FINGERPRINT_KEY = 'fingerprint'

/**
 * Recorded when the manifest provisions the plan role (github_jwt), the
 * identity that needs them: each costs ~35 ms of CPU per written secret,
 * which a manifest of thousands without that role should not pay.
 */
export function recordsFingerprints(manifest: Manifest): boolean {
  return manifest.provision?.github_jwt !== undefined
}

interface Mark {
  version: number
  salt: string
  key: string
}

const saltFor = (salt: string): string => `airflow-vault-sync:secret:${salt}`

/** `v1:<secret version>:<salt>:<scrypt key>`, for custom_metadata. */
export async function fingerprintMark(
  data: Record<string, unknown>,
  secretVersion: number
): Promise<string> {
  const salt = randomBytes(16).toString('base64url')
  const key = await slowKeyAsync(canonicalData(data), saltFor(salt))
  return [FINGERPRINT_VERSION, secretVersion, salt, key].join(':')
}

function parseMark(text: string | undefined): Mark | undefined {
  const parts = text?.split(':') ?? []
  if (parts.length !== 4 || parts[0] !== FINGERPRINT_VERSION) return undefined
  const version = Number(parts[1])
  if (!Number.isInteger(version)) return undefined
  return { version, salt: parts[2] ?? '', key: parts[3] ?? '' }
}

/** Whether the metadata holds a fingerprint of exactly this version. */
export function hasCurrentMark(
  customMetadata: Record<string, string> | null | undefined,
  version: number | undefined
): boolean {
  const mark = parseMark(customMetadata?.[FINGERPRINT_KEY])
  return mark !== undefined && mark.version === version
}

export type Comparison =
  { verdict: 'same' | 'differs' } | { verdict: 'unknown'; reason: string }

/** The desired value against the fingerprint of the current version. */
export async function compareByMark(
  data: Record<string, unknown>,
  customMetadata: Record<string, string> | null | undefined,
  version: number
): Promise<Comparison> {
  const mark = parseMark(customMetadata?.[FINGERPRINT_KEY])
  if (!mark)
    return {
      verdict: 'unknown',
      reason:
        'no fingerprint yet: apply records one with each write when the manifest has provision.github_jwt'
    }
  if (mark.version !== version)
    return {
      verdict: 'unknown',
      reason: `version ${version} was not written by this tool`
    }
  const key = await slowKeyAsync(canonicalData(data), saltFor(mark.salt))
  return { verdict: key === mark.key ? 'same' : 'differs' }
}
