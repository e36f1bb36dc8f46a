/**
 * What each Airflow line does differently with conn_uri strings: one small
 * table, judged against the real Airflow of every line by the differential
 * tests in __tests__/real (evidence in docs/airflow-versions.md).
 *
 * Two code paths read a URI. `core` is the ORM model (scheduler, API server,
 * CLI, and every Airflow 2 task). `sdk` is what an Airflow 3 task really
 * gets when a secrets backend returns a conn_uri: the worker's backends'
 * `deserialize_connection`, which in 3.0 and 3.1 still builds the core
 * class and from 3.2 the Task SDK's. get_uri on the sdk path is the Task
 * SDK class's own in every 3.x.
 */

/** The Airflow lines we model, oldest first. */
export const AIRFLOW_VERSIONS = [
  '2.10',
  '2.11',
  '3.0',
  '3.1',
  '3.2',
  '3.3'
] as const
export type AirflowVersion = (typeof AIRFLOW_VERSIONS)[number]

/** Which class reads or writes the URI (see the header). */
export type ConnectionPath = 'core' | 'sdk'

/** How one path of one version parses a conn_uri. */
export interface ParseBehaviour {
  /** A stored extra that is not JSON object text raises ValueError (else kept). */
  extraMustBeObject: boolean
  /** Each non-empty query value is json.loads-ed where it parses (#59339). */
  decodesQueryValues: boolean
  /** `login:@host` keeps password `''` (the Task SDK class has no setter). */
  keepsEmptyPassword: boolean
  /** `deserialize_connection` strips surrounding whitespace first. */
  stripsValue: boolean
}

/** How one path of one version writes a conn_uri (get_uri). */
export interface BuildBehaviour {
  /** A host whose protocol equals conn_type stays whole (#51953). */
  keepsSameProtocolHost: boolean
  /** A declared empty password is stored, so `:@` is written. */
  keepsEmptyPassword: boolean
}

export interface VersionBehaviour {
  parse: Record<'core', ParseBehaviour> & { sdk: ParseBehaviour | null }
  build: Record<'core', BuildBehaviour> & { sdk: BuildBehaviour | null }
}

const parse = (
  extraMustBeObject: boolean,
  decodesQueryValues: boolean,
  keepsEmptyPassword: boolean,
  stripsValue: boolean
): ParseBehaviour => ({
  extraMustBeObject,
  decodesQueryValues,
  keepsEmptyPassword,
  stripsValue
})
const build = (
  keepsSameProtocolHost: boolean,
  keepsEmptyPassword: boolean
): BuildBehaviour => ({ keepsSameProtocolHost, keepsEmptyPassword })

const AIRFLOW_2: VersionBehaviour = {
  parse: { core: parse(false, false, false, false), sdk: null },
  build: { core: build(false, false), sdk: null }
}

/** The table. Columns: see ParseBehaviour and BuildBehaviour. */
export const AIRFLOW_BEHAVIOUR: Record<AirflowVersion, VersionBehaviour> = {
  '2.10': AIRFLOW_2,
  '2.11': AIRFLOW_2,
  '3.0': {
    parse: {
      core: parse(true, false, false, false),
      sdk: parse(true, false, false, true)
    },
    build: { core: build(false, false), sdk: build(false, true) }
  },
  '3.1': {
    parse: {
      core: parse(true, true, false, false),
      sdk: parse(true, true, false, true)
    },
    build: { core: build(true, false), sdk: build(true, true) }
  },
  '3.2': {
    parse: {
      core: parse(true, true, false, false),
      sdk: parse(false, false, true, true)
    },
    build: { core: build(true, false), sdk: build(true, true) }
  },
  '3.3': {
    parse: {
      core: parse(true, true, false, false),
      sdk: parse(false, false, true, true)
    },
    build: { core: build(true, false), sdk: build(true, true) }
  }
}

/**
 * Which Airflow to follow: a line of the table, or the major versions
 * callers used before the table existed. `2` is the Airflow 2 rules; `3`
 * keeps its old meaning, the 3.0 core parse with the 3.1+ get_uri, so
 * existing callers see no change.
 */
export interface AirflowTarget {
  airflow?: 2 | 3 | AirflowVersion
  /** Default `core`; `sdk` exists only for 3.x. */
  path?: ConnectionPath
}

function pick<T>(v: { core: T; sdk: T | null }, path: ConnectionPath): T {
  const found = path === 'sdk' ? v.sdk : v.core
  if (found === null) throw new Error('Airflow 2 has no Task SDK path')
  return found
}

/** The parse behaviour a target asks for. */
export function parseBehaviour(t: AirflowTarget = {}): ParseBehaviour {
  const a = t.airflow ?? 3
  if (a === 2) return AIRFLOW_2.parse.core
  if (a === 3) return pick(AIRFLOW_BEHAVIOUR['3.0'].parse, t.path ?? 'core')
  return pick(AIRFLOW_BEHAVIOUR[a].parse, t.path ?? 'core')
}

/** The get_uri behaviour a target asks for. */
export function buildBehaviour(t: AirflowTarget = {}): BuildBehaviour {
  const a = t.airflow ?? 3
  if (a === 2) return AIRFLOW_2.build.core
  if (a === 3) return pick(AIRFLOW_BEHAVIOUR['3.1'].build, t.path ?? 'core')
  return pick(AIRFLOW_BEHAVIOUR[a].build, t.path ?? 'core')
}

/** The major line of a target, for messages and round-trip reports. */
export function majorOf(a: 2 | 3 | AirflowVersion = 3): 2 | 3 {
  if (a === 2 || a === 3) return a
  return a.startsWith('2.') ? 2 : 3
}
