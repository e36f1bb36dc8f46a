import { error, type PathProblem } from '../../problems.js'
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
