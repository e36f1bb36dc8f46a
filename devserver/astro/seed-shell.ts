/**
 * The read-only parts every seeded Deployment has (the `required` list of
 * the spec's `Deployment` schema: URLs, image, runtime, scheduler/web server
 * resources, created/updated metadata), worker queue and env var builders,
 * and the seed ids.
 */
import type { StoredDeployment, StoredEnvVar } from './model.js'

const CREATED = '2026-01-12T08:30:00Z'

/** Pick, as Omit on an index-signature type loses the named fields. */
export type Shell = Pick<
  StoredDeployment,
  'id' | 'name' | 'organizationId' | 'workspaceId' | 'status'
> &
  Record<string, unknown>

export const SEED_SECRET_MARKER = 'SEEDSECRET'

export const SEED_IDS = {
  standard: 'clx5std00000108l1s9d2k4e7a',
  dedicated: 'clx5ded00000208l1s9d2k4e7b',
  hybrid: 'clx5hyb00000308l1s9d2k4e7c',
  hybridCelery: 'clx5hyc00000408l1s9d2k4e7d',
  remote: 'clx5rex00000508l1s9d2k4e7e'
} as const

export const SEED_WORKSPACE_ID = 'clx5wsp00000008l1q7h3m2n9p'
export const OTHER_WORKSPACE_ID = 'clx5wsq00000008l1q7h3m2n9q'

const T = '2026-05-04T09:12:44Z'

export function env(
  plain: Record<string, string>,
  secret: Record<string, string>
): StoredEnvVar[] {
  return [
    ...Object.entries(plain).map(([key, value]) => ({
      key,
      value,
      isSecret: false,
      updatedAt: T
    })),
    ...Object.entries(secret).map(([key, value]) => ({
      key,
      value: `${value}-${SEED_SECRET_MARKER}-${key.length}`,
      isSecret: true,
      updatedAt: T
    }))
  ]
}

export function shell(organizationId: string, id: string, name: string): Shell {
  const ns = `${name.replace(/[^a-z0-9]/g, '')}-${id.slice(-4)}`
  const host = `${id}.astronomer.run`
  return {
    id,
    name,
    organizationId,
    workspaceId: SEED_WORKSPACE_ID,
    workspaceName: 'Data Platform',
    namespace: ns,
    status: 'HEALTHY',
    cloudProvider: 'AWS',
    region: 'us-east-1',
    airflowVersion: '2.10.5',
    astroRuntimeVersion: '12.8.0',
    runtimeVersion: '12.8.0',
    imageRepository: `images.astronomer.cloud/${organizationId}/${ns}`,
    imageTag: 'deploy-2026-05-04T09-10',
    imageVersion: 'deploy-2026-05-04T09-10',
    apiUrl: `https://${host}/api`,
    uiUrl: `https://cloud.astronomer.io/${organizationId}/deployments/${id}`,
    webServerUrl: `${host}/${ns}`,
    webServerAirflowApiUrl: `${host}/${ns}/api/v1`,
    webServerIngressHostname: host,
    webServerCpu: '0.5',
    webServerMemory: '1Gi',
    webServerReplicas: 1,
    schedulerCpu: '1',
    schedulerMemory: '2Gi',
    schedulerReplicas: 1,
    isCicdEnforced: false,
    isDagDeployEnabled: true,
    dagTarballVersion: '2026-05-04T09:10:02Z',
    desiredDagTarballVersion: '2026-05-04T09:10:02Z',
    effectiveWorkloadIdentity: `arn:aws:iam::123456789012:role/${ns}`,
    externalIPs: ['198.51.100.7'],
    oidcIssuerUrl: 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC123',
    scalingStatus: { hibernationStatus: { isHibernating: false } },
    createdAt: CREATED,
    createdBy: {
      id: 'clx5usr00000008l1u5e6r7s8t',
      subjectType: 'USER',
      username: 'ada@example.com',
      fullName: 'Ada Lovelace'
    },
    updatedAt: CREATED,
    updatedBy: {
      id: 'clx5tok00000008l1t0k3n4a5b',
      subjectType: 'SERVICEKEY',
      apiTokenName: 'ci-deploy'
    }
  }
}

export function queue(
  name: string,
  isDefault: boolean,
  opts: {
    astroMachine?: string
    nodePoolId?: string
    min?: number
    max?: number
  }
): Record<string, unknown> {
  const big = opts.astroMachine === 'A20'
  return {
    id: `clx5wq${name.padEnd(6, '0').slice(0, 6)}0008l1w0q1u2e3`,
    name,
    isDefault,
    ...(opts.astroMachine ? { astroMachine: opts.astroMachine } : {}),
    ...(opts.nodePoolId ? { nodePoolId: opts.nodePoolId } : {}),
    minWorkerCount: opts.min ?? 1,
    maxWorkerCount: opts.max ?? 10,
    workerConcurrency: big ? 10 : 5,
    podCpu: big ? '4' : '1',
    podMemory: big ? '8Gi' : '2Gi',
    ...(big ? { podEphemeralStorage: '20Gi' } : {})
  }
}
