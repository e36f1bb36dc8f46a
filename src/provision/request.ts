import type { ValidateOptions } from '../core/validate/validate.js'
import type { ValueSource } from '../core/manifest/refs.js'
import type { VaultConnection } from '../clients/vault/session.js'
import type { AstroEnv } from '../sync/astro-connection.js'

/** Credentials for the hand-off without astro: (a file, or Action outputs). */
export interface HandedCredentials {
  role: string
  authMount: string
  roleId: string
  secretId: string
  secretIdAccessor: string
}

export interface ProvisionRequest {
  text: string
  validate: ValidateOptions & { values: ValueSource }
  /** An operator's admin identity. */
  connection: VaultConnection
  astro?: AstroEnv
  planOnly: boolean
  rotate: boolean
  /**
   * Told of every value to mask, before it is sent or handed over: the
   * resolved kwargs values, then each role_id, secret-id and kwargs JSON.
   */
  onSecrets?: (secrets: string[]) => void
  /** Where credentials go without astro:; returns a description. */
  handOff?: (credentials: HandedCredentials) => string
  now?: () => number
}
