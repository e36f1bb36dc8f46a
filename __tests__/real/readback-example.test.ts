/**
 * Issue #12 item 4: after `provision` and `apply` of
 * examples/airflow-secrets.yaml into our dev server and into OpenBao, for
 * KV v2 and v1 and both connection formats, each Airflow line's real
 * VaultBackend, configured with the kwargs the Astro Deployment received,
 * reads every connection, variable and config entry as the manifest meant
 * it: with the AppRole provision handed over, and with a reader token; in
 * 3.x through the core lookup and through the Task SDK a task uses.
 */
import {
  startVaultDevServer,
  type VaultDevServer
} from '../../devserver/vault/index.js'
import { AIRFLOW_LINES, AirflowOracle } from './helpers/oracle.js'
import {
  applyExample,
  type AppliedExample,
  type VaultUnderTest
} from './helpers/readback-apply.js'
import { readBack, type Verdict } from './helpers/readback-check.js'
import { exampleMeaning } from './helpers/readback-expect.js'
import { tally } from './helpers/tally.js'

const meaning = exampleMeaning()
let dev: VaultDevServer
const oracles = new Map<string, Promise<AirflowOracle>>()
const verdicts = new Map<string, Promise<Verdict>>()

function openBao(): VaultUnderTest {
  const url = process.env.VAULT_ADDR
  const rootToken = process.env.VAULT_TOKEN
  // This tier always has OpenBao (tools/real-systems/test-real.ts); a run
  // without it must fail, not pass on the dev server alone.
  if (process.env.AVS_REAL_VAULT !== 'openbao' || !url || !rootToken)
    throw new Error('run through npm run test:real, which starts OpenBao')
  return { name: 'OpenBao', url, rootToken }
}

/** Every version reads every combination; the versions run side by side. */
async function verdictFor(
  line: string,
  applied: AppliedExample[]
): Promise<Verdict> {
  const oracle = await oracles.get(line)!
  const all: Verdict = { agreed: 0, total: 0, mismatches: [], known: [] }
  for (const a of applied)
    for (const auth of ['approle', 'token'] as const)
      for (const path of oracle.hello.paths) {
        const v = await readBack(oracle, a, auth, path, meaning)
        all.agreed += v.agreed
        all.total += v.total
        all.mismatches.push(...v.mismatches)
        all.known.push(...v.known)
      }
  return all
}

beforeAll(async () => {
  dev = await startVaultDevServer({ mounts: [] })
  // The first lookup imports and sets up much of Airflow; doing it while
  // the applies run keeps the machine busy instead of waiting.
  const warmUp = { url: dev.url, token: dev.rootToken, mount_point: 'none' }
  for (const line of AIRFLOW_LINES)
    oracles.set(
      line,
      AirflowOracle.start(line).then(async (o) => {
        for (const path of o.hello.paths)
          await o.ask('backend_read', {
            kwargs: warmUp,
            path,
            connections: ['none']
          })
        return o
      })
    )
  const servers: VaultUnderTest[] = [
    { name: 'dev server', url: dev.url, rootToken: dev.rootToken },
    openBao()
  ]
  const applied: AppliedExample[] = []
  for (const server of servers)
    for (const kv of [2, 1] as const)
      for (const format of ['uri', 'json'] as const)
        applied.push(await applyExample(server, kv, format))
  for (const line of AIRFLOW_LINES)
    verdicts.set(line, verdictFor(line, applied))
  // A rejected verdict is reported by its own test, not as unhandled here.
  for (const v of verdicts.values()) v.catch(() => undefined)
}, 120_000)

afterAll(async () => {
  for (const o of oracles.values())
    await (await o.catch(() => undefined))?.close()
  await dev?.close()
})

test.each(AIRFLOW_LINES)(
  "Airflow %s's VaultBackend reads every entry of the example as the manifest meant it",
  async (line) => {
    const verdict = await verdicts.get(line)!
    tally(line, 'read-back', verdict.agreed, verdict.total)
    expect(verdict.mismatches).toEqual([])
    // A recorded finding may show only where it was recorded.
    const [major = 0, minor = 0] = line.split('.').map(Number)
    if (major < 3 || (major === 3 && minor < 1))
      expect(verdict.known).toEqual([])
    // 8 applies x 2 credentials x the version's code paths x every entry.
    const entries = [meaning.connections, meaning.variables, meaning.config]
      .map((m) => Object.keys(m).length)
      .reduce((a, b) => a + b)
    expect(verdict.total).toBe(
      8 * 2 * (line.startsWith('3.') ? 2 : 1) * entries
    )
  },
  120_000
)
