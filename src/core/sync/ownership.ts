import { TOOL_NAME } from '../../version.js'

/**
 * KV v2 custom_metadata written with each secret: how a later run knows
 * which secrets it owns, so prune never deletes what someone else wrote.
 * KV v1 has no metadata, so there ownership is unknown.
 */
export function ownershipMarks(manifestFile: string): Record<string, string> {
  return { 'managed-by': TOOL_NAME, manifest: manifestFile.slice(0, 512) }
}

export function isOwned(
  customMetadata: Record<string, string> | null | undefined,
  manifestFile: string
): boolean {
  const marks = ownershipMarks(manifestFile)
  return (
    customMetadata?.['managed-by'] === marks['managed-by'] &&
    customMetadata?.manifest === marks.manifest
  )
}
