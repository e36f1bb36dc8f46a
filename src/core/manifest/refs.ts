import path from 'node:path'
import type { Manifest } from './schema.js'
import { isValueRef, type ValueRef } from './value-ref.js'

/**
 * Reads the values that references point at. The core does no I/O: the
 * front end passes the process environment and a file reader.
 */
export interface ValueSource {
  env(name: string): string | undefined
  /** Content of a file, or undefined when it cannot be read. */
  file(absolutePath: string): string | undefined
}

export interface RefLocation {
  path: (string | number)[]
  ref: ValueRef
}

/** Every reference in the manifest, with where it stands. */
export function collectRefs(manifest: Manifest): RefLocation[] {
  const found: RefLocation[] = []
  const visit = (value: unknown, at: (string | number)[]): void => {
    if (isValueRef(value)) {
      found.push({ path: at, ref: value })
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...at, index]))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...at, key])
    }
  }
  visit(manifest.connections, ['connections'])
  visit(manifest.variables, ['variables'])
  visit(manifest.config, ['config'])
  if (manifest.astro) {
    visit(manifest.astro.backend_kwargs, ['astro', 'backend_kwargs'])
    manifest.astro.deployments.forEach((d, i) =>
      visit(d.backend_kwargs ?? {}, [
        'astro',
        'deployments',
        i,
        'backend_kwargs'
      ])
    )
  }
  return found
}

export function refFilePath(
  manifestDir: string,
  ref: { file: string }
): string {
  return path.resolve(manifestDir, ref.file)
}

/** True when a path, once resolved, stays inside the repository. */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return (
    relative === '' ||
    (!relative.startsWith('..') && !path.isAbsolute(relative))
  )
}

/**
 * The value behind a reference, or undefined when it is not available. A
 * file loses one trailing newline unless `raw`, because `echo secret > f`
 * adds one that no password contains.
 */
export function readRef(
  ref: ValueRef,
  manifestDir: string,
  source: ValueSource
): string | undefined {
  if ('env' in ref) return source.env(ref.env)
  const content = source.file(refFilePath(manifestDir, ref))
  if (content === undefined || ref.raw) return content
  return content.replace(/\r?\n$/, '')
}
