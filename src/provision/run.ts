/**
 * provision: validate, read what Vault and Astro have, plan every mount,
 * policy, role and secret-id, and (unless only planning) carry it out.
 * A conflict or a missing hand-off stops the run before the first write.
 */
import { error } from '../core/problems.js'
import { planVault } from '../core/provision/plan-vault.js'
import { planCredentials } from '../core/provision/plan-credentials.js'
import { recipients } from '../core/provision/names.js'
import { VaultSession } from '../clients/vault/session.js'
import { VaultAdmin } from '../clients/vault/admin.js'
import { VaultError } from '../clients/vault/transport.js'
import { AstroApiError } from '../clients/astro/index.js'
import { astroConnection } from '../sync/astro-connection.js'
import { readProvisionState } from './read-state.js'
import { DeploymentHandoff, type DeploymentView } from './deployments.js'
import { applyProvision } from './apply.js'
import { prepare } from './prepare.js'
import { redactReport } from '../sync/secret-forms.js'
import { connectionSecrets } from '../io/vault-env.js'
import { shownAddress } from '../core/render/address.js'
import { describePolicies } from './policies.js'
import type { ProvisionRequest } from './request.js'
import type { ProvisionReport } from '../core/provision/report.js'

export async function runProvision(
  request: ProvisionRequest
): Promise<ProvisionReport> {
  // Vault and Astro may quote what we sent (the kwargs hold a secret-id):
  // every text in the report leaves redacted.
  const report = await provision(request)
  const astroToken = request.astro?.token
  return redactReport(report, [
    ...report.secrets,
    ...connectionSecrets(request.connection),
    ...(astroToken ? [astroToken] : [])
  ])
}

async function provision(request: ProvisionRequest): Promise<ProvisionReport> {
  const report: ProvisionReport = {
    manifestFile: request.validate.file,
    problems: [],
    planOnly: request.planOnly,
    rotate: request.rotate,
    steps: [],
    deployments: [],
    conflicts: [],
    done: [],
    notAttempted: [],
    secrets: []
  }
  const prepared = prepare(request, report)
  if (!prepared) return report
  const { manifest, place } = prepared
  const provision = manifest.provision
  const astro = astroConnection(manifest, request.astro)
  if (!provision || 'problem' in astro) {
    report.problems.push(
      place(
        'problem' in astro
          ? astro.problem
          : error(
              'provision-missing',
              [],
              'the manifest has no provision: section; add one (`provision: {}` takes the defaults) to say that provision owns the policies, the AppRole and the Deployments’ credentials'
            )
      )
    )
    return report
  }
  const namespace = manifest.vault.namespace ?? request.connection.namespace
  let session: VaultSession | undefined
  try {
    session = await VaultSession.open({ ...request.connection, namespace })
    report.address = shownAddress(request.connection.address)
    const admin = new VaultAdmin(session.http)
    const state = await readProvisionState(admin, manifest, provision)
    const vault = planVault(manifest, provision, state)
    report.kvVersion = vault.kvVersion
    report.conflicts = vault.conflicts
    report.policies = describePolicies(manifest, provision, vault.kvVersion)
    const handoff =
      'connection' in astro && astro.connection
        ? new DeploymentHandoff(
            manifest,
            vault.kvVersion,
            prepared.read,
            astro.connection
          )
        : undefined
    const views: DeploymentView[] = (await handoff?.view()) ?? []
    const credentials = planCredentials({
      approleMount: provision.approle.mount,
      // Remote Execution agents read Helm values, not the Deployment's
      // variables: provision cannot hand them credentials (see the plan).
      recipients: recipients(manifest).filter(
        (r) =>
          !views.some(
            (v) => v.id === r.deploymentId && v.plan.action === 'skipped'
          )
      ),
      secretIds: state.secretIds,
      staleDeployments: new Set(
        views.filter((v) => v.plan.action === 'update').map((v) => v.id)
      ),
      rotate: request.rotate,
      now: request.now?.() ?? Date.now()
    })
    report.steps = [...vault.steps, ...credentials.steps]
    report.deployments = views.map((v) => ({
      id: v.id,
      label: deploymentLabel(
        v.id,
        manifest.astro?.deployments[v.index]?.name ?? v.plan.name
      ),
      planned: credentials.plans.some(
        (p) => p.issue && p.recipient.deploymentId === v.id
      )
        ? 'update'
        : v.plan.action,
      status: 'unchanged',
      ...(v.plan.action === 'skipped' ? { reason: REMOTE_EXECUTION } : {})
    }))
    const unhanded = credentials.plans.find(
      (p) => p.issue && p.recipient.deploymentId === '' && !request.handOff
    )
    if (unhanded) {
      report.problems.push(
        place(
          error(
            'provision-no-handoff',
            ['provision'],
            `a secret-id for role ${unhanded.recipient.role} would be issued (${unhanded.reason}), but without astro: it needs somewhere to go: pass --credentials-file FILE (written with mode 0600), or run it in the Action, which sets the masked role-id and secret-id outputs`
          )
        )
      )
      return report
    }
    if (request.planOnly || vault.conflicts.length > 0) return report
    await applyProvision({
      request,
      report,
      admin,
      provision,
      manifest,
      credentials: credentials.plans,
      views,
      handoff
    })
    return report
  } catch (cause) {
    if (cause instanceof VaultError || cause instanceof AstroApiError) {
      report.remoteError = cause.message
      return report
    }
    throw cause
  } finally {
    await session?.close()
  }
}

function deploymentLabel(id: string, name: string | undefined): string {
  return name ? `${name} (${id})` : id
}

const REMOTE_EXECUTION =
  'Remote Execution: its agents read Helm values, not the Deployment’s variables, so no secret-id is handed over; give the agents role_id and secret_id in their Helm values'
