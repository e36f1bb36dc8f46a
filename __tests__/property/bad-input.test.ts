/**
 * Issue 8, "bad input": property-based tests at a size that keeps `npm test`
 * fast. The seed is fixed so a failure replays; fast-check prints it, with
 * the shrunk counterexample. `bench/fuzz.ts` runs the same properties with
 * 100,000 cases each.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { cli, ROOT } from '../helpers/cli.js'
import {
  MAX_ALIAS_COUNT,
  MAX_MANIFEST_BYTES,
  MAX_NESTING_DEPTH
} from '../../src/core/manifest/yaml-source.js'
import { validateManifest } from '../../src/core/validate/validate.js'
import { parseConnUri } from '../../src/core/airflow/parse-conn-uri.js'
import {
  checkProblems,
  connectionInput,
  jsonManifest,
  laughs,
  manifestProperty,
  mutate,
  mutationArb,
  parserProperty,
  roundTripProperty,
  uriLike,
  VALIDATE_OPTIONS,
  yamlManifest
} from './properties.js'

const SEED = 20260808
const params = (numRuns: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns
})

const EXAMPLES = ['examples/airflow-secrets.yaml', 'examples/broken.yaml'].map(
  (file) => readFileSync(path.join(ROOT, file), 'utf8')
)

/** Hang-safety is Jest's timeout: a generous one per property. */
const TIMEOUT = 60_000

function codes(text: string): string[] {
  const { problems } = validateManifest(text, VALIDATE_OPTIONS)
  checkProblems(problems)
  return problems.map((p) => p.code)
}

describe('conn_uri', () => {
  test(
    'every URI build makes parses back to the declared fields, or checkRoundTrip says which field does not',
    () => {
      fc.assert(fc.property(connectionInput, roundTripProperty), params(300))
    },
    TIMEOUT
  )

  test(
    'random strings give fields or an Airflow error, never an exception, and no message quotes the password',
    () => {
      fc.assert(fc.property(uriLike, parserProperty), params(300))
    },
    TIMEOUT
  )
})

describe('manifest', () => {
  test(
    'random JSON documents give a well-formed problem list',
    () => {
      fc.assert(
        fc.property(jsonManifest, (text) => manifestProperty(text)),
        params(200)
      )
    },
    TIMEOUT
  )

  test(
    'random YAML documents give a well-formed problem list',
    () => {
      fc.assert(
        fc.property(yamlManifest, (text) => manifestProperty(text)),
        params(200)
      )
    },
    TIMEOUT
  )

  test(
    'mutations of the examples give a well-formed problem list',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...EXAMPLES),
          fc.array(mutationArb(false), { minLength: 1, maxLength: 4 }),
          (text, mutations) => {
            manifestProperty(mutate(text, mutations))
          }
        ),
        params(100)
      )
    },
    TIMEOUT
  )

  test(
    'the CLI exits 0, 1 or 2 with no stack trace on mutated examples',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'avs-property-'))
      mkdirSync(path.join(dir, '.git'))
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...EXAMPLES),
          fc.array(mutationArb(false), { minLength: 1, maxLength: 3 }),
          async (text, mutations) => {
            writeFileSync(path.join(dir, 'm.yaml'), mutate(text, mutations))
            const run = await cli(['validate', '-f', 'm.yaml'], { cwd: dir })
            expect([0, 1, 2]).toContain(run.code)
            expect(run.stderr).not.toMatch(/\n\s+at /)
            expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
          }
        ),
        params(30)
      )
    },
    TIMEOUT
  )
})

// Found by the YAML property: a section whose only key is `file` (a
// variable named "file") was taken for a reference and crashed validate.
test('a variable named file or env is a variable, not a reference', () => {
  for (const text of [
    'version: 0\nvariables:\n  file: false\n',
    'version: 1\nvariables:\n  file: /etc/passwd\n',
    'version: 1\nvariables:\n  env: production\n'
  ]) {
    expect(() => validateManifest(text, VALIDATE_OPTIONS)).not.toThrow()
  }
  const ok = validateManifest(
    'version: 1\nvariables:\n  file: /etc/passwd\n',
    VALIDATE_OPTIONS
  )
  expect(ok.problems).toEqual([])
})

