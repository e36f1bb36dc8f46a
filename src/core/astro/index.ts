/**
 * Pointing Astro Deployments at Vault (issue 5): pure logic only. The HTTP
 * side is src/clients/astro; the front ends wire the two together.
 */
export {
  ENV_BACKEND,
  ENV_FINGERPRINT,
  ENV_KWARGS,
  DeploymentSchema,
  type Deployment,
  type EnvVar,
  type EnvVarRequest,
  type WorkerQueue
} from './model.js'
export type {
  UpdateDeploymentRequest,
  UpdateHostedDeploymentRequest,
  UpdateHybridDeploymentRequest,
  WorkerQueueRequest
} from './request.js'
export {
  backendKwargs,
  canonicalKwargsJson,
  orderKwargs,
  type BackendKwargsValues,
  type KwargValue,
  type VaultLocation
} from './kwargs.js'
export {
  fingerprint,
  FINGERPRINT_PARAMS,
  FINGERPRINT_VERSION
} from './fingerprint.js'
export { buildUpdateBody } from './body.js'
export {
  mergeEnvVars,
  type DesiredBackend,
  type ManagedVariable,
  type VariableAction
} from './env-vars.js'
export { helmValuesSnippet, type HelmSnippetOptions } from './helm.js'
export {
  planDeployment,
  REMOTE_EXECUTION_REASON,
  type DeploymentPlan,
  type PlanOptions
} from './plan.js'
export { PlanError } from './plan-error.js'
