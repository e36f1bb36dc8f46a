import {
  vaultBackendPath,
  type LookupKwargs
} from '../../src/core/vault-backend/lookup.js'

const kwargs: LookupKwargs = {
  mount_point: 'airflow',
  connections_path: 'connections',
  variables_path: 'variables',
  config_path: 'config',
  kv_engine_version: 2
}

test.each([
  [kwargs, 'connection', 'warehouse', 'airflow/data/connections/warehouse'],
  [
    { ...kwargs, kv_engine_version: 1 },
    'variable',
    'env',
    'airflow/variables/env'
  ],
  [
    { ...kwargs, connections_path: 'connections/' },
    'connection',
    'a',
    'airflow/data/connections/a'
  ],
  [{ ...kwargs, variables_path: '' }, 'variable', 'env', 'airflow/data/env'],
  [{ ...kwargs, config_path: null }, 'config', 'x', null],
  [
    { ...kwargs, mount_point: null },
    'connection',
    'team/db',
    'team/data/connections/db'
  ],
  [{ ...kwargs, mount_point: null }, 'connection', 'db', null],
  [kwargs, 'variable', 'a b€', 'airflow/data/variables/a%20b%E2%82%AC']
] as const)('%j %s %s → %s', (k, kind, key, expected) => {
  expect(vaultBackendPath(k as LookupKwargs, kind, key)).toBe(expected)
})
