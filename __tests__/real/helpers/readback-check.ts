/**
 * One question to one Airflow: read every entry of the applied example
 * through one code path with one set of kwargs, and compare each answer
 * with what the manifest meant. A connection is also checked through
 * `get_uri()`: 3.3 caches a connection as that string and parses it back,
 * and a task handing the URI on does the same.
 */
import type { AirflowOracle, CodePath, OracleError } from './oracle.js'
import type { AppliedExample } from './readback-apply.js'
import {
  differences,
  FIELDS,
  meantFields,
  type ExampleMeaning,
  type ReadConnection
} from './readback-expect.js'
import { coreDecodesJsonStrings } from './readback-known.js'

type Each<T> = Record<
  string,
  { ok: true; value: T } | { ok: false; error: OracleError }
>
interface ReadBack {
  connections: Each<ReadConnection>
  variables: Each<unknown>
  /** `via` says which lookup answered: conf's _secret option or get_config. */
  config: Each<{ via: string; value: unknown }>
}

export interface Verdict {
  agreed: number
  total: number
  mismatches: string[]
  /** Disagreements already recorded as findings (readback-known.ts). */
  known: string[]
}

const readFields = (c: ReadConnection): Record<string, unknown> =>
  Object.fromEntries(
    [...FIELDS, 'extra_dejson'].map((f) => [f, c[f as keyof ReadConnection]])
  )

/** JSON text in one spelling; null when it is not JSON. */
function canonicalJson(text: string): string | null {
  try {
    return JSON.stringify(JSON.parse(text))
  } catch {
    return null
  }
}

export async function readBack(
  oracle: AirflowOracle,
  applied: AppliedExample,
  auth: 'approle' | 'token',
  path: CodePath,
  meaning: ExampleMeaning
): Promise<Verdict> {
  const label = `${applied.server} KV v${applied.kv} ${applied.format} ${auth} ${path}`
  const ids = Object.keys(meaning.connections)
  const uris = Object.fromEntries(
    Object.entries(meaning.connections).flatMap(([id, m]) =>
      'uri' in m ? [[id, m.uri]] : []
    )
  )
  const answer = await oracle.ask<ReadBack>('backend_read', {
    kwargs: applied[auth],
    uris,
    path,
    connections: ids,
    variables: Object.keys(meaning.variables),
    config: Object.keys(meaning.config)
  })
  const total =
    ids.length +
    Object.keys(meaning.variables).length +
    Object.keys(meaning.config).length
  if (!answer.ok)
    return {
      agreed: 0,
      total,
      mismatches: [`${label}: ${answer.error.type}: ${answer.error.message}`],
      known: []
    }
  const mismatches: string[] = []
  const known: string[] = []
  let agreed = 0
  const judge = (what: string, problems: string[]): void => {
    if (problems.length === 0) agreed++
    else mismatches.push(...problems.map((p) => `${label} ${what}: ${p}`))
  }
  for (const id of ids) {
    const r = answer.result.connections[id]
    if (!r?.ok) {
      judge(`connection ${id}`, [
        r ? `${r.error.type}: ${r.error.message}` : 'no answer'
      ])
      continue
    }
    const meant = meaning.connections[id]!
    // A whole conn_uri means what this Airflow's own parse makes of it.
    const expected =
      'uri' in meant ? r.value.meant : meantFields(meant, applied.format)
    const problems = [
      ...differences(expected ?? {}, { ...r.value }),
      ...differences(readFields(r.value), r.value.reparsed).map(
        (d) => `get_uri() round trip: ${d}`
      )
    ]
    const typed =
      problems.length > 0 &&
      problems.every((p) => p.endsWith('extra_dejson differs')) &&
      coreDecodesJsonStrings(oracle.hello.airflow, r.value.class, meant)
    // Once validate warns about the entry's extra (or its uri), the
    // difference was predicted.
    const predicted = applied.problems.some(
      (p) =>
        p.path.startsWith(`connections.${id}.extra`) ||
        p.path === `connections.${id}.uri`
    )
    if (typed && predicted) agreed++
    else if (typed) known.push(...problems.map((p) => `${label} ${id}: ${p}`))
    else judge(`connection ${id}`, problems)
  }
  for (const [key, meant] of Object.entries(meaning.variables)) {
    const r = answer.result.variables[key]
    const value = r?.ok ? r.value : undefined
    const same =
      typeof value === 'string' &&
      (meant.json ? canonicalJson(value) === meant.text : value === meant.text)
    judge(
      `variable ${key}`,
      same
        ? []
        : [r?.ok ? `value differs` : `${r?.error.type}: ${r?.error.message}`]
    )
  }
  for (const [key, meant] of Object.entries(meaning.config)) {
    const r = answer.result.config[key]
    judge(
      `config ${key}`,
      r?.ok && r.value.value === meant
        ? []
        : [
            r?.ok
              ? `value differs (via ${r.value.via})`
              : `${r?.error.type}: ${r?.error.message}`
          ]
    )
  }
  return { agreed, total, mismatches, known }
}
