import {
  validateManifest,
  type ValidationResult
} from '../core/validate/validate.js'
import { resolveValues } from '../core/sync/resolve.js'
import type { Manifest } from '../core/manifest/schema.js'
import type { ValueRef } from '../core/manifest/value-ref.js'
import type { Problem } from '../core/problems.js'
import type { ProvisionRequest } from './request.js'

export interface Prepared {
  manifest: Manifest
  read: (ref: ValueRef) => string
  place: ValidationResult['place']
}

/**
 * Validation, then only the Astro kwargs' references: provision and
 * check-access never need the connections' secrets, so the operator need
 * not hold them. Problems go into `report`; undefined means stop.
 */
export function prepare(
  request: Pick<ProvisionRequest, 'text' | 'validate' | 'onSecrets'>,
  report: { problems: Problem[]; secrets: string[] }
): Prepared | undefined {
  const validation = validateManifest(request.text, request.validate)
  report.problems = validation.problems
  const manifest = validation.manifest
  if (!manifest || report.problems.some((p) => p.severity === 'error'))
    return undefined
  const resolved = resolveValues(
    manifest,
    request.validate.manifestDir,
    request.validate.values,
    (path) => path[0] === 'astro'
  )
  report.secrets = resolved.secrets
  if (resolved.problems.length > 0) {
    report.problems.push(...resolved.problems.map(validation.place))
    return undefined
  }
  request.onSecrets?.(resolved.secrets)
  return { manifest, read: resolved.read, place: validation.place }
}
