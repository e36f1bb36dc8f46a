/** The Astro API client (astro-api.md); pure logic is in src/core/astro. */
export {
  createAstroClient,
  type AstroClient,
  type AstroClientOptions,
  type DeploymentFilter
} from './client.js'
export {
  AstroApiError,
  hintFor,
  redact,
  type AstroOperation,
  type FieldErrorInfo
} from './errors.js'
export {
  DEFAULT_RETRY,
  backoffMs,
  parseRetryAfter,
  type RetryOptions,
  type Sleep
} from './retry.js'
export { organizationIdFromToken } from './token.js'
export {
  AstroWaitTimeout,
  waitForHealthy,
  type WaitOptions,
  type WaitResult
} from './wait.js'
