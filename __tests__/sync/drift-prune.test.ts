import { openTarget, type Target } from '../vault-devserver/helpers/target.js'
import { manifestFor, project } from './fixture.js'

let t: Target
beforeAll(async () => {
  t = await openTarget()
})
afterAll(async () => t.close())

test('drift tells missing, deleted, changed, orphaned and unmanaged apart', async () => {
  const mount = await t.mountKv(2, 'drift')
  const p = project(t.url, t.rootToken)
  p.write(
    manifestFor(mount).replace(
      '  flags: { beta: true }\n',
      '  flags: { beta: true }\n  leaving: soon\n'
    )
  )
  await p.run('apply')
  // Out of band: one soft-deleted, one edited, one gone for good, one added.
  await t.root.del(`${mount}/data/variables/environment`)
  await t.root.post(`${mount}/data/variables/retries`, { data: { value: '5' } })
  await t.root.del(`${mount}/metadata/config/sql_alchemy_conn`)
  await t.root.post(`${mount}/data/variables/hand_made`, {
    data: { value: 'x' }
  })
  p.write(manifestFor(mount)) // `leaving` is no longer listed
  const drift = await p.json('drift')
  expect(drift.drift).toBe(true)
  expect(
    drift.vault?.drift
      ?.map((d) => `${d.drift} ${d.kind} ${d.key} ${d.fields.join(',')}`)
      .sort()
  ).toEqual([
    'changed variable retries value',
    'deleted variable environment ',
    'missing config sql_alchemy_conn ',
    'orphaned variable leaving ',
    'unmanaged variable hand_made '
  ])
  const text = await p.run('drift')
  expect(text.code).toBe(1)
  expect(text.stdout).toContain('! variable environment deleted in Vault')
})

test('prune deletes only what this tool wrote, softly, unless told otherwise', async () => {
  const mount = await t.mountKv(2, 'prune')
  const p = project(t.url, t.rootToken)
  p.write(
    manifestFor(mount).replace(
      '  flags: { beta: true }\n',
      '  flags: { beta: true }\n  leaving: soon\n'
    )
  )
  await p.run('apply')
  await t.root.post(`${mount}/data/variables/hand_made`, {
    data: { value: 'x' }
  })
  p.write(manifestFor(mount).replace('vault:\n', 'vault:\n  prune: true\n'))
  const plan = await p.json('plan')
  expect(
    plan.vault?.changes.filter((c) => c.action === 'delete').map((c) => c.key)
  ).toEqual(['leaving'])
  const apply = await p.json('apply')
  expect(apply.ok).toBe(true)
  // Pruned is done: a rerun deletes nothing again, nor does drift see it.
  const rerun = await p.json('apply')
  expect(rerun.vault?.changes.map((c) => c.action)).not.toContain('delete')
  const after = await p.json('drift')
  expect(after.vault?.drift?.map((d) => `${d.drift} ${d.key}`)).toEqual([
    'unmanaged hand_made'
  ])
  // Soft: the versions stay, recoverable with undelete.
  const deleted = await t.root.get(`${mount}/data/variables/leaving`)
  expect(deleted.status).toBe(404)
  expect(
    (deleted.body as { data: { metadata: { deletion_time: string } } }).data
      .metadata.deletion_time
  ).not.toBe('')
  expect((await t.root.get(`${mount}/data/variables/hand_made`)).status).toBe(
    200
  )

  p.write(
    manifestFor(mount).replace(
      'vault:\n',
      'vault:\n  prune: all\n  prune_mode: destroy\n'
    )
  )
  const all = await p.json('apply')
  expect(
    all.vault?.changes
      .filter((c) => c.action === 'delete')
      .map((c) => c.key)
      .sort()
  ).toEqual(['hand_made', 'leaving'])
  expect(
    (await t.root.get(`${mount}/metadata/variables/hand_made`)).status
  ).toBe(404)
})

test('a secret deleted in Vault is recreated with check-and-set on its version', async () => {
  const mount = await t.mountKv(2, 'recreate')
  const p = project(t.url, t.rootToken)
  p.write(manifestFor(mount))
  await p.run('apply')
  await t.root.del(`${mount}/data/variables/environment`)
  const plan = await p.run('plan')
  expect(plan.stdout).toContain(
    '+ variable environment: variables/environment (was deleted)'
  )
  const apply = await p.json('apply')
  expect(apply.vault?.written).toBe(1)
  const now = await t.root.get(`${mount}/data/variables/environment`)
  expect(
    (now.body as { data: { metadata: { version: number } } }).data.metadata
      .version
  ).toBe(2)
})

test('on KV v1, prune: true cannot know ownership: it warns and deletes nothing', async () => {
  const mount = await t.mountKv(1, 'prune1')
  const p = project(t.url, t.rootToken)
  await t.root.post(`${mount}/variables/hand_made`, { value: 'x' })
  p.write(manifestFor(mount).replace('vault:\n', 'vault:\n  prune: true\n'))
  const apply = await p.json('apply')
  expect(apply.problems.map((x) => x.code)).toEqual(['prune-needs-kv2'])
  expect(apply.vault?.changes.some((c) => c.action === 'delete')).toBe(false)
  expect((await t.root.get(`${mount}/variables/hand_made`)).status).toBe(200)
})
