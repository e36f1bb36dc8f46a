/**
 * Our own workflow rules, beyond what actionlint knows, run by `npm run
 * lint` over .github/workflows and examples/workflows:
 * - a third-party action is pinned by commit SHA, with its tag in a
 *   comment (`uses: actions/checkout@<40 hex> # v5.1.0`), so a moved tag
 *   cannot change what runs next to a Vault token;
 * - no `toJSON(secrets)`: it hands every secret of the repository to a
 *   job, where the manifest needs a few by name.
 * Our own Action (airflow-vault-sync/airflow-vault-sync) is named by its
 * release tag in the examples, as users will.
 */
import { readFileSync } from 'node:fs'

const USES = /^\s*(?:-\s+)?uses:\s*([^\s#]+)\s*(#.*)?$/
const OURS = /^airflow-vault-sync\/airflow-vault-sync(\/|@)/

export function workflowRuleProblems(file: string): string[] {
  const problems: string[] = []
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const at = `${file}:${i + 1}`
      if (/toJSON\(\s*secrets\s*\)/.test(text))
        problems.push(
          `${at}: toJSON(secrets) passes every secret; list the names the manifest reads`
        )
      const m = USES.exec(text)
      if (!m) return
      const [, target = '', comment] = m
      if (
        target.startsWith('./') ||
        target.startsWith('docker://') ||
        OURS.test(target)
      )
        return
      const [, ref = ''] = target.split('@')
      if (!/^[0-9a-f]{40}$/.test(ref) || !/^#\s*v\d/.test(comment ?? ''))
        problems.push(
          `${at}: pin ${target} by commit SHA with its tag in a comment (uses: owner/action@<sha> # vX.Y.Z)`
        )
    })
  return problems
}
