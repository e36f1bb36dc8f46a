/**
 * Realistic Deployments, one per shape the client must carry back whole
 * (astro-api.md §1.1-1.3): STANDARD Celery with two queues and hibernation,
 * DEDICATED on a cluster with the Astro executor, HYBRID Kubernetes with a
 * scheduler spec and a task pod node pool, HYBRID Celery with node-pool
 * queues, and a Remote Execution Deployment. Each has plain and secret env
 * vars; every secret value contains SEED_SECRET_MARKER so tests can prove
 * none ever leaks into output.
 */
import type { DeploymentSeed } from './model.js'
import { env, queue, SEED_IDS, shell, type Shell } from './seed-shell.js'
import { seedHybrid } from './seeds-hybrid.js'

export {
  OTHER_WORKSPACE_ID,
  SEED_IDS,
  SEED_SECRET_MARKER,
  SEED_WORKSPACE_ID
} from './seed-shell.js'

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
