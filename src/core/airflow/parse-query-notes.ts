/**
 * Notes on the query (Airflow's extras) and on text after a raw `#`. The
 * query is read with `parse_qsl` and `dict()`, which decode `+` as a space,
 * keep the last of repeated keys and let `__extra__` override everything.
 */
import { EXTRA_KEY } from './connection.js'
import { badEscape, note } from './parse-netloc-notes.js'
import { pythonJsonLoads } from './python-json-loads.js'
import { unquotePlus } from './python-quote.js'
import type { SplitResult } from './python-urllib.js'
import type { UriNote } from './uri-diagnostics.js'

/** Notes on `__extra__`: it wins alone, and may be empty. */
function extraKeyNotes(pairs: Array<[string, string]>): UriNote[] {
  const keys = pairs.map(([k]) => k)
  if (!keys.includes(EXTRA_KEY)) return []
  const notes: UriNote[] = []
  if (keys.some((k) => k !== EXTRA_KEY)) {
    notes.push(
      ...note(
        'uri-extra-discards-params',
        'The query has __extra__ and other parameters; Airflow takes the ' +
          'extra from __extra__ alone and discards the others. Move them ' +
          'into the __extra__ JSON object.'
      )
    )
  }
  const last = pairs.filter(([k]) => k === EXTRA_KEY).pop()
  if (last !== undefined && last[1] === '') {
    notes.push(
      ...note(
        'uri-empty-extra',
        'The __extra__ parameter is empty, so Airflow stores an empty ' +
          'extra. Remove it, or set it to a percent-encoded JSON object.'
      )
    )
  }
  return notes
}

/** Does `json.loads` accept the text (so Airflow 3.1+ core decodes it)? */
function isJson(value: string): boolean {
  try {
    pythonJsonLoads(value)
    return true
  } catch {
    return false
  }
}

/** Flat values that some Airflow lines read as JSON and others keep as text. */
function decodedValueNotes(pairs: Array<[string, string]>): UriNote[] {
  if (pairs.some(([k]) => k === EXTRA_KEY)) return []
  if (!pairs.some(([, v]) => v !== '' && isJson(v))) return []
  return note(
    'uri-query-value-decoded',
    'A query value is valid JSON (a number, true, false, null, a quoted ' +
      'string, a list or an object). Airflow 3.1 tasks and the 3.1+ core ' +
      'model store it as that JSON value (apache/airflow#59339); Airflow 2, ' +
      '3.0 and the 3.2+ Task SDK keep the text. To get the same extra on ' +
      'every version, write the extras as one __extra__ JSON object.'
  )
}

/** All query and fragment notes. */
export function queryNotes(
  uri: string,
  first: SplitResult,
  parts: SplitResult,
  pairs: Array<[string, string]>
): UriNote[] {
  const notes: UriNote[] = []
  if (`${first.query}#${first.fragment}`.includes('://')) {
    notes.push(
      ...note(
        'uri-url-in-query',
        "A query value contains an unencoded '://'. Airflow counts every " +
          "'://' in the URI and takes a second one for a protocol inside the " +
          'host, which scrambles the host and schema. Percent-encode ' +
          "':' and '/' in query values (%3A, %2F)."
      )
    )
  }
  // '+' inside __extra__ is how quote_plus writes the JSON's spaces.
  const flat = parts.query
    .split('&')
    .filter((segment) => !segment.startsWith(`${EXTRA_KEY}=`))
  if (flat.some((segment) => segment.includes('+'))) {
    notes.push(
      ...note(
        'uri-plus-in-query',
        "A query parameter contains '+', which Airflow decodes as a space. " +
          "That is right if you meant a space; for a literal '+' (base64 " +
          'values, offsets like +02:00) write %2B.'
      )
    )
  }
  const keys = pairs.map(([k]) => k)
  if (new Set(keys).size < keys.length) {
    notes.push(
      ...note(
        'uri-repeated-query-key',
        'A query parameter name appears more than once; Airflow keeps only ' +
          'its last value (apache/airflow#9060). Use distinct names, or put ' +
          'a list in the __extra__ JSON.'
      )
    )
  }
  notes.push(...extraKeyNotes(pairs), ...decodedValueNotes(pairs))
  notes.push(...badEscape('query', parts.query, unquotePlus(parts.query)))
  if (uri.includes('#')) {
    notes.push(
      ...note(
        'uri-fragment',
        "The URI contains a raw '#'. Python treats what follows as a " +
          'fragment, which Airflow ignores, so that text is silently dropped. ' +
          "Percent-encode '#' as %23 in every part."
      )
    )
  }
  return notes
}
