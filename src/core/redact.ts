import { quote, quotePlus } from './airflow/python-quote.js'
import { pythonJsonString } from './airflow/python-json.js'
import { parseConnUri } from './airflow/parse-conn-uri.js'
import { coveredRanges } from './redact-scan.js'

/**
 * Shorter values are neither redacted nor registered as masks: a two-letter
 * secret would blank out every word containing it (GitHub's runner masks
 * whatever it is given, however short). Such values are still never
 * printed, by construction; the leak tests check it.
 */
export const MIN_REDACTED_LENGTH = 4
export const REDACTED = '***'

/** A string's text inside a JSON string literal. */
const json = (s: string): string => JSON.stringify(s).slice(1, -1)

/**
 * The ways a value reaches output: percent-encoded in a conn_uri (Airflow
 * quotes with `quote` and `quote_plus`), escaped in JSON (ours, Python's
 * ASCII-only json.dumps in `__extra__` and in a field-style extra, and
 * JSON inside JSON, as the Astro body carries the kwargs and a Vault body
 * the extra); each also with its whitespace collapsed, as a one-line
 * error shows it.
 */
const ENCODINGS: ReadonlyArray<(s: string) => string> = [
  (s) => s,
  encodeURIComponent,
  (s) => quote(s),
  quotePlus,
  json,
  (s) => json(json(s)),
  (s) => pythonJsonString(s).slice(1, -1),
  (s) => json(pythonJsonString(s).slice(1, -1)),
  (s) => quotePlus(pythonJsonString(s))
]

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** Base64 the runner derives from every mask itself; we redact it too. */
const BASE64: ReadonlyArray<(s: string) => string> = [
  (s) => Buffer.from(s).toString('base64').replace(/=+$/, ''),
  (s) => Buffer.from(s).toString('base64url')
]

/**
 * Extra keys that hold credentials (as the extra-literal-secret warning
 * judges them): the others, `sslmode=require` or `ssl=true`, are not
 * secret, and redacting `true` would ruin every JSON output.
 */
const SECRET_EXTRA =
  /(pass(word)?|secret|token|private_?key|api_?key|credential)/i

/**
 * The value, each of its lines, and what Airflow reads out of a whole
 * conn_uri (the password, credential-like extra values), which
 * `connection_format: json` writes decoded; a part under the minimum has
 * no forms at all.
 */
function parts(secret: string): string[] {
  const out = [secret, ...secret.split(/\r?\n/)]
  try {
    const parsed = parseConnUri(secret)
    if (parsed.ok) {
      const { password, extra } = parsed.fields
      if (password) out.push(password)
      const entries = Object.entries(JSON.parse(extra ?? '{}') as object)
      for (const [key, value] of entries)
        if (SECRET_EXTRA.test(key) && typeof value === 'string') out.push(value)
    }
  } catch {
    // Not a URI Airflow could read; its raw forms are still covered.
  }
  return out.filter((p) => p.length >= MIN_REDACTED_LENGTH)
}

function forms(
  secret: string,
  encodings: ReadonlyArray<(s: string) => string>
): string[] {
  const out = new Set<string>()
  for (const part of parts(secret)) {
    for (const encode of encodings) {
      try {
        const form = encode(part)
        // One-line errors collapse whitespace, whatever the escaping.
        out.add(form).add(collapse(form))
      } catch {
        // A lone surrogate cannot be percent-encoded; the raw form stays.
      }
    }
  }
  return [...out].filter((f) => f.length >= MIN_REDACTED_LENGTH)
}

/** What the Action registers with ::add-mask:: for a value. */
export function maskForms(secret: string): string[] {
  return forms(secret, ENCODINGS)
}

/** Every form of a value that redaction replaces. */
export function secretForms(secret: string): string[] {
  return forms(secret, [...ENCODINGS, ...BASE64])
}

/**
 * A function that replaces every known form of the secrets in a text. One
 * scan finds each position's longest form, and overlapping hits merge into
 * one `***`, so a form inside another never leaves a piece showing.
 */
export function makeRedactor(
  secrets: readonly string[]
): (text: string) => string {
  const forms = secrets.flatMap(secretForms)
  if (forms.length === 0) return (text) => text
  const covered = coveredRanges(forms, MIN_REDACTED_LENGTH)
  return (text) => {
    let out = ''
    let done = 0
    for (const [start, end] of covered(text)) {
      out += text.slice(done, start) + REDACTED
      done = end
    }
    return out + text.slice(done)
  }
}
