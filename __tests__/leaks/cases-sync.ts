/**
 * validate, plan, apply and drift rows, Astro included (the manifest lists
 * a Deployment). Failures: bad input, a missing value file, Vault and Astro
 * errors that quote the request body, and a write refused mid-apply.
 */
import { SEED_IDS } from '../../devserver/astro/index.js'
import type { Row } from './matrix.js'
import {
  allWritten,
  applied,
  astroWritten,
  echoed,
  echoVault,
  fieldsWritten,
  loginChanged,
  spacedWritten,
  vaultSide
} from './steps.js'

const plan = { action: 'plan', command: 'plan' } as const
const apply = { action: 'apply', command: 'apply' } as const
const drift = { action: 'drift', command: 'drift' } as const
const ok = { cli: 0, action: 0 } as const
const problems = { cli: 1, action: 1 } as const
const remote = { cli: 3, action: 1 } as const

export const SYNC_ROWS: Row[] = [
  {
    command: 'validate',
    action: 'validate',
    outcome: 'success',
    case: 'every value present',
    exit: ok
  },
  {
    command: 'validate',
    action: 'validate',
    outcome: 'failure',
    case: 'a conn_uri from env that Airflow cannot parse',
    variant: 'bad-uri',
    exit: problems
  },
  { ...plan, outcome: 'success', case: 'everything to create', exit: ok },
  {
    ...plan,
    outcome: 'success',
    case: 'values changed in Vault',
    prepare: vaultSide,
    verify: loginChanged,
    exit: ok
  },
  {
    ...plan,
    outcome: 'failure',
    case: 'a conn_uri from env that Airflow cannot parse',
    variant: 'bad-uri',
    exit: problems
  },
  {
    ...plan,
    outcome: 'failure',
    case: 'a value file missing',
    variant: 'missing-file',
    exit: problems
  },
  {
    ...plan,
    outcome: 'failure',
    case: 'Vault 403 on reads, quoting the request',
    prepare: applied,
    faults: echoVault('data/', 403),
    exit: remote,
    verify: echoed('invalid request body:')
  },
  {
    ...apply,
    outcome: 'success',
    case: 'everything written, Deployment updated',
    exit: ok,
    verify: allWritten
  },
  {
    ...apply,
    outcome: 'failure',
    case: 'Vault 400 on every write, quoting the body',
    faults: echoVault('data/', 400),
    exit: remote,
    verify: echoed('invalid request body: {', (ctx) => astroWritten(ctx, false))
  },
  {
    ...apply,
    outcome: 'failure',
    case: 'Vault 403 mid-apply (variables), quoting the body',
    faults: echoVault('data/variables/', 403),
    exit: remote,
    verify: echoed('invalid request body: {', spacedWritten)
  },
  {
    ...apply,
    outcome: 'failure',
    case: 'Vault 503 on writes, quoting the body',
    faults: echoVault('data/config/', 503),
    // Five retries with backoff take seconds; the rendering is the 400's.
    entries: ['cli'],
    exit: remote,
    verify: echoed('invalid request body: {')
  },
  {
    ...apply,
    outcome: 'failure',
    case: 'Astro 400 on the update, quoting the body',
    faults: (ctx) =>
      ctx.astro.faults.set({
        echoRequestBody: true,
        failPaths: [{ path: SEED_IDS.standard, method: 'POST', status: 400 }]
      }),
    exit: remote,
    verify: echoed('invalid value', (ctx) => astroWritten(ctx, false))
  },
  {
    ...apply,
    outcome: 'failure',
    case: 'a conn_uri from env that Airflow cannot parse',
    variant: 'bad-uri',
    exit: problems
  },
  {
    ...apply,
    outcome: 'failure',
    case: 'a value file missing',
    variant: 'missing-file',
    exit: problems
  },
  {
    ...apply,
    outcome: 'success',
    case: 'connection_format json',
    variant: 'json-format',
    exit: ok,
    verify: fieldsWritten
  },
  {
    ...apply,
    outcome: 'failure',
    case: 'connection_format json, Vault 400 quoting the body',
    variant: 'json-format',
    faults: echoVault('data/connections/', 400),
    exit: remote,
    verify: echoed('invalid request body: {')
  },
  {
    ...apply,
    auth: 'approle',
    outcome: 'success',
    case: 'logged in with AppRole',
    exit: ok,
    verify: allWritten
  },
  {
    ...plan,
    auth: 'approle',
    outcome: 'failure',
    case: 'AppRole login refused, quoting the body',
    faults: (ctx) =>
      ctx.dev.faults.set({
        echoBodyPaths: [{ path: 'auth/approle/login', status: 400 }]
      }),
    exit: remote,
    verify: echoed('invalid request body: {')
  },
  {
    ...drift,
    outcome: 'success',
    case: 'no drift after apply (prune on)',
    prepare: applied,
    exit: ok
  },
  {
    ...drift,
    outcome: 'failure',
    case: 'values changed and added in Vault',
    prepare: vaultSide,
    verify: loginChanged,
    exit: problems
  },
  {
    ...drift,
    outcome: 'failure',
    case: 'Vault 403 on metadata, quoting the request',
    prepare: applied,
    faults: echoVault('metadata/', 403),
    exit: remote,
    verify: echoed('invalid request body:')
  }
]
