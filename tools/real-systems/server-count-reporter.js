/**
 * A Jest reporter for the closing lines of each run: how many tests of the
 * Vault conformance suite and of the sync and provision end-to-end suites
 * ran against which server (the dev server in `npm run jest`, OpenBao in
 * `npm run test:real`). Dev-only tests (fault injection, counters) show as
 * skipped on OpenBao.
 */
const SUITES = [
  ['conformance', '/__tests__/vault-devserver/'],
  ['sync end-to-end', '/__tests__/sync/'],
  ['provision end-to-end', '/__tests__/provision/']
]

export default class ServerCountReporter {
  onRunComplete(_contexts, results) {
    const server =
      process.env.AVS_REAL_VAULT === 'openbao'
        ? (process.env.AVS_REAL_VAULT_VERSION ?? 'OpenBao')
        : 'the Vault dev server'
    const lines = []
    for (const [name, folder] of SUITES) {
      const files = results.testResults.filter((r) =>
        r.testFilePath.includes(folder)
      )
      if (files.length === 0) continue
      const sum = (key) => files.reduce((n, r) => n + r[key], 0)
      lines.push(
        `  ${name} on ${server}: ${sum('numPassingTests')} passed, ${sum('numFailingTests')} failed, ${sum('numPendingTests')} skipped`
      )
    }
    if (lines.length > 0)
      process.stdout.write(`\nVault suites:\n${lines.join('\n')}\n`)
  }
}
