/**
 * Remote Execution agents run tasks in the customer's cluster and take their
 * secrets backend from the agent Helm chart's values.yaml, not from
 * Deployment env vars (astro-api.md §6), so for those Deployments we print
 * a values snippet instead of POSTing. The kwargs hold credentials, so the
 * snippet never contains them: it references a Kubernetes Secret the user
 * creates, and lists only the kwargs' key names.
 */
import { BACKEND_CLASS } from '../vault-backend/kwargs.js'
import { ENV_BACKEND, ENV_KWARGS } from './model.js'

export interface HelmSnippetOptions {
  deploymentId: string
  deploymentName?: string
  /** Key names only, e.g. Object.keys(kwargs); values never go in. */
  kwargsKeys: string[]
  /** Default airflow-vault-sync-backend-kwargs. */
  secretName?: string
  /** Default backend_kwargs. */
  secretKey?: string
}

/** One line, printable, so a name can't break out of a YAML comment. */
function oneLine(text: string): string {
  return text.replace(/[^\x20-\x7e]+/g, ' ').trim()
}

export function helmValuesSnippet(o: HelmSnippetOptions): string {
  const secretName = o.secretName ?? 'airflow-vault-sync-backend-kwargs'
  const secretKey = o.secretKey ?? 'backend_kwargs'
  const keys = o.kwargsKeys.filter((k) => /^[A-Za-z0-9_.-]+$/.test(k))
  const label = o.deploymentName
    ? `${oneLine(o.deploymentName)} (${oneLine(o.deploymentId)})`
    : oneLine(o.deploymentId)
  return [
    `# airflow-vault-sync: values for the Remote Execution agent of ${label}`,
    '# Agents run tasks in your cluster and do not receive Deployment',
    '# environment variables set through the Astro API, so the Vault secrets',
    '# backend is configured here (chart astronomer/astro-remote-execution-agent).',
    '#',
    '# The backend kwargs contain credentials and are not printed. Create a',
    "# Kubernetes Secret in the agents' namespace holding them as JSON, with",
    `# the keys: ${keys.join(', ')}`,
    `#   kubectl create secret generic ${secretName} -n <agent namespace> \\`,
    `#     --from-file=${secretKey}=<file with the kwargs JSON>`,
    '#',
    '# Merge commonEnv into the list already in your values.yaml (it holds',
    '# ASTRO_ORGANIZATION_ID and friends); do not replace it. Check both key',
    '# names against your chart version; changing commonEnv rolls the agents.',
    `secretBackend: ${BACKEND_CLASS}`,
    'commonEnv:',
    `  - name: ${ENV_BACKEND}`,
    `    value: ${BACKEND_CLASS}`,
    `  - name: ${ENV_KWARGS}`,
    '    valueFrom:',
    '      secretKeyRef:',
    `        name: ${secretName}`,
    `        key: ${secretKey}`,
    ''
  ].join('\n')
}
