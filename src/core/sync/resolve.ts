import type { Manifest } from '../manifest/schema.js'
import { collectRefs, readRef, type ValueSource } from '../manifest/refs.js'
import { describeRef, type ValueRef } from '../manifest/value-ref.js'
import { error, type PathProblem } from '../problems.js'

export interface Resolved {
  /** Read a reference that resolution found (throws for one it did not). */
  read(ref: ValueRef): string
  /** Every value read: what the front ends mask and redact. */
  secrets: string[]
  problems: PathProblem[]
}

/**
 * Reads every reference before the first request, so a missing value stops
 * the run with its manifest location and nothing is written.
 */
export function resolveValues(
  manifest: Manifest,
  manifestDir: string,
  source: ValueSource,
  /** Only these locations (provision reads the Astro kwargs, no secrets). */
  only: (path: (string | number)[]) => boolean = () => true
): Resolved {
  const values = new Map<string, string>()
  const problems: PathProblem[] = []
  const keyOf = (ref: ValueRef): string => JSON.stringify(ref)
  for (const { path, ref } of collectRefs(manifest)) {
    if (!only(path)) continue
    const value = readRef(ref, manifestDir, source)
    if (value === undefined) {
      problems.push(
        error(
          'value-missing',
          path,
          'env' in ref
            ? `environment variable ${ref.env} is not set; set it for this run (from your CI's secrets)`
            : `${describeRef(ref)} cannot be read; create it, or fix the path (relative to the manifest)`
        )
      )
      continue
    }
    values.set(keyOf(ref), value)
  }
  return {
    read: (ref) => {
      const value = values.get(keyOf(ref))
      if (value === undefined)
        throw new Error(`${describeRef(ref)} was not resolved`)
      return value
    },
    secrets: [...new Set(values.values())].filter((v) => v !== ''),
    problems
  }
}
