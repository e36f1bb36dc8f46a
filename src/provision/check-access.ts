import { prepare } from './prepare.js'
import { redactReport } from '../sync/secret-forms.js'
import { connectionSecrets } from '../io/vault-env.js'
import { error } from '../core/problems.js'
import { accessChecks, evaluateAccess } from '../core/provision/access.js'
import type { CheckAccessReport } from '../core/provision/access-report.js'
import { VaultSession } from '../clients/vault/session.js'
import { VaultAdmin } from '../clients/vault/admin.js'
import { VaultError } from '../clients/vault/transport.js'
import { readerPolicyName } from '../core/provision/names.js'
import { readerPolicy } from '../core/provision/policies.js'
import {
  kwargsIdentities,
  provisionedIdentities,
  type Identity
} from './identities.js'
import type { ProvisionRequest } from './request.js'

export type CheckAccessRequest = Pick<
  ProvisionRequest,
  'text' | 'validate' | 'connection' | 'onSecrets'
> & {
  /** False when the environment holds no Vault credentials of its own. */
  operator: boolean
}

/** Logs in as Airflow and proves its access, without reading a secret. */
export async function runCheckAccess(
  request: CheckAccessRequest
): Promise<CheckAccessReport> {
  const report = await checkAccess(request)
  return redactReport(report, [
    ...report.secrets,
    ...(request.operator ? connectionSecrets(request.connection) : [])
  ])
}

async function checkAccess(
  request: CheckAccessRequest
): Promise<CheckAccessReport> {
  const report: CheckAccessReport = {
    manifestFile: request.validate.file,
    problems: [],
    identities: [],
    secrets: []
  }
  const prepared = prepare(request, report)
  if (!prepared) return report
  const { manifest, place } = prepared
  const usesProvision = manifest.provision !== undefined
  if (
    !usesProvision &&
    kwargsIdentities(manifest, prepared.read).length === 0
  ) {
    report.problems.push(
      place(
        error(
          'check-access-no-identity',
          [],
          'nothing to check with: add a provision: section (check-access then logs in as each provisioned AppRole), or give the Deployments approle or token credentials in astro.backend_kwargs'
        )
      )
    )
    return report
  }
  const namespace = manifest.vault.namespace ?? request.connection.namespace
  const connection = { ...request.connection, namespace }
  let operator: VaultSession | undefined
  try {
    let identities: Identity[]
    if (usesProvision) {
      if (!request.operator)
        throw new VaultError(
          'check-access logs in as each provisioned AppRole with a one-use secret-id, which needs an operator token: set VAULT_TOKEN (or AppRole/JWT credentials) allowed to issue secret-ids',
          undefined,
          'auth'
        )
      operator = await VaultSession.open(connection)
      identities = await provisionedIdentities(
        manifest,
        new VaultAdmin(operator.http)
      )
    } else {
      identities = kwargsIdentities(manifest, prepared.read)
    }
    request.onSecrets?.(identities.flatMap((i) => secretsOf(i)))
    report.secrets.push(...identities.flatMap((i) => secretsOf(i)))
    // The mount's version, asked once: by the operator, or by the first
    // identity that may ask (one without access falls back, a finding).
    let found = await operator?.detectKvVersion(
      manifest.vault.mount,
      manifest.vault.kv_version
    )
    for (const identity of identities) {
      const session = await VaultSession.open({
        ...connection,
        auth: identity.auth
      })
      try {
        found ??= await session
          .detectKvVersion(manifest.vault.mount, manifest.vault.kv_version)
          .catch(() => undefined)
        const kv = found ?? manifest.vault.kv_version ?? 2
        report.kvVersion = kv
        const checks = accessChecks(manifest, kv)
        const granted = await session.capabilities(checks.map((c) => c.path))
        report.identities.push({
          who: identity.who,
          checked: checks.length,
          findings: evaluateAccess(checks, granted)
        })
      } finally {
        await session.close()
      }
    }
    if (
      report.kvVersion &&
      report.identities.some((i) => i.findings.length > 0)
    ) {
      report.fix = {
        name: readerPolicyName(manifest),
        hcl: readerPolicy(manifest, report.kvVersion)
      }
    }
    return report
  } catch (cause) {
    if (!(cause instanceof VaultError)) throw cause
    report.remoteError = cause.message
    return report
  } finally {
    await operator?.close()
  }
}

function secretsOf(identity: Identity): string[] {
  const a = identity.auth
  if (a.method === 'approle') return [a.roleId, a.secretId]
  if (a.method === 'token') return [a.token]
  return [a.jwt]
}
