/**
 * The fast-check properties of issue 8 ("bad input"), shared by the Jest
 * suite (a few hundred runs, fixed seed) and `bench/fuzz.ts` (100,000 runs).
 * Each property throws on a counterexample, so fast-check can shrink it.
 */
import fc from 'fast-check'
import { Document, stringify } from 'yaml'
import {
  buildConnUri,
  checkRoundTrip,
  CONNECTION_FIELD_NAMES,
  normalizeConnType,
  parseConnUri,
  pythonJsonLoads,
  type AirflowMajor,
  type ConnectionFieldName,
  type ConnectionFields,
  type ConnectionInput,
  type PyJson,
  type UriErrorCode
} from '../../src/core/airflow/index.js'
import { PythonUnicodeEncodeError } from '../../src/core/airflow/python-quote.js'
import { validateManifest } from '../../src/core/validate/validate.js'
import type { Problem } from '../../src/core/problems.js'

/** Every character with a meaning in a URI, plus space and percent. */
export const RESERVED = [...'@:/%#?+&=[] ']

const reservedChar = fc.constantFrom(...RESERVED)

/** Strings that stress quoting: unicode, reserved characters, empty. */
export const uriText: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.oneof(reservedChar, fc.constantFrom('a', 'Z', '0', '-', '_', '.'))
  }),
  fc
    .tuple(fc.string(), reservedChar, fc.string({ unit: 'grapheme' }))
    .map(([a, b, c]) => a + b + c)
)

const KNOWN_TYPES = [
  'postgres',
  'postgresql',
  'mysql',
  'http',
  'https',
  'google_cloud_platform',
  'aws',
  'my-type',
  'spark',
  'snowflake',
  'sqlite',
  'generic'
]

/** conn_type: realistic ones plus arbitrary letters/digits/`-_+.`. */
export const connType: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...KNOWN_TYPES),
  fc
    .tuple(
      fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
      fc.string({
        unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-_+.'),
        maxLength: 12
      })
    )
    .map(([a, b]) => a + b)
)

const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.option(arb, { nil: null })

/** extra: flat string dicts (query form) or nested JSON (`__extra__`). */
export const extra: fc.Arbitrary<Record<string, unknown> | null> = nullable(
  fc.oneof(
    fc.dictionary(uriText, uriText, { maxKeys: 4 }),
    fc.dictionary(
      fc.oneof(uriText, fc.constant('__extra__')),
      fc.jsonValue({ maxDepth: 3 }),
      { maxKeys: 4 }
    ),
    fc.constant({})
  )
)

export const connectionInput: fc.Arbitrary<ConnectionInput> = fc.record(
  {
    conn_type: connType,
    host: nullable(
      fc.oneof(
        uriText,
        fc
          .tuple(fc.constantFrom('https', 'http', 'postgres', ''), uriText)
          .map(([p, h]) => `${p}://${h}`)
      )
    ),
    schema: nullable(uriText),
    login: nullable(uriText),
    password: nullable(uriText),
    port: nullable(fc.integer({ min: 0, max: 65535 })),
    extra
  },
  { requiredKeys: ['conn_type'] }
)

/** An extra as the user reads it back, compared like round-trip.ts does. */
function extraBack(text: string | null): unknown {
  if (text === null || text === '') return null
  let decoded: PyJson
  try {
    decoded = pythonJsonLoads(text)
  } catch {
    return { notJson: text }
  }
  return decoded instanceof Map && decoded.size === 0 ? null : toPlain(decoded)
}

function toPlain(value: PyJson): unknown {
  if (value instanceof Map) {
    return Object.fromEntries([...value].map(([k, v]) => [k, toPlain(v)]))
  }
  if (Array.isArray(value)) return value.map(toPlain)
  return value
}

function declared(input: ConnectionInput): Record<string, unknown> {
  const extraIn = input.extra ?? null
  return {
    conn_type: normalizeConnType(input.conn_type),
    host: input.host ?? '',
    schema: input.schema ?? '',
    login: input.login ?? '',
    password: input.password ?? null,
    port: input.port ?? null,
    extra:
      extraIn === null || Object.keys(extraIn).length === 0
        ? null
        : JSON.parse(JSON.stringify(extraIn))
  }
}

