/**
 * A manifest bigger than one Vault request can describe: 600 secrets (about 1,200 paths to check).
 * The capability preflight must ask sys/capabilities-self in batches (one
 * body may hold 1,000 strings), or apply fails before the first write.
 */
import { type Target, openTarget } from '../vault-devserver/helpers/target.js'
import { project } from './fixture.js'

let t: Target
beforeAll(async () => {
  t = await openTarget()
})
afterAll(() => t.close())

function manifest(mount: string, n: number): string {
  const vars = Array.from({ length: n }, (_, i) => `  var_${i}: value-${i}`)
  return `version: 1\nvault: { mount: ${mount} }\nvariables:\n${vars.join('\n')}\n`
}

test('apply writes 600 secrets (about 1,200 paths to check) through a token checked path by path, and a rerun writes none', async () => {
  const mount = await t.mountKv(2)
  const policy = await t.policy(
    `path "${mount}/*" { capabilities = ["create", "read", "update", "list"] }\n` +
      'path "sys/capabilities-self" { capabilities = ["update"] }\n' +
      `path "sys/internal/ui/mounts/${mount}" { capabilities = ["read"] }`
  )
  const p = project(t.url, await t.tokenWith(policy))
  p.write(manifest(mount, 600))
  const first = await p.json('apply')
  expect(first.error).toBeUndefined()
  expect(first.vault?.written).toBe(600)
  const again = await p.json('apply')
  expect(again.vault?.written).toBe(0)
  expect(again.vault?.changes.every((c) => c.action === 'unchanged')).toBe(true)
  const read = await t.root.get(`${mount}/data/variables/var_599`)
  expect(read.body).toMatchObject({ data: { data: { value: 'value-599' } } })
}, 90_000)
