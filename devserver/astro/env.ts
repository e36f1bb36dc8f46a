/**
 * `environmentVariables` on update: the list replaces the stored one
 * (astro-api.md TL;DR). A secret sent without `value` keeps its stored
 * value; `"value": ""` overwrites it with "" (astro-cli #1593/#1618, §2).
 * Where the docs are silent the server picks the strict reading and says
 * so: a new secret with no value, a plain variable with no value and a
 * duplicate key are 400s (§8 leaves the exact fieldErrors open).
 */
import type { EnvChanges, StoredEnvVar } from './model.js'
import type { FieldError } from './validate.js'

export interface EnvVarRequest {
  key: string
  isSecret: boolean
  value?: string
}

export interface EnvResult {
  next: StoredEnvVar[]
  changes: EnvChanges
  errors: FieldError[]
}

export function applyEnv(
  stored: StoredEnvVar[],
  requested: EnvVarRequest[],
  now: string
): EnvResult {
  const old = new Map(stored.map((v) => [v.key, v]))
  const seen = new Set<string>()
  const errors: FieldError[] = []
  const changes: EnvChanges = {
    added: [],
    changed: [],
    removed: [],
    kept: [],
    secretsWiped: [],
    secretsMadePlain: []
  }
  const next: StoredEnvVar[] = []
  requested.forEach((r, i) => {
    const field = `environmentVariables[${i}]`
    const fail = (f: string, code: string, message: string): void => {
      errors.push({ field: `${field}${f}`, code, message })
    }
    if (r.key === '') return fail('.key', 'required', 'key must not be empty')
    if (seen.has(r.key)) return fail('.key', 'duplicate', `duplicate key`)
    seen.add(r.key)
    const before = old.get(r.key)
    if (r.value === undefined) {
      if (!r.isSecret)
        return fail('.value', 'required', 'value is required unless isSecret')
      if (!before)
        return fail('.value', 'required', 'value is required for a new secret')
      // No value: keep the stored one (and make a plain one secret).
      next.push({ ...before, isSecret: true })
      if (before.isSecret) changes.kept.push(r.key)
      else changes.changed.push(r.key)
      return
    }
    if (before?.isSecret && !r.isSecret) changes.secretsMadePlain.push(r.key)
    if (before?.isSecret && r.isSecret && r.value === '')
      changes.secretsWiped.push(r.key)
    const same = before?.value === r.value && before.isSecret === r.isSecret
    if (!before) changes.added.push(r.key)
    else if (!same) changes.changed.push(r.key)
    next.push({
      key: r.key,
      isSecret: r.isSecret,
      value: r.value,
      updatedAt: same && before ? before.updatedAt : now
    })
  })
  changes.removed = stored.map((v) => v.key).filter((k) => !seen.has(k))
  return { next, changes, errors }
}
