import { openTarget, type Target } from '../vault-devserver/helpers/target.js'
import { parseConnUri } from '../../src/core/airflow/parse-conn-uri.js'
import { vaultBackendPath } from '../../src/core/vault-backend/lookup.js'
import { manifestFor, PASSWORD, project } from './fixture.js'

let t: Target
beforeAll(async () => {
  t = await openTarget()
})
afterAll(async () => t.close())

/** Reads as VaultBackend does: the path composed from its kwargs (§4.4). */
async function readAsAirflow(
  mount: string,
  version: 1 | 2,
  path: string
): Promise<Record<string, unknown>> {
  const [base, key] = path.split('/') as [string, string]
  const kind =
    base === 'connections'
      ? 'connection'
      : base === 'variables'
        ? 'variable'
        : 'config'
  const kwargs = {
    mount_point: mount,
    connections_path: 'connections',
    variables_path: 'variables',
    config_path: 'config',
    kv_engine_version: version
  }
  const reply = await t.root.get(vaultBackendPath(kwargs, kind, key) as string)
  expect(reply.status).toBe(200)
  const body = reply.body as {
    data: Record<string, unknown> & { data?: Record<string, unknown> }
  }
  return version === 2 ? (body.data.data as Record<string, unknown>) : body.data
}

describe.each([2, 1] as const)('KV v%i', (version) => {
  test('apply writes what VaultBackend reads; a rerun writes nothing', async () => {
    const mount = await t.mountKv(version, 'sync')
    const p = project(t.url, t.rootToken)
    p.write(manifestFor(mount))
    const plan = await p.json('plan')
    expect(plan.vault?.kv_version).toBe(version)
    expect(
      plan.vault?.changes.map((c) => `${c.action} ${c.kind} ${c.key}`)
    ).toEqual([
      'create connection warehouse',
      'create connection smtp_default',
      'create variable environment',
      'create variable retries',
      'create variable flags',
      'create config sql_alchemy_conn'
    ])
    const apply = await p.json('apply')
    expect(apply.ok).toBe(true)
    expect(apply.vault?.written).toBe(6)

    const warehouse = await readAsAirflow(
      mount,
      version,
      'connections/warehouse'
    )
    const parsed = parseConnUri(warehouse.conn_uri as string)
    expect(parsed.ok && parsed.fields).toEqual({
      conn_type: 'postgres',
      host: 'db.example.com',
      schema: 'analytics',
      login: 'airflow',
      password: PASSWORD,
      port: 5432,
      extra: '{"sslmode": "require"}'
    })
    expect(await readAsAirflow(mount, version, 'variables/retries')).toEqual({
      value: '3'
    })
    expect(await readAsAirflow(mount, version, 'variables/flags')).toEqual({
      value: '{"beta":true}'
    })
    expect(
      await readAsAirflow(mount, version, 'config/sql_alchemy_conn')
    ).toEqual({
      value: p.env.DB_URI
    })

    const versionsBefore = t.dev?.counters.snapshot().kvVersionsCreated
    const again = await p.json('apply')
    expect(again.vault?.written).toBe(0)
    expect(again.vault?.changes.every((c) => c.action === 'unchanged')).toBe(
      true
    )
    if (t.dev)
      expect(t.dev.counters.snapshot().kvVersionsCreated).toBe(versionsBefore)
    const drift = await p.run('drift')
    expect(drift.stdout).toContain('No drift')
    expect(drift.code).toBe(0)
  })

  test('a changed value is an update that names the field, never the value', async () => {
    const mount = await t.mountKv(version, 'sync')
    const p = project(t.url, t.rootToken)
    p.write(manifestFor(mount))
    await p.run('apply')
    p.env.WAREHOUSE_PASSWORD = 'an0ther-Secret'
    p.write(
      manifestFor(mount).replace(
        'host: db.example.com',
        'host: db2.example.com'
      )
    )
    const plan = await p.run('plan')
    expect(plan.stdout).toContain(
      '~ connection warehouse: host: db.example.com → db2.example.com, password'
    )
    expect(plan.stdout).not.toContain('an0ther-Secret')
    expect(plan.stdout).not.toContain(PASSWORD)
    const apply = await p.json('apply')
    expect(apply.vault?.written).toBe(1)
    expect(
      apply.vault?.changes.find((c) => c.key === 'warehouse')?.fields
    ).toEqual(['host', 'password'])
  })
})
