/**
 * The Deployment's new `environmentVariables`. The list replaces the
 * stored one (astro-api.md TL;DR), so every other variable goes back as it
 * is: plain ones with their value, secrets with no `value`, which keeps
 * them (sending "" would wipe them, §2). Our three are upserted in place;
 * a secret is never turned into a plain variable.
 */
import { BACKEND_CLASS } from '../vault-backend/kwargs.js'
import {
  ENV_BACKEND,
  ENV_FINGERPRINT,
  ENV_KWARGS,
  type EnvVar,
  type EnvVarRequest
} from './model.js'

export type VariableAction = 'create' | 'update' | 'unchanged'

export interface ManagedVariable {
  key: string
  action: VariableAction
}

export interface DesiredBackend {
  /** canonicalKwargsJson(...): the secret value of ENV_KWARGS. */
  kwargsJson: string
  /** fingerprint(...): the plain value of ENV_FINGERPRINT. */
  fingerprint: string
}

interface Wanted {
  next: EnvVarRequest
  exists: boolean
  /** Already as desired: send back as it is. */
  current: boolean
}

export interface MergedEnv {
  variables: EnvVarRequest[]
  managed: ManagedVariable[]
  warnings: string[]
}

/** As the GET gave it: secrets without value; a plain one keeps its value. */
function carry(v: EnvVar): EnvVarRequest {
  if (v.isSecret) return { key: v.key, isSecret: true }
  // Go's omitempty may leave out an empty plain value; "" is what it was.
  return { key: v.key, isSecret: false, value: v.value ?? '' }
}

export function mergeEnvVars(
  current: EnvVar[],
  desired: DesiredBackend,
  /** Rewrite KWARGS even if the fingerprint matches (a new secret-id). */
  forceKwargs = false
): MergedEnv {
  const find = (key: string): EnvVar | undefined =>
    current.find((v) => v.key === key)
  const backend = find(ENV_BACKEND)
  const kwargs = find(ENV_KWARGS)
  const print = find(ENV_FINGERPRINT)
  const warnings: string[] = []
  if (print?.isSecret) {
    warnings.push(
      `${ENV_FINGERPRINT} is a secret variable, so no run can compare it and every run updates the Deployment; delete it in Astro and the next run recreates it as a plain variable`
    )
  }
  const printMatches =
    print !== undefined &&
    !print.isSecret &&
    print.value === desired.fingerprint
  // A plain KWARGS is rewritten as a secret even if the fingerprint matches.
  const kwargsCurrent =
    !forceKwargs && kwargs?.isSecret === true && printMatches
  const backendPlainOk =
    backend !== undefined &&
    !backend.isSecret &&
    backend.value === BACKEND_CLASS
  // A secret BACKEND cannot be read; it is trusted while the fingerprint
  // (written in the same update) matches, and rewritten with KWARGS.
  const backendCurrent =
    backendPlainOk || (backend?.isSecret === true && kwargsCurrent)

  const wanted = new Map<string, Wanted>([
    [
      ENV_BACKEND,
      {
        next: {
          key: ENV_BACKEND,
          isSecret: backend?.isSecret === true,
          value: BACKEND_CLASS
        },
        exists: backend !== undefined,
        current: backendCurrent
      }
    ],
    [
      ENV_KWARGS,
      {
        next: { key: ENV_KWARGS, isSecret: true, value: desired.kwargsJson },
        exists: kwargs !== undefined,
        current: kwargsCurrent
      }
    ],
    [
      ENV_FINGERPRINT,
      {
        next: {
          key: ENV_FINGERPRINT,
          isSecret: print?.isSecret === true,
          value: desired.fingerprint
        },
        exists: print !== undefined,
        current: printMatches
      }
    ]
  ])
  const anyChange = [...wanted.values()].some((w) => !w.current)
  const managed: ManagedVariable[] = []
  const resolve = (w: Wanted, old: EnvVar | undefined): EnvVarRequest => {
    // When anything changes, a secret BACKEND is written again too.
    const write =
      !w.current || (anyChange && w.next.key === ENV_BACKEND && w.next.isSecret)
    const action = !w.exists ? 'create' : write ? 'update' : 'unchanged'
    managed.push({ key: w.next.key, action })
    return write || !old ? w.next : carry(old)
  }
  const seen = new Set<string>()
  const variables = current.map((v) => {
    const w = wanted.get(v.key)
    if (!w || seen.has(v.key)) return carry(v)
    seen.add(v.key)
    return resolve(w, v)
  })
  for (const [key, w] of wanted)
    if (!seen.has(key)) variables.push(resolve(w, undefined))
  const order = [...wanted.keys()]
  managed.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
  return { variables, managed, warnings }
}