function back(fields: ConnectionFields): Record<string, unknown> {
  return {
    ...fields,
    login: fields.login ?? '',
    extra: extraBack(fields.extra)
  }
}

/** Lone surrogates are what Python's get_uri cannot encode. */
function hasLoneSurrogate(input: ConnectionInput): boolean {
  const texts = [
    input.conn_type,
    input.host,
    input.schema,
    input.login,
    input.password,
    JSON.stringify(input.extra ?? null)
  ]
  const lone =
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
  return texts.some((t) => t !== null && t !== undefined && lone.test(t))
}

/**
 * build → parse gives back every declared field that checkRoundTrip does
 * not report, under the rules of Airflow 3 and of Airflow 2.
 */
export function roundTripProperty(input: ConnectionInput): void {
  const reported = new Set<ConnectionFieldName>(
    checkRoundTrip(input).map((issue) => issue.field)
  )
  for (const airflow of [3, 2] as AirflowMajor[]) {
    let uri: string
    try {
      uri = buildConnUri(input, { airflow })
    } catch (e) {
      if (e instanceof PythonUnicodeEncodeError && hasLoneSurrogate(input)) {
        if (reported.size === 0)
          throw new Error('unencodable, not reported', { cause: e })
        continue
      }
      throw e
    }
    const parsed = parseConnUri(uri, { airflow })
    if (!parsed.ok) {
      if (reported.size === 0) {
        throw new Error(`Airflow ${airflow} rejects ${uri}: ${parsed.code}`)
      }
      continue
    }
    const got = back(parsed.fields)
    const want = declared(input)
    for (const field of CONNECTION_FIELD_NAMES) {
      if (reported.has(field)) continue
      if (JSON.stringify(got[field]) !== JSON.stringify(want[field])) {
        throw new Error(
          `Airflow ${airflow}: ${field} came back ${JSON.stringify(got[field])}, ` +
            `declared ${JSON.stringify(want[field])}, unreported (uri ${uri})`
        )
      }
    }
  }
}

const ERROR_CODES: ReadonlySet<UriErrorCode> = new Set<UriErrorCode>([
  'uri-too-many-protocols',
  'uri-auth-before-protocol',
  'uri-invalid-port',
  'uri-invalid-ipv6',
  'uri-invalid-netloc',
  'uri-extra-not-object',
  'uri-no-scheme'
])

/** Strings that look like URIs often enough to reach every branch. */
export const uriLike: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({
    unit: fc.oneof(
      reservedChar,
      fc.constantFrom(
        '://',
        'a',
        'B',
        '1',
        '-',
        '_',
        '.',
        '%2',
        '%41',
        '%ZZ',
        '%C3',
        '__extra__=',
        '{',
        '}',
        '"',
        '\t',
        '\n',
        '\u00e9',
        '\uff20',
        '\ufe13',
        '\ud800'
      )
    ),
    maxLength: 40
  }),
  fc
    .tuple(
      connType,
      nullable(uriText),
      nullable(uriText),
      fc.string({ unit: fc.constantFrom(...'[]:.0123456789abcdef@/') }),
      fc.string({ unit: 'binary' })
    )
    .map(
      ([t, l, p, h, rest]) =>
        `${t}://${l ?? ''}${p === null ? '' : ':' + p}@${h}${rest}`
    )
)

/** The secret-looking part: what sits between the first `:` and `@`. */
function passwordIn(uri: string): string | undefined {
  const match = /^[^:]*:\/\/[^:@/]*:([^@]*)@/.exec(uri)
  return match?.[1]
}

