import * as core from '@actions/core'
import { secretForms } from '../core/redact.js'

/**
 * Registers a secret with the runner before anything could print it: each
 * line of a multi-line value (the runner masks line by line) and its
 * percent-encoded forms, as they appear inside a conn_uri.
 */
export function maskSecret(value: string): void {
  if (value === '') return
  core.setSecret(value)
  for (const form of secretForms(value)) core.setSecret(form)
}
