/**
 * The conn_uri we store (buildConnUri without a version) must mean what
 * the manifest declared to every Airflow line: parsed by that line's real
 * Airflow, on the path its tasks use and on the core model, each declared
 * field comes back, unless our round-trip check warned about that field.
 */
import {
  buildConnUri,
  checkRoundTrip,
  CONNECTION_FIELD_NAMES,
  normalizeConnType,
  type ConnectionInput
} from '../../../src/core/airflow/index.js'
import type { AirflowOracle, CodePath } from './oracle.js'
import type { Verdicts } from './uri-compare.js'

type Fields = Record<string, unknown>

/** A declared field as Airflow gives it back ('' and no login alike). */
function declared(input: ConnectionInput): Fields {
  const extra = input.extra ?? null
  return {
    conn_type: normalizeConnType(input.conn_type),
    host: input.host ?? '',
    schema: input.schema ?? '',
    login: input.login ?? '',
    password: input.password ?? null,
    port: input.port ?? null,
    extra: extra === null || Object.keys(extra).length === 0 ? null : extra
  }
}

function readBack(f: Fields): Fields {
  return { ...f, login: f.login ?? '', extra: extraBack(f.extra) }
}

/** The extra a hook reads; text that is no JSON (3.2+ Task SDK keeps it) as is. */
function extraBack(extra: unknown): unknown {
  if (typeof extra !== 'string' || extra === '') return null
  try {
    return JSON.parse(extra)
  } catch {
    return { notJson: extra }
  }
}

/** Parse each stored URI with the oracle's Airflow; compare with the declaration. */
export async function compareStored(
  oracle: AirflowOracle,
  path: CodePath,
  inputs: ConnectionInput[]
): Promise<Verdicts> {
  const v: Verdicts = { agreed: 0, refused: 0, total: 0, disagreements: [] }
  const cases = inputs.map((input) => ({
    input,
    warned: new Set(checkRoundTrip(input).map((i) => i.field)),
    uri: buildConnUri(input)
  }))
  const answers = await Promise.all(
    cases.map((c) =>
      oracle.ask<{ fields: Fields }>('parse_uri', { uri: c.uri, path })
    )
  )
  answers.forEach((a, i) => {
    const c = cases[i] as (typeof cases)[number]
    v.total++
    if (!a.ok) {
      if (c.warned.size > 0) v.agreed++
      else
        v.disagreements.push(
          `${c.uri}: Airflow raised ${a.error.type}: ${a.error.message}`
        )
      return
    }
    const got = readBack(a.result.fields)
    const want = declared(c.input)
    const lost = CONNECTION_FIELD_NAMES.filter(
      (f) =>
        !c.warned.has(f) && JSON.stringify(got[f]) !== JSON.stringify(want[f])
    )
    if (lost.length === 0) v.agreed++
    else
      v.disagreements.push(
        `${c.uri}: ${lost.map((f) => `${f} ${JSON.stringify(got[f])} ≠ declared ${JSON.stringify(want[f])}`).join('; ')}`
      )
  })
  return v
}
