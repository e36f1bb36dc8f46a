import { error, warning, type PathProblem } from '../../problems.js'
import type { Manifest } from '../../manifest/schema.js'
import type { BackendKwargs } from '../../manifest/astro-schema.js'

type Path = (string | number)[]

/**
 * With `provision:`, the AppRole credentials of every Deployment come from
 * `provision`. A role_id or secret_id in the manifest would fight it, and
 * another auth_type would leave the provisioned role unused.
 */
export function provisionKwargsProblems(
  manifest: Manifest,
  kwargs: BackendKwargs,
  where: (key: string) => Path
): PathProblem[] {
  const provision = manifest.provision
  if (!provision) return []
  const problems: PathProblem[] = []
  for (const key of ['role_id', 'secret_id']) {
    if (kwargs[key] !== undefined) {
      problems.push(
        error(
          'provisioned-credential',
          where(key),
          `${key} is handed to each Deployment by \`provision\` (the provision: section); remove it here, or remove provision: to manage the credentials yourself`
        )
      )
    }
  }
  const auth = kwargs.auth_type
  if (auth !== undefined && auth !== 'approle') {
    problems.push(
      error(
        'provisioned-auth-type',
        where('auth_type'),
        `provision gives Airflow an AppRole, but auth_type is ${JSON.stringify(auth)}; remove auth_type (approle is set for you) or remove provision:`
      )
    )
  }
  const mount = kwargs.auth_mount_point
  if (mount !== undefined && mount !== provision.approle.mount) {
    problems.push(
      error(
        'provisioned-auth-mount',
        where('auth_mount_point'),
        `auth_mount_point differs from provision.approle.mount (${provision.approle.mount}); remove it, it is set for you`
      )
    )
  }
  return problems
}

/**
 * provision.github_jwt: the apply role can write and delete production
 * secrets, so who may log in to it must be said. No ref and no
 * environment means any branch; a pull request's ref in `ref` would give
 * pull requests the apply role (they get the plan role by themselves).
 */
export function githubJwtProblems(manifest: Manifest): PathProblem[] {
  const jwt = manifest.provision?.github_jwt
  if (!jwt) return []
  const at: Path = ['provision', 'github_jwt']
  const problems: PathProblem[] = []
  if (
    jwt.ref === undefined &&
    jwt.environment === undefined &&
    !jwt.allow_any_ref
  ) {
    problems.push(
      error(
        'provision-jwt-unbound',
        at,
        'github_jwt binds no ref and no environment, so a workflow on any branch could log in with the apply role and write or delete secrets: set ref (the default branch, refs/heads/main) and/or environment (e.g. production, with required reviewers), or say allow_any_ref: true'
      )
    )
  }
  if (jwt.ref === undefined && jwt.environment !== undefined) {
    problems.push(
      warning(
        'provision-jwt-plan-pulls-only',
        at,
        'without ref, the plan role is bound to pull requests only, so drift and plan on the default branch cannot log in: set ref: refs/heads/main'
      )
    )
  }
  const refs = [jwt.ref ?? []].flat()
  refs.forEach((ref, i) => {
    if (!ref.startsWith('refs/pull/')) return
    problems.push(
      error(
        'provision-jwt-pull-ref',
        Array.isArray(jwt.ref) ? [...at, 'ref', i] : [...at, 'ref'],
        `${ref} would let pull requests log in with the apply role; remove it: pull requests get the read-only plan role by their merge ref`
      )
    )
  })
  const ids = ['repository_id', 'repository_owner_id'] as const
  const missing = ids.filter((k) => jwt[k] === undefined)
  if (missing.length > 0) {
    problems.push(
      error(
        'provision-jwt-repository-id',
        at,
        `${missing.join(' and ')} missing: the roles bind the repository's ids as well as its name, so a repository recreated or an owner re-registered under the same name cannot log in; find them with \`gh api repos/${jwt.repository} --jq .id,.owner.id\``
      )
    )
  }
  return problems
}
