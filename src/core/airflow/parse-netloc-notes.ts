/**
 * Notes on the login, password, host and schema: the places where a
 * hand-written URI most often says something other than what was meant.
 */
import type { ConnectionFields } from './connection.js'
import { unquote } from './python-quote.js'
import type { SplitResult } from './python-urllib.js'
import type { UriNote, UriNoteCode } from './uri-diagnostics.js'

/** One note, as a list so rules can spread their results. */
export function note(code: UriNoteCode, message: string): UriNote[] {
  return [{ code, message }]
}

/** `%` not followed by two hex digits, or escapes that decode to U+FFFD. */
export function badEscape(
  part: string,
  raw: string,
  decoded: string
): UriNote[] {
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) {
    return note(
      'uri-bad-percent-escape',
      `The ${part} contains a '%' not followed by two hex digits; Airflow ` +
        "keeps it as a literal '%'. Percent-encode a literal '%' as %25."
    )
  }
  if (decoded.includes('\ufffd') && !raw.includes('\ufffd')) {
    return note(
      'uri-bad-percent-escape',
      `The ${part} has percent-escapes that are not valid UTF-8; Airflow ` +
        'replaces them with U+FFFD. Percent-encode the UTF-8 bytes of the text.'
    )
  }
  return []
}

/** A literal `+` is not a space outside the query. */
function plusNote(part: string, raw: string | null): UriNote[] {
  if (raw === null || !raw.includes('+')) return []
  return note(
    'uri-plus-in-password',
    `The ${part} contains a literal '+'. Airflow keeps it as '+' (only the ` +
      "query turns '+' into a space). If you meant a space, write %20; if " +
      "you meant '+', percent-encode it as %2B so every tool reads the same."
  )
}

/** Notes on the userinfo (login and password). */
export function userinfoNotes(parts: SplitResult): UriNote[] {
  const { username, password } = parts
  const notes = [
    ...plusNote('login', username),
    ...plusNote('password', password),
    ...badEscape('login', username ?? '', unquote(username ?? '')),
    ...badEscape('password', password ?? '', unquote(password ?? ''))
  ]
  const userinfo = parts.netloc.slice(
    0,
    Math.max(parts.netloc.lastIndexOf('@'), 0)
  )
  if (userinfo.includes('@')) {
    notes.push(
      ...note(
        'uri-unencoded-at',
        "The login or password contains a raw '@'. Python splits at the " +
          "last '@', so Airflow reads it, but most other tools split at the " +
          "first one. Percent-encode '@' as %40."
      )
    )
  }
  if (password === '') {
    notes.push(
      ...note(
        'uri-empty-password',
        "The password is empty ('login:@'). Airflow's core model stores no " +
          "password (None) while the Task SDK stores ''. Leave out the ':' " +
          'when there is no password.'
      )
    )
  }
  return notes
}

/** Notes on the host and schema. */
export function hostNotes(
  parts: SplitResult,
  fields: ConnectionFields
): UriNote[] {
  const raw = parts.hostinfo()[0]
  const notes = [
    ...badEscape('host', raw, unquote(raw)),
    ...badEscape('schema', parts.path, fields.schema)
  ]
  // The '/' fallback of `_parse_netloc_to_hostname` keeps the case.
  const lowered = parts.hostname ?? ''
  if (lowered !== raw && !unquote(lowered).includes('/')) {
    notes.push(
      ...note(
        'uri-host-lowercased',
        "The host has upper-case letters; Python's urlsplit lower-cases the " +
          'host (up to its first percent-escape), so Airflow stores it in ' +
          'lower case. Write it in lower case, or percent-encode it if the ' +
          'case matters.'
      )
    )
  }
  return notes
}
