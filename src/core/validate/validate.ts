import { ManifestSchema, type Manifest } from '../manifest/schema.js'
import { lenientManifest } from '../manifest/lenient.js'
import { parseYamlSource, type YamlSource } from '../manifest/yaml-source.js'
import { collectRefs, readRef, type ValueSource } from '../manifest/refs.js'
import type { ValueRef } from '../manifest/value-ref.js'
import {
  error,
  formatPath,
  sortProblems,
  type PathProblem,
  type Problem
} from '../problems.js'
import { schemaProblems } from './schema-issues.js'
import { caseCollisions, connIdProblems, keyProblems } from './rules/keys.js'
import { connectionProblems } from './rules/connections.js'
import { refProblems } from './rules/refs.js'
import { vaultSettingsProblems } from './rules/vault-settings.js'
import { astroProblems } from './rules/astro.js'
import { githubJwtProblems } from './rules/provision.js'

export interface ValidateOptions {
  /** The manifest's name as problems show it (relative to the repository). */
  file: string
  manifestDir: string
  repoRoot: string
  /** When given, values that are available are checked like literals. */
  values?: ValueSource
}

export interface ValidationResult {
  /** Present only when the manifest is valid enough to act on. */
  manifest?: Manifest
  problems: Problem[]
  /** Places a later problem (a missing value) in the same file. */
  place: (problem: PathProblem) => Problem
}

/** Checks a manifest's text and returns every problem, never just the first. */
export function validateManifest(
  text: string,
  options: ValidateOptions
): ValidationResult {
  const source = parseYamlSource(text)
  const place = placer(source, options.file)
  const textProblems = source.textProblems.map(({ problem, position }) => ({
    ...place(problem),
    ...position
  }))
  if (source.data === undefined) {
    return { problems: sortProblems(textProblems), place }
  }
  if (
    source.data === null ||
    typeof source.data !== 'object' ||
    Array.isArray(source.data)
  ) {
    const problem = error(
      'manifest-not-mapping',
      [],
      'the manifest must be a mapping with `version: 1` at the top'
    )
    return { problems: sortProblems([...textProblems, place(problem)]), place }
  }
  const parsed = ManifestSchema.safeParse(source.data)
  const structural = parsed.success
    ? []
    : schemaProblems(ManifestSchema, parsed.error.issues, source.data)
  const manifest = parsed.success ? parsed.data : lenientManifest(source.data)
  const semantic = semanticProblems(manifest, options)
  const problems = [...textProblems, ...[...structural, ...semantic].map(place)]
  const clean = textProblems.length === 0 && parsed.success
  return {
    manifest: clean ? manifest : undefined,
    problems: sortProblems(problems),
    place
  }
}

function semanticProblems(
  manifest: Manifest,
  options: ValidateOptions
): PathProblem[] {
  const read = (ref: ValueRef): string | undefined =>
    options.values
      ? readRef(ref, options.manifestDir, options.values)
      : undefined
  const connIds = Object.keys(manifest.connections)
  const variableKeys = Object.keys(manifest.variables)
  return [
    ...vaultSettingsProblems(manifest.vault),
    ...connIds.flatMap(connIdProblems),
    ...caseCollisions('connections', connIds),
    ...Object.entries(manifest.connections).flatMap(([id, entry]) =>
      connectionProblems(id, entry, manifest.vault.connection_format, read)
    ),
    ...variableKeys.flatMap((key) => keyProblems('variables', key)),
    ...caseCollisions('variables', variableKeys),
    ...Object.keys(manifest.config).flatMap((key) =>
      keyProblems('config', key)
    ),
    ...astroProblems(manifest),
    ...githubJwtProblems(manifest),
    ...refProblems(
      collectRefs(manifest),
      options.manifestDir,
      options.repoRoot,
      options.values
    )
  ]
}

function placer(source: YamlSource, file: string): (p: PathProblem) => Problem {
  return (problem) => {
    const { line, column } = source.locate(problem.path, problem.atKey)
    return {
      code: problem.code,
      severity: problem.severity,
      message: problem.message,
      file,
      line,
      column,
      path: formatPath(problem.path)
    }
  }
}
