/**
 * Issue #14 item 7: `{ file: }` reads only a regular file of at most
 * 1 MiB (AIRFLOW_VAULT_SYNC_MAX_FILE_BYTES), never anything under .git/
 * (actions/checkout keeps its token in .git/config), and validate checks
 * all of it, and that the file exists, at the reference's line, without
 * opening it or printing its content.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import { project, type SyncProject } from '../sync/fixture.js'

let vault: VaultDevServer
beforeAll(async () => {
  vault = await startVaultDevServer({
    mounts: [{ path: 'airflow', version: 2 }]
  })
})
afterAll(async () => vault.close())

const GIT_TOKEN = 'ghs_CheckoutTokenCanary0123456789'

/** A manifest whose one variable reads `file`, at line 4. */
function withFile(file: string): SyncProject {
  const p = project(vault.url, vault.rootToken)
  writeFileSync(
    path.join(p.dir, '.git', 'config'),
    `[http]\n\textraheader = AUTHORIZATION: basic ${GIT_TOKEN}\n`
  )
  p.write(
    `version: 1\nvault: { mount: airflow }\nvariables:\n  secret: { file: ${JSON.stringify(file)} }\n`
  )
  return p
}

async function problemsOf(
  p: SyncProject,
  command: string,
  env: Record<string, string> = {}
): Promise<{ code: number; problems: string[]; out: string }> {
  Object.assign(p.env, env)
  const run = await p.run(command, '--json')
  const json = JSON.parse(run.stdout) as {
    problems: Array<{ code: string; line: number }>
  }
  return {
    code: run.code,
    problems: json.problems.map((x) => `${x.line} ${x.code}`),
    out: run.stdout + run.stderr
  }
}

test.each(['validate', 'plan'])(
  'a FIFO is refused without being opened (%s)',
  async (command) => {
    const p = withFile('pipe')
    execFileSync('mkfifo', [path.join(p.dir, 'pipe')])
    // Opening a FIFO for reading blocks until a writer comes: none will.
    const result = await problemsOf(p, command)
    expect(result.problems).toEqual(['4 file-ref-not-regular'])
    expect(result.code).toBe(1)
  }
)

test('a socket and a directory are refused', async () => {
  const p = withFile('sock')
  const server = net.createServer().listen(path.join(p.dir, 'sock'))
  await new Promise((resolve) => server.once('listening', resolve))
  try {
    expect((await problemsOf(p, 'validate')).problems).toEqual([
      '4 file-ref-not-regular'
    ])
  } finally {
    server.close()
  }
  const d = withFile('keys')
  mkdirSync(path.join(d.dir, 'keys'))
  expect((await problemsOf(d, 'validate')).problems).toEqual([
    '4 file-ref-not-regular'
  ])
})

test('a file over the limit is refused before it is read; the limit is settable', async () => {
  const p = withFile('big.pem')
  writeFileSync(path.join(p.dir, 'big.pem'), 'x'.repeat(1024 * 1024 + 1))
  expect((await problemsOf(p, 'validate')).problems).toEqual([
    '4 file-ref-too-large'
  ])
  // validate, not plan: redacting a 1 MiB secret from the output is slow.
  const raised = await problemsOf(p, 'validate', {
    AIRFLOW_VAULT_SYNC_MAX_FILE_BYTES: '2000000'
  })
  expect(raised).toMatchObject({ code: 0, problems: [] })
  p.env.AIRFLOW_VAULT_SYNC_MAX_FILE_BYTES = 'lots'
  const usage = await p.run('validate')
  expect(usage.stderr).toContain('AIRFLOW_VAULT_SYNC_MAX_FILE_BYTES')
  expect(usage.code).toBe(2)
})

test.each([['.git/config'], ['./.git/../.git/config'], ['token-link']])(
  'anything under .git/ is refused, also through a symlink (%s)',
  async (file) => {
    const p = withFile(file)
    symlinkSync(
      path.join(p.dir, '.git', 'config'),
      path.join(p.dir, 'token-link')
    )
    for (const command of ['validate', 'plan']) {
      const result = await problemsOf(p, command)
      expect(result.problems).toEqual(['4 file-ref-in-git'])
      expect(result.out).not.toContain(GIT_TOKEN)
    }
  }
)

test('validate says a referenced file does not exist, at its line', async () => {
  const p = withFile('keys/absent.pem')
  const result = await problemsOf(p, 'validate')
  expect(result.problems).toEqual(['4 file-ref-not-found'])
  expect(result.code).toBe(1)
})
