import {
  renderChangesMarkdown,
  renderDriftMarkdown
} from '../../src/core/render/sync-markdown.js'
import type { Change } from '../../src/core/sync/plan.js'

const change = (over: Partial<Change>): Change => ({
  kind: 'connection',
  key: 'warehouse',
  path: 'connections/warehouse',
  action: 'create',
  fields: [],
  writeMarks: true,
  ...over
})

test('the plan summary has a table per kind with every action, and no value', () => {
  const md = renderChangesMarkdown(
    [
      change({ data: { conn_uri: 'postgres://u:hunter2@h/db' } }),
      change({
        key: 'api',
        action: 'update',
        fields: [{ field: 'host', from: 'a', to: 'b' }, { field: 'password' }]
      }),
      change({
        kind: 'variable',
        key: 'old',
        path: 'variables/old',
        action: 'delete'
      }),
      change({
        kind: 'variable',
        key: 'same',
        path: 'variables/same',
        action: 'unchanged'
      }),
      change({
        kind: 'config',
        key: 'sql_alchemy_conn',
        path: 'config/sql_alchemy_conn',
        action: 'update',
        fields: [{ field: 'value' }]
      })
    ],
    100
  )
  expect(md).toBe(
    [
      '**Plan:** 1 to create, 2 to update, 1 to delete, 1 unchanged.',
      '',
      '### Connections',
      '',
      '| Action | Key | Fields |',
      '| --- | --- | --- |',
      '| ➕ create | `warehouse` |  |',
      '| ✏️ update | `api` | host: a → b, password |',
      '',
      '### Variables',
      '',
      '| Action | Key | Fields |',
      '| --- | --- | --- |',
      '| 🗑️ delete | `old` |  |',
      '',
      '1 unchanged.',
      '',
      '### Config',
      '',
      '| Action | Key | Fields |',
      '| --- | --- | --- |',
      '| ✏️ update | `sql_alchemy_conn` | value |',
      ''
    ].join('\n')
  )
  expect(md).not.toContain('hunter2')
})

test('a huge plan stays far under the 1 MiB summary cap, counting what it cuts', () => {
  const many = Array.from({ length: 20_000 }, (_, i) =>
    change({ key: `conn_${i}`, path: `connections/conn_${i}` })
  )
  const md = renderChangesMarkdown(many, 1000)
  expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
  expect(md).toContain('…and 19000 more not shown.')
})

test('drift is a table of what differs, or a clean verdict', () => {
  expect(renderDriftMarkdown([], 10)).toBe(
    '✅ **No drift:** Vault matches the manifest.\n'
  )
  const md = renderDriftMarkdown(
    [
      {
        kind: 'variable',
        key: 'retries',
        path: 'variables/retries',
        drift: 'changed',
        fields: [{ field: 'value' }]
      }
    ],
    10
  )
  expect(md).toContain('| changed | variable | `retries` | value |')
})
