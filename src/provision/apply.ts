/**
 * Carries out a provision plan in order: mounts and auth methods, then
 * policies, then roles, then secret-ids. For each Deployment: issue a new
 * secret-id, hand it over, and only then destroy the old ones, so Airflow
 * can log in at every moment; if the hand-over fails, the new secret-id is
 * destroyed and the old one keeps working.
 */
import type { Manifest } from '../core/manifest/schema.js'
import type { ProvisionSettings } from '../core/manifest/provision-schema.js'
import type { CredentialPlan } from '../core/provision/plan-credentials.js'
import type { RoleCredentials } from '../core/provision/handoff.js'
import type { VaultAdmin } from '../clients/vault/admin.js'
import { TOOL_NAME } from '../version.js'
import type { DeploymentHandoff, DeploymentView } from './deployments.js'
import type { ProvisionRequest } from './request.js'
import type { ProvisionReport } from '../core/provision/report.js'

export interface ApplyContext {
  request: ProvisionRequest
  report: ProvisionReport
  admin: VaultAdmin
  provision: ProvisionSettings
  manifest: Manifest
  credentials: CredentialPlan[]
  views: DeploymentView[]
  handoff?: DeploymentHandoff
}

export async function applyProvision(ctx: ApplyContext): Promise<void> {
  const { report, admin } = ctx
  const pending = report.steps.filter(
    (s) =>
      s.kind !== 'secret-id' &&
      s.action !== 'unchanged' &&
      (s.body || s.action === 'delete')
  )
  for (const [i, s] of pending.entries()) {
    try {
      if (s.action === 'delete') await admin.remove(s.path)
      else await admin.write(s.path, s.body as Record<string, unknown>)
      report.done.push(`${s.kind} ${s.name}: ${s.action}d`)
    } catch (cause) {
      report.notAttempted.push(
        ...pending.slice(i + 1).map((p) => `${p.kind} ${p.name}`),
        ...ctx.credentials
          .filter((c) => c.issue)
          .map((c) => `secret-id for ${c.recipient.label}`)
      )
      throw cause
    }
  }
  const roleIds = new Map<string, string>()
  const issuing = ctx.credentials.filter((c) => c.issue)
  for (const [i, plan] of issuing.entries()) {
    try {
      await rotate(ctx, plan, roleIds)
    } catch (cause) {
      report.notAttempted.push(
        ...issuing.slice(i + 1).map((c) => `secret-id for ${c.recipient.label}`)
      )
      throw cause
    }
  }
}

/** Issue, hand over, then destroy the old: one recipient's rotation. */
async function rotate(
  ctx: ApplyContext,
  plan: CredentialPlan,
  roleIds: Map<string, string>
): Promise<void> {
  const { report, admin } = ctx
  const mount = ctx.provision.approle.mount
  const { role, deploymentId, label } = plan.recipient
  const roleId = roleIds.get(role) ?? (await admin.roleId(mount, role))
  roleIds.set(role, roleId)
  const issued = await admin.issueSecretId(mount, role, {
    'managed-by': TOOL_NAME,
    manifest: report.manifestFile.slice(0, 512),
    // OpenBao refuses an empty metadata value; absent reads back as ''.
    ...(deploymentId !== '' ? { deployment: deploymentId } : {})
  })
  const creds: RoleCredentials = { roleId, secretId: issued.secretId }
  ctx.request.onSecrets?.([roleId, issued.secretId])
  report.secrets.push(roleId, issued.secretId)
  report.done.push(`secret-id for ${label}: issued`)
  if (!(await handOver(ctx, plan, creds, issued.accessor))) {
    // Never leave a valid credential nobody holds.
    await admin
      .destroySecretId(mount, role, issued.accessor)
      .catch(() => undefined)
    report.done.push(
      `secret-id for ${label}: new one destroyed, the old one still works`
    )
    return
  }
  for (const accessor of plan.destroy) {
    await admin.destroySecretId(mount, role, accessor)
    report.done.push(`secret-id for ${label}: old one ${accessor} destroyed`)
  }
}

async function handOver(
  ctx: ApplyContext,
  plan: CredentialPlan,
  creds: RoleCredentials,
  accessor: string
): Promise<boolean> {
  const { deploymentId, role } = plan.recipient
  if (deploymentId === '') {
    ctx.report.handedOff = ctx.request.handOff?.({
      role,
      authMount: ctx.provision.approle.mount,
      roleId: creds.roleId,
      secretId: creds.secretId,
      secretIdAccessor: accessor
    })
    return true
  }
  const view = ctx.views.find((v) => v.id === deploymentId)
  const outcome = ctx.report.deployments.find((d) => d.id === deploymentId)
  if (!view || !ctx.handoff || !outcome) return false
  try {
    const plan = await ctx.handoff.handOver(view, creds, (json) =>
      ctx.request.onSecrets?.([json])
    )
    outcome.status = plan.action === 'skipped' ? 'unchanged' : 'updated'
    return plan.action !== 'skipped'
  } catch (cause) {
    outcome.status = 'failed'
    outcome.error = cause instanceof Error ? cause.message : String(cause)
    return false
  }
}
