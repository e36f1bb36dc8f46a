/**
 * The checker can fail: each form of each canary, planted in a channel, is
 * reported with the right canary, form and channel. And the redactor the
 * front ends use covers every form the checker searches for, so a leak the
 * matrix has not provoked yet is still redacted.
 */
import { makeRedactor, MIN_REDACTED_LENGTH } from '../../src/core/redact.js'
import { allCanaries } from './canaries.js'
import { findLeaks, formsOf } from './forms.js'

const canaries = allCanaries({ VAULT_TOKEN: 'hvs.CAnaryToken0123456789ab' })

test('every planted form is reported with its canary, form and channel', () => {
  let planted = 0
  for (const canary of canaries.filter((c) => !c.word)) {
    for (const [form, text] of formsOf(canary.value)) {
      const leaks = findLeaks([canary], {
        clean: 'nothing to see',
        summary: `| row | ${text} |`
      })
      expect(leaks).toContainEqual({
        canary: canary.name,
        form,
        channel: 'summary'
      })
      expect(leaks.every((l) => l.channel === 'summary')).toBe(true)
      planted++
    }
  }
  expect(planted).toBeGreaterThan(canaries.length * 5)
})

test('a piece of a value is found by its marker, whatever escaped the rest', () => {
  const kwargs = canaries.find((c) => c.name === 'CANARY_KWARGS')
  expect(kwargs?.marker).toBe('kwtok7')
  const leaks = findLeaks(canaries, { log: 'x \\\\\\"s-kwtok7/secret y' })
  expect(leaks).toEqual([
    { canary: 'CANARY_KWARGS', form: 'marker', channel: 'log' }
  ])
})

test('short canaries have nothing to search for', () => {
  for (const name of ['CANARY_SHORT', 'CANARY_SHORT3']) {
    const canary = canaries.find((c) => c.name === name)
    expect(canary?.value.length).toBeLessThan(MIN_REDACTED_LENGTH)
    expect(formsOf(canary?.value ?? '').size).toBe(0)
  }
})

test('the redactor removes every form the checker searches for', () => {
  const redact = makeRedactor(canaries.map((c) => c.value))
  const missed = canaries.flatMap((canary) =>
    [...formsOf(canary.value)]
      .filter(([, text]) => redact(`<${text}>`).includes(text))
      .map(([form]) => `${canary.name} as ${form}`)
  )
  expect(missed).toEqual([])
})

test('overlapping secrets leave no piece showing', () => {
  const redact = makeRedactor(['xabc-secret', 'abc-secret-tail'])
  expect(redact('1 xabc-secret-tail 2')).toBe('1 *** 2')
  expect(redact('no secrets here')).toBe('no secrets here')
})

test("a whole conn_uri's password and credential-like extras are secrets, its other extras are not", () => {
  const uri = 'smtp://user:pw-12345@host/?ssl=true&api_key=k3y%2Fvalue'
  const redact = makeRedactor([uri])
  expect(redact('{"ok": true, "k": "k3y/value", "p": "pw-12345"}')).toBe(
    '{"ok": true, "k": "***", "p": "***"}'
  )
})
