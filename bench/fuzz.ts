/**
 * The long fuzz run of issue 8 (`npm run fuzz`, not in CI): the properties of
 * __tests__/property with many cases each.
 *
 *   npx tsx bench/fuzz.ts [cases] [target...]   (default 100000, all targets)
 *
 * The `differential` target (bench/fuzz-airflow.ts) asks the real Airflow of
 * every pinned line, so it runs only when named:
 *
 *   npx tsx bench/fuzz.ts 50000 differential      (AIRFLOW_LINES=3.1,3.3 to narrow)
 *
 * Prints per target the cases run, failures (with the shrunk counterexample
 * and the seed to replay it), wall time and peak RSS; exits 1 on a failure.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {
  connectionInput,
  jsonManifest,
  manifestProperty,
  mutate,
  mutationArb,
  parserProperty,
  roundTripProperty,
  uriLike,
  yamlManifest
} from '../__tests__/property/properties.js'
import { fuzzAirflow } from './fuzz-airflow.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const EXAMPLES = ['examples/airflow-secrets.yaml', 'examples/broken.yaml'].map(
  (file) => readFileSync(path.join(ROOT, file), 'utf8')
)

const manifest = (text: string): void => manifestProperty(text)

const targets: Record<string, () => fc.IProperty<unknown[]>> = {
  'conn_uri round trip': () =>
    fc.property(connectionInput, (input) => roundTripProperty(input)),
  'conn_uri parser': () => fc.property(uriLike, (uri) => parserProperty(uri)),
  'manifest: JSON': () => fc.property(jsonManifest, manifest),
  'manifest: YAML': () => fc.property(yamlManifest, manifest),
  'manifest: mutated examples': () =>
    fc.property(
      fc.constantFrom(...EXAMPLES),
      fc.array(mutationArb(true), { minLength: 1, maxLength: 4 }),
      (text, mutations) => manifest(mutate(text, mutations))
    )
}

const cases = Number(process.argv[2] ?? 100_000)
const only = process.argv.slice(3)
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31)
let failed = false
console.log(`fuzz: ${cases} cases per target, seed ${seed}`)
for (const [name, make] of Object.entries(targets)) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue
  if (only.length === 1 && only[0] === 'differential') break
  const rssBefore = process.resourceUsage().maxRSS
  const start = performance.now()
  const details = fc.check(make(), { numRuns: cases, seed })
  const seconds = (performance.now() - start) / 1000
  const peak = process.resourceUsage().maxRSS / 1024
  console.log(
    `${name}: ${details.numRuns} cases, ${details.failed ? 1 : 0} failures, ` +
      `${seconds.toFixed(1)} s, peak RSS ` +
      `${peak.toFixed(0)} MB (was ${(rssBefore / 1024).toFixed(0)} MB)`
  )
  if (details.failed) {
    failed = true
    console.log(`  seed ${details.seed}, path ${details.counterexamplePath}`)
    console.log(`  counterexample: ${fc.stringify(details.counterexample)}`)
    console.log(`  error: ${String(details.errorInstance).slice(0, 500)}`)
  }
}
if (only.includes('differential') && !(await fuzzAirflow(cases, seed))) {
  failed = true
}
process.exitCode = failed ? 1 : 0
