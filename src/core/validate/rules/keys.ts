import { error, warning, type PathProblem } from '../../problems.js'

/**
 * Ids and keys become Vault path segments and Airflow lookups. The rules are
 * the ones every Airflow 2 and 3 entry point accepts (airflow.md §3): the
 * model is looser, but the CLI and REST API are not. __tests__/real/ids-keys
 * checks against each real version that nothing accepted here is refused
 * there (src/core/airflow/airflow-ids.ts models each version's own rules).
 */
const CONN_ID = /^[A-Za-z0-9_.-]+$/
const MAX_CONN_ID = 200
const MAX_KEY = 250

/** Python counts code points, not UTF-16 units. */
function length(text: string): number {
  return [...text].length
}

export function connIdProblems(id: string): PathProblem[] {
  const path = ['connections', id]
  if (length(id) > MAX_CONN_ID) {
    return [
      error(
        'conn-id-too-long',
        path,
        `connection id is ${length(id)} characters; Airflow's CLI and REST API accept at most ${MAX_CONN_ID}`,
        true
      )
    ]
  }
  // '.' is no Vault path segment: the path would name its folder.
  if (id === '.') {
    return [
      error(
        'conn-id-invalid',
        path,
        "connection id '.' names no Vault path segment (the path would be its folder); rename it",
        true
      )
    ]
  }
  if (!CONN_ID.test(id)) {
    return [
      error(
        'conn-id-invalid',
        path,
        `connection id ${JSON.stringify(id)} may only use letters A-Z a-z, digits, '_', '.' and '-' to be valid in every Airflow entry point; rename it`,
        true
      )
    ]
  }
  if (id.includes('..')) {
    return [
      error(
        'conn-id-dotdot',
        path,
        `connection id ${JSON.stringify(id)} contains '..', which Vault refuses in paths (and the airflow CLI refuses from Airflow 3.3); rename it`,
        true
      )
    ]
  }
  return []
}

/** Variable keys and config names: any text that is one Vault path segment. */
export function keyProblems(
  section: 'variables' | 'config',
  key: string
): PathProblem[] {
  const noun = section === 'variables' ? 'variable key' : 'config name'
  const path = [section, key]
  const problem = (why: string): PathProblem[] => [
    error(
      `${section === 'variables' ? 'variable' : 'config'}-key-invalid`,
      path,
      `${noun} ${JSON.stringify(key)} ${why}`,
      true
    )
  ]
  if (key.trim() === '') return problem('is empty; give it a name')
  // A control character would forge a line of a log or a report; '.' is
  // no Vault path segment (the path would name its folder).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(key))
    return problem('contains a control character; use printable text')
  if (key === '.') return problem('names no Vault path segment; rename it')
  if (length(key) > MAX_KEY) {
    return problem(
      `is ${length(key)} characters; Airflow allows at most ${MAX_KEY}`
    )
  }
  if (key.includes('/')) {
    return problem(
      "contains '/', which would nest it in a Vault folder where Airflow does not look; use '_' or '.' instead"
    )
  }
  if (key.includes('..'))
    return problem("contains '..', which Vault refuses in paths")
  return []
}

/**
 * `AIRFLOW_CONN_*` and `AIRFLOW_VAR_*` lookups upper-case the id, so two
 * entries that differ only by case shadow each other there.
 */
export function caseCollisions(
  section: 'connections' | 'variables',
  keys: readonly string[]
): PathProblem[] {
  const seen = new Map<string, string>()
  const problems: PathProblem[] = []
  const prefix = section === 'connections' ? 'AIRFLOW_CONN_' : 'AIRFLOW_VAR_'
  for (const key of keys) {
    const upper = key.toUpperCase()
    const first = seen.get(upper)
    if (first === undefined) {
      seen.set(upper, key)
      continue
    }
    problems.push(
      warning(
        'key-case-collision',
        [section, key],
        `${JSON.stringify(key)} and ${JSON.stringify(first)} differ only by case; ${prefix}${upper} would name both, so rename one`,
        true
      )
    )
  }
  return problems
}