/** parseConnUri returns fields or an Airflow error, and leaks no password. */
export function parserProperty(uri: string): void {
  for (const airflow of [3, 2] as AirflowMajor[]) {
    const result = parseConnUri(uri, { airflow })
    if (result.ok) {
      if (typeof result.fields.conn_type !== 'string') {
        throw new Error('no conn_type')
      }
      for (const note of result.notes) checkMessage(note.message, uri)
      continue
    }
    if (!ERROR_CODES.has(result.code)) {
      throw new Error(`unknown code ${result.code}`)
    }
    if (result.message.trim() === '') throw new Error('empty message')
    checkMessage(result.message, uri)
  }
}

function checkMessage(message: string, uri: string): void {
  const password = passwordIn(uri)
  // Short passwords are words of the message itself ("a", "port").
  if (password !== undefined && password.length >= 6) {
    if (message.includes(password)) {
      throw new Error(`the message quotes the password: ${message}`)
    }
  }
}

export const VALIDATE_OPTIONS = {
  file: 'm.yaml',
  manifestDir: '/repo',
  repoRoot: '/repo'
}

/** A problem list a user can act on: located, coded and explained. */
export function checkProblems(problems: readonly Problem[]): void {
  if (!Array.isArray(problems)) throw new Error('problems is no array')
  for (const p of problems) {
    if (typeof p.code !== 'string' || p.code === '') {
      throw new Error('problem without a code')
    }
    if (p.severity !== 'error' && p.severity !== 'warning') {
      throw new Error(`bad severity ${String(p.severity)}`)
    }
    if (typeof p.message !== 'string' || p.message.trim() === '') {
      throw new Error(`problem ${p.code} without a message`)
    }
    if (!(Number.isInteger(p.line) && p.line >= 1)) {
      throw new Error(`problem ${p.code} at line ${p.line}`)
    }
    if (!(Number.isInteger(p.column) && p.column >= 1)) {
      throw new Error(`problem ${p.code} at column ${p.column}`)
    }
    if (p.file !== VALIDATE_OPTIONS.file) throw new Error('wrong file')
  }
}

/** validateManifest never throws and gives well-formed problems. */
export function manifestProperty(text: string): void {
  checkProblems(validateManifest(text, VALIDATE_OPTIONS).problems)
}

/** Any JSON value, as JSON text (YAML 1.2 is a superset of JSON). */
export const jsonManifest: fc.Arbitrary<string> = fc
  .tuple(fc.jsonValue({ maxDepth: 6 }), fc.boolean())
  .map(([value, pretty]) => JSON.stringify(value, null, pretty ? 2 : 0))

/** Random structures written by the yaml package, anchors included. */
const { tree } = fc.letrec<{ tree: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('version', 'connections', 'variables', '1', 'yes', '~')
  ),
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('tree'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          'version',
          'vault',
          'connections',
          'variables',
          'config',
          'astro',
          'conn_type',
          'host',
          'port',
          'extra',
          'uri',
          'env',
          'file'
        ),
        fc.string({ maxLength: 10 })
      ),
      tie('tree'),
      { maxKeys: 5 }
    )
  )
}))

export const yamlManifest: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      tree,
      fc.record({
        version: fc.oneof(fc.constant(1), tree),
        connections: tree,
        variables: tree
      })
    ),
    fc.boolean()
  )
  .map(([value, flow]) => {
    const doc = new Document(value, { aliasDuplicateObjects: true })
    return flow ? stringify(value, { collectionStyle: 'flow' }) : doc.toString()
  })

/** The billion-laughs document: `levels` of aliases, each `width` wide. */
export function laughs(levels: number, width: number): string {
  const lines = ['version: 1', 'variables:', '  l0: &l0 "lol"']
  for (let i = 1; i <= levels; i++) {
    const refs = Array.from({ length: width }, () => `*l${i - 1}`).join(', ')
    lines.push(`  l${i}: &l${i} [${refs}]`)
  }
  return lines.join('\n') + '\n'
}

