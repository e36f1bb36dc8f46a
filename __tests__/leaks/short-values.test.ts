/**
 * Short secrets (`a1`, `ion`): not masked and not redacted, because a text
 * search for them would turn ordinary output into `***` soup; they must
 * still be written, and the summary must stay readable as the runner would
 * show it after applying every mask the run registered.
 */
import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import {
  startAstroTestServer,
  type AstroTestServer
} from '../../devserver/astro/index.js'
import {
  makeRedactor,
  maskForms,
  MIN_REDACTED_LENGTH,
  secretForms
} from '../../src/core/redact.js'
import { ENV_CANARIES } from './canaries.js'
import { runActionEntry } from './entries.js'
import { MANIFEST, mountKv, readSecret, workspace } from './project.js'

let dev: VaultDevServer
let astro: AstroTestServer
beforeAll(async () => {
  dev = await startVaultDevServer({ mounts: [] })
  astro = await startAstroTestServer()
})
afterAll(async () => {
  await dev.close()
  await astro.close()
})

test('values under the minimum have no forms to mask or redact', () => {
  expect(MIN_REDACTED_LENGTH).toBe(4)
  for (const short of ['a1', 'ion', 'é', '']) {
    expect(maskForms(short)).toEqual([])
    expect(secretForms(short)).toEqual([])
  }
  const text = 'a1 connection version (KV v2)'
  expect(makeRedactor(['a1', 'ion'])(text)).toBe(text)
  // One character over: masked whole, and only where it stands.
  expect(makeRedactor(['ion1'])('ion1 version')).toBe('*** version')
})

test('a run with short secrets writes them, and its summary stays readable after masking', async () => {
  const servers = {
    vault: { url: dev.url, token: dev.rootToken, roleId: '' },
    astro: {
      url: astro.url,
      token: astro.token,
      organizationId: astro.organizationId
    }
  }
  await mountKv(servers, 'short')
  const dir = workspace('short', 'full')
  const run = await runActionEntry(
    {
      command: 'apply',
      manifest: MANIFEST,
      'vault-address': dev.url,
      'vault-token': dev.rootToken,
      'astro-api-token': astro.token,
      'comment-on-pr': 'never'
    },
    { ...ENV_CANARIES, GITHUB_WORKSPACE: dir, ASTRO_API_URL: astro.url },
    () => 0
  )
  expect(run.code).toBe(0)
  expect((await readSecret(servers, 'short', 'variables/short')).value).toBe(
    'a1'
  )
  expect((await readSecret(servers, 'short', 'config/short3')).value).toBe(
    'ion'
  )
  // The runner replaces every registered value in what it shows.
  const runner = (text: string): string =>
    run.masks.reduce((t, m) => t.split(m.value).join('***'), text)
  const shown = runner(run.channels.summary ?? '')
  // `ion` is in Connections and Action: masked, they would read Connect***s.
  expect(shown).toContain('### Connections')
  expect(shown).toContain('| Action | Key | Fields |')
  expect(shown).toContain('| ➕ create | `short3` |  |')
  expect(shown).toContain('| ➕ create | `short` |  |')
  expect(shown).toContain('**Applied:** 9 written, 0 failed, 0 not attempted.')
})
