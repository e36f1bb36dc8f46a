/**
 * With a `provision:` section, each Deployment logs in with the AppRole
 * provision made for it: role_id and secret_id are handed over by
 * `provision`, never written in the manifest. Runs without them (apply,
 * drift) use a stand-in, so the kwargs fingerprint says whether everything
 * else is current without knowing the secret-id.
 */
import type { BackendKwargsValues } from '../astro/kwargs.js'
import type { Manifest } from '../manifest/schema.js'

export const PROVISIONED = '(handed over by airflow-vault-sync provision)'

export interface RoleCredentials {
  roleId: string
  secretId: string
}

/** The auth kwargs provision owns; undefined without `provision:`. */
export function provisionedKwargs(
  manifest: Manifest,
  credentials?: RoleCredentials
): BackendKwargsValues | undefined {
  const provision = manifest.provision
  if (!provision || !manifest.astro) return undefined
  const kwargs: BackendKwargsValues = {
    auth_type: 'approle',
    role_id: credentials?.roleId ?? PROVISIONED,
    secret_id: credentials?.secretId ?? PROVISIONED
  }
  // hvac's approle default mount is "approle".
  if (provision.approle.mount !== 'approle')
    kwargs.auth_mount_point = provision.approle.mount
  return kwargs
}

/** The same kwargs with the credentials replaced by the stand-in. */
export function publicKwargs(kwargs: BackendKwargsValues): BackendKwargsValues {
  return { ...kwargs, role_id: PROVISIONED, secret_id: PROVISIONED }
}
