/**
 * Issue #12 item 5: our validation of `astro.backend_kwargs` and each
 * Airflow line's provider (4.3.4 on 2.10, 4.8.4 on the rest) judge the same
 * kwargs alike. Where the provider refuses in every line, we report an
 * error; where it accepts, nothing; where its answer depends on something
 * outside the kwargs (VAULT_TOKEN, the role's bind_secret_id) or on the
 * line, a warning, which names the lines that refuse.
 */
import { KNOWN_KWARGS } from '../../src/core/vault-backend/kwargs.js'
import { kwargsCases, type KwargsCase } from './helpers/kwargs-cases.js'
import { openBaoLogins } from './helpers/kwargs-logins.js'
import {
  ourVerdict,
  providerVerdict,
  type ProviderVerdict
} from './helpers/kwargs-verdicts.js'
import { AIRFLOW_LINES, AirflowOracle } from './helpers/oracle.js'
import { tally } from './helpers/tally.js'

interface Signature {
  auth_types: string[]
  backend: string[]
  hvac_client: string[]
  hvac_adapter: string[]
}

let logins: Awaited<ReturnType<typeof openBaoLogins>>
const oracles = new Map<string, AirflowOracle>()
const signatures = new Map<string, Signature>()

beforeAll(async () => {
  const url = process.env.VAULT_ADDR
  const token = process.env.VAULT_TOKEN
  if (process.env.AVS_REAL_VAULT !== 'openbao' || !url || !token)
    throw new Error('run through npm run test:real, which starts OpenBao')
  logins = await openBaoLogins(url, token)
  await Promise.all(
    AIRFLOW_LINES.map(async (line) => {
      const oracle = await AirflowOracle.start(line)
      oracles.set(line, oracle)
      const s = await oracle.ask<Signature>('backend_signature')
      if (!s.ok) throw new Error(s.error.message)
      signatures.set(line, s.result)
    })
  )
}, 120_000)

afterAll(async () => {
  for (const o of oracles.values()) await o.close()
  await logins?.close()
})

test.each(AIRFLOW_LINES)(
  'Airflow %s: every kwarg the provider and hvac take is one we know',
  (line) => {
    const s = signatures.get(line)!
    // hvac.Client's url comes from `url`; session and adapter take Python
    // objects, which JSON cannot carry (the cases show they fail).
    const taken = [...s.backend, ...s.hvac_client, ...s.hvac_adapter].filter(
      (k) => !['base_uri', 'session', 'adapter'].includes(k)
    )
    expect(taken.filter((k) => !KNOWN_KWARGS.includes(k))).toEqual([])
  }
)

test('every kwarg we know is taken by the provider or hvac of some line', () => {
  const taken = new Set(
    [...signatures.values()].flatMap((s) => [
      ...s.backend,
      ...s.hvac_client,
      ...s.hvac_adapter
    ])
  )
  expect(KNOWN_KWARGS.filter((k) => !taken.has(k))).toEqual([])
})

/** Every line's verdict on one case, under each of its conditions. */
async function verdicts(
  c: KwargsCase
): Promise<Map<string, ProviderVerdict[]>> {
  const out = new Map<string, ProviderVerdict[]>()
  await Promise.all(
    AIRFLOW_LINES.map(async (line) => {
      const oracle = oracles.get(line)!
      const asked = [providerVerdict(oracle, c.kwargs)]
      for (const v of c.variants ?? [])
        asked.push(providerVerdict(oracle, { ...c.kwargs, ...v.kwargs }, v.env))
      out.set(line, await Promise.all(asked))
    })
  )
  return out
}

test('the provider and our validation judge every auth_type and key alike', async () => {
  const authTypes = [
    ...new Set([...signatures.values()].flatMap((s) => s.auth_types))
  ]
  const disagreements: string[] = []
  const agreed = new Map(AIRFLOW_LINES.map((l) => [l, 0]))
  const cases = kwargsCases(logins, authTypes)
  for (const c of cases) {
    const byLine = await verdicts(c)
    const ours = ourVerdict(c.kwargs)
    const refusing = AIRFLOW_LINES.filter((l) => !byLine.get(l)![0]!.accepted)
    for (const line of AIRFLOW_LINES) {
      const here = byLine.get(line)!
      const mixedHere = new Set(here.map((v) => v.accepted)).size > 1
      const byVersion =
        refusing.length > 0 && refusing.length < AIRFLOW_LINES.length
      const expected =
        mixedHere || byVersion
          ? 'warning'
          : here[0]!.accepted
            ? 'clean'
            : 'error'
      // A warning about versions must name each line that refuses.
      const named =
        !byVersion ||
        refusing.every((l) =>
          ours.messages.some((m) => m.includes(`Airflow ${l}`))
        )
      if (ours.level === expected && named)
        agreed.set(line, agreed.get(line)! + 1)
      else
        disagreements.push(
          `${c.name} on Airflow ${line}: provider ${here.map((v) => (v.accepted ? 'accepts' : `refuses (${v.why})`)).join(' / ')}; we ${ours.level}${ours.messages.length ? ` (${ours.messages.join('; ')})` : ''}, expected ${expected}`
        )
    }
  }
  for (const line of AIRFLOW_LINES)
    tally(line, 'backend-kwargs', agreed.get(line)!, cases.length)
  expect(disagreements).toEqual([])
}, 120_000)
