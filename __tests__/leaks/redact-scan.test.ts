/**
 * The one-pass scan behind the redactor covers exactly what searching for
 * every form one by one covers, overlaps and neighbours merged, and stays
 * fast with the forms of 2,000 secrets.
 */
import fc from 'fast-check'
import { coveredRanges } from '../../src/core/redact-scan.js'
import { makeRedactor } from '../../src/core/redact.js'

/** Every occurrence of every form, merged: the slow, obvious way. */
function naive(forms: string[], text: string): Array<[number, number]> {
  const hits: Array<[number, number]> = []
  for (const form of forms) {
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1))
      hits.push([i, i + form.length])
  }
  hits.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number]> = []
  for (const [start, end] of hits) {
    const last = merged[merged.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

/** Forms, some the prefix of another, and a text made of them and noise. */
const casesArb = fc
  .array(
    fc.string({
      unit: fc.constantFrom('a', 'b', 'é', '\n'),
      minLength: 4,
      maxLength: 9
    }),
    { minLength: 1, maxLength: 6 }
  )
  .chain((words) => {
    const forms = words.flatMap((w) => [w, w.slice(0, 4 + (w.length % 3))])
    const piece = fc.oneof(
      fc.constantFrom(...forms),
      fc.constantFrom('a', 'b', 'x', 'é', '\n')
    )
    return fc.tuple(
      fc.constant(forms),
      fc.array(piece, { maxLength: 12 }).map((p) => p.join(''))
    )
  })

test('the scan covers what searching for each form covers', () => {
  fc.assert(
    fc.property(casesArb, ([forms, text]) => {
      expect(coveredRanges(forms, 4)(text)).toEqual(naive(forms, text))
    }),
    { numRuns: 3000 }
  )
})

test('2,000 secrets redact a megabyte and a half in well under a second', () => {
  const secrets = Array.from(
    { length: 2000 },
    (_, i) => `secret-value-${i}-Zq9@p/ss:w#rd%2F?+ ü`
  )
  const redact = makeRedactor(secrets)
  const text = Array.from(
    { length: 20000 },
    (_, i) =>
      `  ~ variable v${i}: secret-value-${i % 3000}-Zq9@p/ss:w#rd%2F?+ ü\n`
  ).join('')
  const started = performance.now()
  const out = redact(text)
  expect(performance.now() - started).toBeLessThan(3000)
  expect(out).toContain('  ~ variable v1: ***\n')
  expect(out).toContain('secret-value-2500-')
  expect(out).not.toContain('secret-value-1999-')
})
