/**
 * Connection ids and variable keys for the differential id tests: the
 * characters each Airflow rule treats differently (ASCII vs Unicode `\w`,
 * the model's extra `#!():/\`, a final newline, `..`) and lengths around
 * the 200 and 250 limits.
 */
import fc from 'fast-check'
import { DIFF_SEED } from './uri-corpus.js'

// prettier-ignore
const PIECES = [
  'conn', 'my_db', 'A-1', '.', '-', '_', '..', '/', ':', '#', '!', '(', ')',
  '\\', ' ', '\t', '$', '@', '<script>', 'é', 'ß', 'İ', 'Ⅻ', '²', '٣', '\u0301',
  '😀', '中', '\u200b', '\u00a0', 'K', '9'
]

/** Ids made of those pieces, sometimes with one final newline. */
const pieced = fc
  .tuple(
    fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }),
    fc.constantFrom('', '', '', '\n', '\n\n')
  )
  .map(([parts, end]) => parts.join('') + end)

/** Ids at the length limits (in code points, as Python counts). */
const long = fc
  .tuple(
    fc.constantFrom(199, 200, 201, 249, 250, 251),
    fc.constantFrom('a', 'é', '😀')
  )
  .map(([n, c]) => c.repeat(n))

/** `count` ids or keys, reproducible from the corpus seed. */
export function idCorpus(count: number): string[] {
  const arb = fc.oneof(
    { weight: 9, arbitrary: pieced },
    { weight: 1, arbitrary: long }
  )
  return [...new Set(fc.sample(arb, { numRuns: count, seed: DIFF_SEED }))]
}