describe('manifest limits', () => {
  test('the billion-laughs document stops at the alias limit', () => {
    expect(codes(laughs(9, 9))).toEqual(['yaml-alias-limit'])
  })

  test('aliases below the limit expand as written', () => {
    // 3 levels of 9 = 9 + 81 + 729 alias nodes, under MAX_ALIAS_COUNT.
    expect(9 + 81 + 729).toBeLessThan(MAX_ALIAS_COUNT)
    expect(codes(laughs(3, 9))).not.toContain('yaml-alias-limit')
  })

  test('a manifest over MAX_MANIFEST_BYTES is refused unparsed', () => {
    const text = `version: 1\nvariables:\n  x: "${'a'.repeat(MAX_MANIFEST_BYTES)}"\n`
    expect(codes(text)).toEqual(['manifest-too-large'])
  })

  test('a 1 MB string is fine', () => {
    expect(
      codes(`version: 1\nvariables:\n  x: "${'a'.repeat(1 << 20)}"\n`)
    ).toEqual([])
  })

  test.each([
    ['flow sequences', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['unclosed flow sequences', (n: number) => '['.repeat(n)],
    ['flow maps', (n: number) => '{a: '.repeat(n) + '1' + '}'.repeat(n)],
    ['block sequences', (n: number) => '- '.repeat(n) + '1'],
    [
      'block maps',
      (n: number) =>
        Array.from({ length: n }, (_, i) => ' '.repeat(i) + 'a:').join('\n') +
        ' 1'
    ]
  ])(
    '%s nested past MAX_NESTING_DEPTH are refused, not a stack overflow',
    (_, nest) => {
      expect(codes(nest(MAX_NESTING_DEPTH))).not.toContain('yaml-too-deep')
      const [problem] = validateManifest(
        nest(MAX_NESTING_DEPTH + 1),
        VALIDATE_OPTIONS
      ).problems
      expect(problem?.code).toBe('yaml-too-deep')
      expect(codes(nest(2000))).toEqual(['yaml-too-deep'])
    }
  )

  test('10,000 levels of [, validated again and again, still give a problem', () => {
    // Regression: yaml's composer ran out of stack near 800 levels; the
    // RangeError it caught could hit V8's regexp compiler and abort node.
    for (let i = 0; i < 3; i++) {
      expect(codes('['.repeat(10_000) + ']'.repeat(10_000))).toEqual([
        'yaml-too-deep'
      ])
    }
  })
})

// Found by the fuzz run: a megabyte extra value went through unquote, whose
// byte buffer was grown with push(...bytes) and overflowed the call stack.
test('a megabyte value survives the conn_uri round trip', () => {
  const huge = 'x'.repeat(1024 * 1024)
  const text = `version: 1\nconnections:\n  db:\n    conn_type: postgres\n    host: h\n    extra: { account: "${huge}" }\n`
  expect(validateManifest(text, VALIDATE_OPTIONS).problems).toEqual([])
  const parsed = parseConnUri(`http://h/?a=${'%41'.repeat(300_000)}`)
  expect(parsed.ok && JSON.parse(parsed.fields.extra ?? '{}').a).toBe(
    'A'.repeat(300_000)
  )
})

// Found by the fuzz run: an extra whose only key is `file` was read as a
// reference as a whole, and the round trip then met a string for a mapping.
test('an extra named file is an extra, not a reference', () => {
  const text =
    'version: 1\nconnections:\n  db:\n    conn_type: postgres\n    extra: { file: ../../x }\n'
  expect(validateManifest(text, VALIDATE_OPTIONS).problems).toEqual([])
})

// Found by the fuzz run: 10,000 compact `- - - …` after a key overflowed
// yaml's parser itself, before the depth check on its tokens could run.
test.each([
  ['compact block sequences after a key', 'x: ' + '- '.repeat(10_000) + '1'],
  ['compact block sequences', '- '.repeat(10_000) + '1'],
  ['flow maps', '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)]
])('%s 10,000 deep are refused at their line, never parsed', (_, deep) => {
  const text = `version: 1\nvariables:\n  ok: 1\n${deep}\n`
  const [problem, ...rest] = validateManifest(text, VALIDATE_OPTIONS).problems
  expect(rest).toEqual([])
  expect(problem).toMatchObject({ code: 'yaml-too-deep', line: 4 })
})

test('brackets in quoted strings and comments are not nesting', () => {
  const deep = '['.repeat(2_000)
  const text = `version: 1\nvariables:\n  a: "${deep}"\n  b: '${deep}' # ${deep}\n`
  expect(validateManifest(text, VALIDATE_OPTIONS).problems).toEqual([])
})
