/**
 * The Hybrid and Remote Execution seeds (see seeds.ts): HYBRID Kubernetes
 * with a scheduler spec and a task pod node pool, HYBRID Celery with
 * node-pool queues, and a DEDICATED Deployment with Remote Execution.
 */
import type { DeploymentSeed } from './model.js'
import { env, queue, SEED_IDS, shell, type Shell } from './seed-shell.js'

export function seedHybrid(organizationId: string): DeploymentSeed[] {
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
