/**
 * The checker: every form a canary can take on its way out, searched for in
 * every captured channel. Written apart from src/core/redact.ts on purpose,
 * so a form the redactor forgets is still found here.
 */
import { quote, quotePlus } from '../../src/core/airflow/python-quote.js'
import { pythonJsonString } from '../../src/core/airflow/python-json.js'
import { MIN_REDACTED_LENGTH } from '../../src/core/redact.js'
import type { Canary } from './canaries.js'

export interface Leak {
  canary: string
  form: string
  channel: string
}

/** A string's escaped text inside a JSON string literal. */
const json = (s: string): string => JSON.stringify(s).slice(1, -1)

const ENCODINGS: Array<[string, (s: string) => string]> = [
  ['raw', (s) => s],
  ['encodeURIComponent', encodeURIComponent],
  ['quote', (s) => quote(s)],
  ['quote_plus', quotePlus],
  ['json', json],
  ['json-in-json', (s) => json(json(s))],
  ['python-json', (s) => pythonJsonString(s).slice(1, -1)],
  ['json(python-json)', (s) => json(pythonJsonString(s).slice(1, -1))],
  ['quote_plus(python-json)', (s) => quotePlus(pythonJsonString(s))],
  // Unpadded, so base64 cut off inside a longer text is found too.
  ['base64', (s) => Buffer.from(s).toString('base64').replace(/=+$/, '')],
  ['base64url', (s) => Buffer.from(s).toString('base64url')]
]

/** As a one-line error message shows a text. */
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** Form name to text; the short ones are left out. */
export function formsOf(value: string): Map<string, string> {
  const bases: Array<[string, string]> = [['', value]]
  const lines = value.split(/\r?\n/)
  if (lines.length > 1)
    lines.forEach((l, i) => bases.push([`line ${i + 1} `, l]))
  const forms = new Map<string, string>()
  const seen = new Set<string>()
  for (const [prefix, base] of bases) {
    // Output keeps short values (see MIN_REDACTED_LENGTH), encoded or not.
    if (base.length < MIN_REDACTED_LENGTH) continue
    for (const [name, encode] of ENCODINGS) {
      const text = encode(base)
      const variants: Array<[string, string]> = [
        [name, text],
        [`${name}, whitespace collapsed`, collapse(text)]
      ]
      for (const [form, t] of variants) {
        if (t.length < MIN_REDACTED_LENGTH || seen.has(t)) continue
        seen.add(t)
        forms.set(`${prefix}${form}`, t)
      }
    }
  }
  return forms
}

/** The forms, and the marker alone, which a partial leak still shows. */
function textsOf(canary: Canary): Map<string, string> {
  const texts = formsOf(canary.value)
  if (canary.marker) texts.set('marker', canary.marker)
  return texts
}

/** Which canary shows up in which channel, and in which form. */
export function findLeaks(
  canaries: readonly Canary[],
  channels: Record<string, string>
): Leak[] {
  const leaks: Leak[] = []
  for (const canary of canaries.filter((c) => !c.word)) {
    for (const [form, text] of textsOf(canary)) {
      for (const [channel, content] of Object.entries(channels)) {
        if (content.includes(text))
          leaks.push({ canary: canary.name, form, channel })
      }
    }
  }
  return leaks
}

/** One line per leak, with the surrounding text, for a failing test. */
export function describeLeaks(
  leaks: readonly Leak[],
  channels: Record<string, string>,
  canaries: readonly Canary[]
): string[] {
  return leaks.map((l) => {
    const canary = canaries.find((c) => c.name === l.canary)
    const text = canary ? textsOf(canary).get(l.form) : undefined
    const content = channels[l.channel] ?? ''
    const at = text === undefined ? -1 : content.indexOf(text)
    const context = at < 0 ? '' : content.slice(Math.max(0, at - 60), at + 80)
    return `${l.canary} (${canary?.placed ?? '?'}) as ${l.form} in ${l.channel}: …${JSON.stringify(context)}…`
  })
}
