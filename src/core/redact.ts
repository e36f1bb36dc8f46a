import { quote, quotePlus } from './airflow/python-quote.js'

/**
 * Shorter values are not redacted from output: a two-letter secret would
 * blank out every word containing it. GitHub's own masking has the same
 * trade-off; such values are still never printed by construction.
 */
export const MIN_REDACTED_LENGTH = 4
export const REDACTED = '***'

/** Every form a value can take in output: raw, each line, percent-encoded. */
export function secretForms(secret: string): string[] {
  const forms = new Set<string>([secret, ...secret.split(/\r?\n/)])
  for (const form of [...forms]) {
    for (const encode of [encodeURIComponent, quote, quotePlus]) {
      try {
        forms.add(encode(form))
      } catch {
        // A lone surrogate cannot be encoded; the raw form is still there.
      }
    }
  }
  return [...forms].filter((f) => f.length >= MIN_REDACTED_LENGTH)
}

/** A function that replaces every known secret form in a text. */
export function makeRedactor(
  secrets: readonly string[]
): (text: string) => string {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort(
    (a, b) => b.length - a.length
  )
  if (forms.length === 0) return (text) => text
  return (text) => {
    let out = text
    for (const form of forms) out = out.split(form).join(REDACTED)
    return out
  }
}
