import * as core from '@actions/core'
import { makeRedactor, maskForms } from '../core/redact.js'

const registered = new Set<string>()
let redactor: ((text: string) => string) | undefined

/**
 * Registers a secret with the runner before anything could print it: each
 * line of a multi-line value (the runner masks line by line) and its
 * encoded forms, as they appear inside a conn_uri or JSON. Values shorter
 * than MIN_REDACTED_LENGTH are left out: the runner would mask them in
 * every word of the log.
 */
export function maskSecret(value: string): void {
  if (value === '') return
  if (!registered.has(value)) {
    registered.add(value)
    redactor = undefined
  }
  for (const form of maskForms(value)) core.setSecret(form)
}

/**
 * Redacts every registered secret from text the Action writes to files
 * (the job summary) or annotations: the runner's masking covers the log,
 * and this does not depend on it.
 */
export function redactMasked(text: string): string {
  redactor ??= makeRedactor([...registered])
  return redactor(text)
}
