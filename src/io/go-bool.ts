import { SettingsError } from './settings-error.js'

// Go's strconv.ParseBool, which the vault CLI applies to VAULT_SKIP_VERIFY:
// exactly these spellings, nothing trimmed.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True'])
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False'])

/**
 * A boolean environment variable as the vault CLI reads it: unset or
 * empty is false; anything Go would not parse is a usage error, since
 * guessing could turn TLS verification off (or leave it on) unasked.
 */
export function parseGoBool(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '') return false
  if (TRUE.has(value)) return true
  if (FALSE.has(value)) return false
  throw new SettingsError(
    `${name} "${value}" is not a boolean; use true or false (also 1, 0, t, f, TRUE, FALSE, True, False, as the vault CLI reads it)`
  )
}
