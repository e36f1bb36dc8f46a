import { startVaultDevServer } from '../../devserver/vault/index.js'
import { manifestFor, project } from './fixture.js'
import { devOnly } from '../vault-devserver/helpers/target.js'

// Fault injection and counters need the dev server: skipped in the real tier.
const test = devOnly

test('a failed read stops the run: no request is still in flight or started after it returns', async () => {
  const vault = await startVaultDevServer({
    mounts: [{ path: 'airflow', version: 2 }]
  })
  try {
    const p = project(vault.url, vault.rootToken)
    // Many secrets, so a run that kept going would send many more requests.
    const many = Array.from({ length: 200 }, (_, i) => `  v${i}: x${i}`)
    p.write(
      manifestFor('airflow').replace(
        'variables:\n',
        `variables:\n${many.join('\n')}\n`
      )
    )
    expect((await p.run('apply', '--concurrency', '4')).code).toBe(0)
    vault.faults.set({
      latencyMs: 5,
      failPaths: [{ path: 'airflow/data/variables/v1', status: 403 }]
    })
    vault.counters.reset()
    const plan = await p.run('plan', '--concurrency', '4')
    expect(plan.code).toBe(3)
    const atReturn = vault.counters.snapshot().requests.total
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(vault.counters.snapshot().requests.total).toBe(atReturn)
    // It stopped early: far fewer reads than the 200 variables.
    expect(atReturn).toBeLessThan(60)
  } finally {
    await vault.close()
  }
})
