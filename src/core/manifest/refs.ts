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
  /** Why a file may not be read, found without opening it (validate). */
  fileIssue?(absolutePath: string): FileIssue | undefined
}

/** What is wrong with a referenced file; `detail` never holds content. */
export interface FileIssue {
  kind:
    | 'not-found'
    | 'not-regular'
    | 'too-large'
    | 'in-git'
    | 'outside'
    | 'unreadable'
  detail?: string
}

export interface RefLocation {
  path: (string | number)[]
  ref: ValueRef
}

/**
 * Every reference in the manifest, with where it stands. Only values are
 * looked at, never a section or an extra as a whole: a variable named
 * `file` is a variable, not a reference.
 */
export function collectRefs(manifest: Manifest): RefLocation[] {
  const found: RefLocation[] = []
  const at = (value: unknown, path: (string | number)[]): void => {
    if (isValueRef(value)) found.push({ path, ref: value })
  }
  // Extras may hold references at any depth (a nested auth block).
  const deep = (value: unknown, path: (string | number)[]): void => {
    if (isValueRef(value)) found.push({ path, ref: value })
    else if (Array.isArray(value))
      value.forEach((v, i) => deep(v, [...path, i]))
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) deep(v, [...path, k])
    }
  }
  for (const [id, entry] of Object.entries(manifest.connections)) {
    for (const [field, value] of Object.entries(entry)) {
      const path = ['connections', id, field]
      if (field !== 'extra') at(value, path)
      else
        for (const [k, v] of Object.entries(value ?? {})) deep(v, [...path, k])
    }
  }
  for (const [key, value] of Object.entries(manifest.variables))
    at(value, ['variables', key])
  for (const [key, value] of Object.entries(manifest.config))
    at(value, ['config', key])
  if (manifest.astro) {
    for (const [key, value] of Object.entries(manifest.astro.backend_kwargs)) {
      at(value, ['astro', 'backend_kwargs', key])
    }
    manifest.astro.deployments.forEach((d, i) => {
      for (const [key, value] of Object.entries(d.backend_kwargs ?? {})) {
        at(value, ['astro', 'deployments', i, 'backend_kwargs', key])
      }
    })
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
