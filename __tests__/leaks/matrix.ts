/**
 * The leak matrix: one row per command, outcome and way of failing. Each
 * row runs through the CLI (text and --json) and, where the command
 * exists there, the Action. New commands are new rows (see cases-*.ts).
 */
import type { VaultDevServer } from '../../devserver/vault/index.js'
import type { AstroTestServer } from '../../devserver/astro/index.js'
import type { EntryRun } from './entries.js'
import type { Auth, Servers, Variant } from './project.js'

export interface RowContext {
  servers: Servers
  dev: VaultDevServer
  astro: AstroTestServer
  /** This run's own KV v2 mount, named in its manifest. */
  mount: string
  dir: string
  env: Record<string, string>
  /** A CLI run for set-up, which must succeed. */
  setup(...args: string[]): Promise<void>
}

export interface Row {
  command: string
  outcome: 'success' | 'failure'
  /** What goes wrong (or right): the test's name. */
  case: string
  variant?: Variant
  /** How the run logs in to Vault; default a token. */
  auth?: Auth
  /** A manifest of the row's own, instead of the variant's. */
  manifest?: (mount: string) => string
  /** More environment for both entries (the Action reads it too). */
  env?: Record<string, string>
  /** CLI arguments; default `COMMAND -f MANIFEST`. */
  cli?: (ctx: RowContext) => string[]
  /** The Action's `command` input; null when the Action has no such command. */
  action: string | null
  /** Extra Action inputs. */
  inputs?: Record<string, string>
  exit: { cli: number; action: 0 | 1 }
  /** Before the run: earlier applies, values changed in Vault. */
  prepare?: (ctx: RowContext) => Promise<void>
  /** Faults for this run only; both servers are reset after it. */
  faults?: (ctx: RowContext) => void
  /** That the run really used the canaries, e.g. read back from Vault. */
  verify?: (ctx: RowContext, run: EntryRun) => Promise<void>
  /** Default all three; a slow row (retries) runs through fewer. */
  entries?: readonly Entry[]
  /**
   * Where the entries find Vault and the Astro API, when not at the
   * servers themselves (credentials in the URL, a redirector).
   */
  addresses?: (ctx: RowContext) => Promise<{ vault?: string; astro?: string }>
  /** Canaries of the row's own, such as credentials inside an address. */
  canaries?: Record<string, string>
  /** Channels that carry a secret by design (`uri build` prints the URI). */
  product?: (entry: string) => string[]
}

export const ENTRIES = ['cli', 'cli --json', 'action'] as const
export type Entry = (typeof ENTRIES)[number]
