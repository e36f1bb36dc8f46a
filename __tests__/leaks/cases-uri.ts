/**
 * `uri parse` and `uri build` rows (CLI only: the Action has no such
 * command). A secret typed on the command line is still a secret: parse
 * hides the password unless asked, and errors never quote the input.
 * `uri build` prints the conn_uri it was asked for, so its stdout is the
 * product and is left out of the search.
 */
import { quote } from '../../src/core/airflow/python-quote.js'
import { ENV_CANARIES } from './canaries.js'
import type { Row } from './matrix.js'

const { CANARY_BAD_URI } = ENV_CANARIES
// Without its query: parse shows the extra, as the fields Airflow reads.
const CANARY_CONN_URI = ENV_CANARIES.CANARY_CONN_URI.split('/?')[0] as string

const build = [
  'uri',
  'build',
  '--conn-type',
  'postgres',
  '--host',
  'db.example.com',
  '--login',
  'airflow',
  '--password-env',
  'CANARY_PW'
]

export const URI_ROWS: Row[] = [
  {
    command: 'uri parse',
    outcome: 'success',
    case: 'a conn_uri with a password (shown only with --json)',
    action: null,
    cli: () => ['uri', 'parse', CANARY_CONN_URI],
    // --json gives the fields back whole, as documented: the product.
    product: (entry) => (entry === 'cli --json' ? ['stdout'] : []),
    exit: { cli: 0, action: 0 },
    verify: async (_ctx, run) => {
      expect(run.channels.stdout).toMatch(/password.*(18 characters|c4nary)/)
      await Promise.resolve()
    }
  },
  {
    command: 'uri parse',
    outcome: 'failure',
    case: 'a conn_uri Airflow cannot parse',
    action: null,
    cli: () => ['uri', 'parse', CANARY_BAD_URI],
    exit: { cli: 1, action: 0 }
  },
  {
    command: 'uri build',
    outcome: 'success',
    case: 'a password from the environment',
    action: null,
    cli: () => build,
    product: () => ['stdout'],
    exit: { cli: 0, action: 0 },
    verify: async (_ctx, run) => {
      const { CANARY_PW } = ENV_CANARIES
      expect(run.channels.stdout).toContain(`:${quote(CANARY_PW)}@db.`)
      await Promise.resolve()
    }
  },
  {
    command: 'uri build',
    outcome: 'failure',
    case: 'an --extra that is not JSON, next to the password',
    action: null,
    cli: () => [...build, '--extra', `{"key": ${CANARY_CONN_URI}`],
    exit: { cli: 2, action: 0 }
  }
]
