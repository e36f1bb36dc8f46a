import { error, type PathProblem } from '../../problems.js'
import type { Manifest } from '../../manifest/schema.js'
import { backendKwargsProblems } from './backend-kwargs.js'
import { provisionKwargsProblems } from './provision.js'

/** Stands for the role_id and secret_id provision hands over (references). */
const HANDED_OVER = { env: 'provisioned' }

/**
 * Each Deployment runs with the shared kwargs plus its own overrides; the
 * merged set is what Airflow gets, so that is what is checked. A problem in
 * the shared part is reported once, at the shared key.
 */
export function astroProblems(manifest: Manifest): PathProblem[] {
  const astro = manifest.astro
  if (!astro) return []
  const shared = ['astro', 'backend_kwargs']
  const problems: PathProblem[] = []
  const seenIds = new Set<string>()
  const reported = new Set<string>()
  astro.deployments.forEach((deployment, index) => {
    const own = deployment.backend_kwargs ?? {}
    const here = ['astro', 'deployments', index]
    const merged = { ...astro.backend_kwargs, ...own }
    // A key the Deployment overrides is reported there; a shared one at
    // the shared key, once, however many Deployments inherit it.
    const where = (key: string): (string | number)[] =>
      key in own ? [...here, 'backend_kwargs', key] : [...shared, key]
    // Provisioned credentials are not in the manifest, and must not be.
    const checked = manifest.provision
      ? {
          auth_type: 'approle',
          role_id: HANDED_OVER,
          secret_id: HANDED_OVER,
          ...merged
        }
      : merged
    for (const problem of [
      ...backendKwargsProblems(checked, where, manifest.vault),
      ...provisionKwargsProblems(manifest, merged, where)
    ]) {
      const id = `${problem.code}|${problem.path.join('.')}|${problem.message}`
      if (!reported.has(id)) problems.push(problem)
      reported.add(id)
    }
    if (seenIds.has(deployment.id)) {
      problems.push(
        error(
          'astro-duplicate-deployment',
          [...here, 'id'],
          `Deployment ${deployment.id} is listed twice; list each Deployment once`
        )
      )
    }
    seenIds.add(deployment.id)
  })
  return problems
}
