/**
 * Realistic Deployments, one per shape the client must carry back whole
 * (astro-api.md §1.1-1.3): STANDARD Celery with two queues and hibernation,
 * DEDICATED on a cluster with the Astro executor, HYBRID Kubernetes with a
 * scheduler spec and a task pod node pool, HYBRID Celery with node-pool
 * queues, and a Remote Execution Deployment. Each has plain and secret env
 * vars; every secret value contains SEED_SECRET_MARKER so tests can prove
 * none ever leaks into output.
 */
import type { DeploymentSeed, StoredEnvVar } from './model.js'
import { queue, shell, type Shell } from './seed-shell.js'

export { SEED_WORKSPACE_ID } from './seed-shell.js'

export const SEED_SECRET_MARKER = 'SEEDSECRET'

export const SEED_IDS = {
  standard: 'clx5std00000108l1s9d2k4e7a',
  dedicated: 'clx5ded00000208l1s9d2k4e7b',
  hybrid: 'clx5hyb00000308l1s9d2k4e7c',
  hybridCelery: 'clx5hyc00000408l1s9d2k4e7d',
  remote: 'clx5rex00000508l1s9d2k4e7e'
} as const

export const OTHER_WORKSPACE_ID = 'clx5wsq00000008l1q7h3m2n9q'

const T = '2026-05-04T09:12:44Z'

function env(
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

const taskPods = {
  defaultTaskPodCpu: '0.25',
  defaultTaskPodMemory: '0.5Gi',
  resourceQuotaCpu: '10',
  resourceQuotaMemory: '20Gi'
}

export function seedDeployments(organizationId: string): DeploymentSeed[] {
  const s = (name: string, id: string): Shell => shell(organizationId, id, name)
  return [
    {
      ...s('analytics-staging', SEED_IDS.standard),
      type: 'STANDARD',
      description: 'Staging for the analytics DAGs',
      executor: 'CELERY',
      schedulerSize: 'SMALL',
      isHighAvailability: false,
      isDevelopmentMode: true,
      isCicdEnforced: true,
      contactEmails: ['data-platform@example.com', 'oncall@example.com'],
      ...taskPods,
      workerQueues: [
        queue('default', true, { astroMachine: 'A5', min: 1, max: 10 }),
        queue('heavy', false, { astroMachine: 'A20', min: 0, max: 4 })
      ],
      scalingSpec: {
        hibernationSpec: {
          schedules: [
            {
              hibernateAtCron: '0 20 * * 1-5',
              wakeAtCron: '0 6 * * 1-5',
              isEnabled: true,
              description: 'Nights'
            }
          ],
          override: {
            isHibernating: false,
            overrideUntil: '2026-12-24T18:00:00Z',
            isActive: true
          }
        }
      },
      environmentVariables: env(
        { AIRFLOW__CORE__DEFAULT_TIMEZONE: 'Europe/Berlin', DBT_TARGET: 'stg' },
        { DATADOG_API_KEY: 'dd0a1b2c3d', SLACK_WEBHOOK_URL: 'https://hooks' }
      )
    },
    {
      ...s('analytics-prod', SEED_IDS.dedicated),
      type: 'DEDICATED',
      clusterId: 'clx5cls00000008l1a1b2c3d4e',
      clusterName: 'prod-us-east-1',
      executor: 'ASTRO',
      schedulerSize: 'LARGE',
      isHighAvailability: true,
      isDevelopmentMode: false,
      contactEmails: [],
      ...taskPods,
      workerQueues: [
        queue('default', true, { astroMachine: 'A10', min: 2, max: 20 })
      ],
      environmentVariables: env(
        { AIRFLOW__CELERY__WORKER_CONCURRENCY: '16' },
        { SNOWFLAKE_PRIVATE_KEY: 'MIIEvQIBADANBgkq' }
      )
    },
    ...seedHybrid(organizationId)
  ]
}

function seedHybrid(organizationId: string): DeploymentSeed[] {
  const s = (name: string, id: string): Shell => shell(organizationId, id, name)
  const hybrid = {
    type: 'HYBRID' as const,
    clusterId: 'clx5hcl00000008l1a1b2c3d4f',
    clusterName: 'customer-eks',
    schedulerAu: 10,
    schedulerReplicas: 2,
    isCicdEnforced: false
  }
  return [
    {
      ...s('ml-training', SEED_IDS.hybrid),
      ...hybrid,
      executor: 'KUBERNETES',
      taskPodNodePoolId: 'clx5npl00000008l1a1b2c3d40',
      environmentVariables: env(
        { MLFLOW_TRACKING_URI: 'https://mlflow.internal' },
        { HF_TOKEN: 'hf_q1w2e3r4' }
      )
    },
    {
      ...s('etl-hybrid', SEED_IDS.hybridCelery),
      ...hybrid,
      description: 'Hybrid Celery',
      executor: 'CELERY',
      workerQueues: [
        queue('default', true, { nodePoolId: 'clx5npl00000008l1a1b2c3d41' }),
        queue('gpu', false, { nodePoolId: 'clx5npl00000008l1a1b2c3d42' })
      ],
      environmentVariables: env({ ETL_MODE: 'full' }, { PG_PASSWORD: 'pg' })
    },
    {
      ...s('edge-remote', SEED_IDS.remote),
      type: 'DEDICATED',
      clusterId: 'clx5cls00000008l1a1b2c3d4e',
      executor: 'ASTRO',
      schedulerSize: 'MEDIUM',
      isHighAvailability: false,
      remoteExecution: {
        enabled: true,
        allowedIpAddressRanges: ['203.0.113.0/24'],
        remoteApiUrl: `https://${SEED_IDS.remote}.remote.astronomer.run/api`,
        taskLogBucket: 's3://acme-airflow-task-logs',
        taskLogUrlPattern: 'https://logs.example.com/{dag_id}/{run_id}'
      },
      environmentVariables: env({ REGION: 'edge-1' }, { EDGE_KEY: 'ek' })
    }
  ]
}