/** A mutation of an example manifest's text, line-based. */
export type Mutation =
  | { kind: 'replace'; line: number; value: string }
  | { kind: 'delete'; line: number }
  | { kind: 'duplicate'; line: number }
  | { kind: 'nest'; line: number; depth: number; open: string }
  | { kind: 'huge'; line: number; size: number }
  | { kind: 'alias'; line: number; levels: number; width: number }
  | { kind: 'splice'; at: number; text: string }

/** Values of every type, in YAML syntax, to put where another one was. */
const yamlValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '~',
    'null',
    'true',
    '0',
    '-1',
    '1e400',
    '.nan',
    '[]',
    '{}',
    '[1, 2]',
    '{a: 1}',
    '"x"',
    "''",
    '!!binary aGk=',
    '!!str 1',
    '&a 1',
    '*a',
    '*nope',
    '|\n  text',
    '{env: X}',
    '{file: /etc/passwd}',
    '{file: ../../x}',
    '{env: ""}',
    '2001-01-01',
    '0x10',
    '99999999999999999999'
  ),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 30 })
)

/**
 * Mutations; `heavy` adds 1 MB strings and 10,000 levels of nesting (the
 * fuzz run; the Jest suite tests those once each, as limits).
 */
export const mutationArb = (heavy: boolean): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('replace' as const),
      line: fc.nat(),
      value: yamlValue
    }),
    fc.record({ kind: fc.constant('delete' as const), line: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), line: fc.nat() }),
    fc.record({
      kind: fc.constant('nest' as const),
      line: fc.nat(),
      depth: fc.oneof(
        fc.integer({ min: 1, max: 150 }),
        fc.constantFrom(...(heavy ? [1000, 10000] : [1000]))
      ),
      open: fc.constantFrom('[', '{a: ', '- ', '[{a: ')
    }),
    fc.record({
      kind: fc.constant('huge' as const),
      line: fc.nat(),
      size: fc.constantFrom(
        ...(heavy ? [1 << 10, 1 << 16, 1 << 20] : [1 << 10])
      )
    }),
    fc.record({
      kind: fc.constant('alias' as const),
      line: fc.nat(),
      levels: fc.integer({ min: 1, max: 9 }),
      width: fc.integer({ min: 1, max: 10 })
    }),
    fc.record({
      kind: fc.constant('splice' as const),
      at: fc.nat(),
      text: fc.string({
        unit: fc.constantFrom(...':-[]{}&*!|>\'"#%@`,? \n\ta1'),
        maxLength: 20
      })
    })
  )

/** Applies mutations to the text: the results are valid-ish and broken-ish. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n')
  for (const m of mutations) {
    if (m.kind === 'splice') {
      const joined = lines.join('\n')
      const at = m.at % (joined.length + 1)
      lines = (joined.slice(0, at) + m.text + joined.slice(at)).split('\n')
      continue
    }
    const i = m.line % lines.length
    const line = lines[i] ?? ''
    const indent = /^\s*/.exec(line)?.[0] ?? ''
    const key = /^\s*(-\s*)?([^:#]+):/.exec(line)
    const head = key ? `${indent}${key[1] ?? ''}${key[2]}:` : `${indent}x:`
    switch (m.kind) {
      case 'replace':
        lines[i] = `${head} ${m.value.replace(/\n/g, `\n${indent}  `)}`
        break
      case 'delete':
        lines.splice(i, 1)
        break
      case 'duplicate':
        lines.splice(i, 0, line)
        break
      case 'nest': {
        const close = m.open === '- ' ? '' : m.open === '[' ? ']' : '}'
        const closes = m.open === '[{a: ' ? ']}' : close
        lines[i] = `${head} ${m.open.repeat(m.depth)}1${closes.repeat(m.depth)}`
        break
      }
      case 'huge':
        lines[i] = `${head} "${'x'.repeat(m.size)}"`
        break
      case 'alias': {
        const lol = laughs(m.levels, m.width)
          .split('\n')
          .slice(2)
          .filter((l) => l !== '')
          .map((l) => `${indent}  ${l.trim()}`)
        lines.splice(i, 1, `${head}`, ...lol)
        break
      }
    }
  }
  return lines.join('\n')
}
