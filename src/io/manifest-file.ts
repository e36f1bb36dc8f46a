import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ValueSource } from '../core/manifest/refs.js'
import type { ValidateOptions } from '../core/validate/validate.js'
import { maxFileBytes, readValueFile, valueFileIssue } from './value-file.js'

/** A manifest that could not be read is a usage error, not a problem. */
export class ManifestReadError extends Error {}

export interface ManifestFile {
  /** As problems show it: relative to the working directory when inside. */
  display: string
  absolute: string
  directory: string
  repoRoot: string
  text: string
}

export function readManifestFile(file: string, cwd: string): ManifestFile {
  const absolute = path.resolve(cwd, file)
  let text: string
  try {
    if (statSync(absolute).isDirectory()) {
      throw new ManifestReadError(
        `${file} is a directory; pass the manifest file with -f`
      )
    }
    text = readFileSync(absolute, 'utf8')
  } catch (cause) {
    if (cause instanceof ManifestReadError) throw cause
    const code = (cause as NodeJS.ErrnoException).code
    throw new ManifestReadError(
      code === 'ENOENT'
        ? `cannot read ${file}: no such file`
        : `cannot read ${file}: ${code ?? String(cause)}`
    )
  }
  const directory = path.dirname(absolute)
  const relative = path.relative(cwd, absolute)
  return {
    display: relative.startsWith('..') ? absolute : relative,
    absolute,
    directory,
    repoRoot: findRepoRoot(directory),
    text: text.replace(/^\uFEFF/, '')
  }
}

/** The nearest folder holding `.git`; without one, the manifest's folder. */
export function findRepoRoot(start: string): string {
  let current = start
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current
    const parent = path.dirname(current)
    if (parent === current) return start
    current = parent
  }
}

/**
 * Environment and files for references. Files are read and checked by
 * value-file.ts: regular, inside the repository (a symlink that points
 * outside it is refused, as a `../` path would be), outside .git/, and
 * within the size limit.
 */
export function localValueSource(
  env: NodeJS.ProcessEnv,
  repoRoot: string
): ValueSource {
  const maxBytes = maxFileBytes(env)
  return {
    env: (name) => env[name],
    file: (absolutePath) => readValueFile(absolutePath, repoRoot, maxBytes),
    fileIssue: (absolutePath) =>
      valueFileIssue(absolutePath, repoRoot, maxBytes)
  }
}

/**
 * What validation and every run take from a manifest file: its name as
 * problems show it, and values from `env` with file references kept
 * inside `repoRoot` (the checkout in the Action).
 */
export function validationInputs(
  manifest: ManifestFile,
  env: NodeJS.ProcessEnv,
  repoRoot = manifest.repoRoot
): ValidateOptions & { values: ValueSource } {
  return {
    file: manifest.display,
    manifestDir: manifest.directory,
    repoRoot,
    values: localValueSource(env, repoRoot)
  }
}
