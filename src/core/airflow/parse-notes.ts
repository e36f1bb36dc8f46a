/**
 * Warnings for URIs Airflow accepts but reads differently from what their
 * author most likely meant (airflow.md §1.3-1.4). Each message names the
 * part at fault and the fix, never the text itself (it may be a secret).
 */
import type { ConnectionFields } from './connection.js'
import { hostNotes, note, userinfoNotes } from './parse-netloc-notes.js'
import { queryNotes } from './parse-query-notes.js'
import { cleanUrl, type SplitResult } from './python-urllib.js'
import type { UriNote } from './uri-diagnostics.js'

/** What the parser saw, for the note rules. */
export interface NoteContext {
  uri: string
  /** The split of the whole URI (gives the scheme as written). */
  first: SplitResult
  /** The split Airflow reads the fields from. */
  parts: SplitResult
  hostWithProtocol: boolean
  pairs: Array<[string, string]>
  fields: ConnectionFields
}

type Rule = (ctx: NoteContext) => UriNote[]

const whitespace: Rule = ({ uri }) => {
  const lead = uri !== '' && uri.charCodeAt(0) <= 0x20
  const inner = /[\t\r\n]/.test(uri)
  const trail = /\s$/.test(uri)
  if (!lead && !inner && !trail) return []
  return note(
    'uri-whitespace',
    'The URI has ' +
      [
        lead ? 'leading spaces or control characters (stripped)' : '',
        inner ? 'TAB, CR or LF characters (deleted wherever they are)' : '',
        trail ? 'trailing whitespace (kept, in the last part of the URI)' : ''
      ]
        .filter((s) => s !== '')
        .join(' and ') +
      '. Remove it, or percent-encode whitespace that belongs to a value.'
  )
}

const scheme: Rule = ({ uri, parts, hostWithProtocol, fields }) => {
  const url = cleanUrl(uri)
  const notes: UriNote[] = []
  if (/[A-Z]/.test(url.slice(0, url.indexOf(':')))) {
    notes.push(
      ...note(
        'uri-uppercase-scheme',
        'The connection type has upper-case letters. Airflow lower-cases ' +
          'it, but then cannot remove it from the URI, so a protocol inside ' +
          'the host (type://protocol://host) is misread. Write it in lower case.'
      )
    )
  }
  const inner = hostWithProtocol ? (uri.split('://')[1] ?? '') : ''
  if (/[A-Z]/.test(inner) && parts.scheme !== '') {
    notes.push(
      ...note(
        'uri-uppercase-scheme',
        'The protocol inside the host has upper-case letters; Airflow ' +
          'lower-cases it. Write it in lower case.'
      )
    )
  }
  if (hostWithProtocol && parts.scheme === '' && inner.includes('_')) {
    notes.push(
      ...note(
        'uri-scheme-underscore',
        "The protocol inside the host contains '_', which a URI scheme may " +
          'not contain, so Airflow finds no protocol: the host comes back ' +
          "empty and the rest lands in the schema. Use '-' in the protocol, " +
          "or percent-encode '://' in the host (%3A%2F%2F)."
      )
    )
  }
  if (fields.conn_type.includes('+')) {
    notes.push(
      ...note(
        'uri-sqlalchemy-scheme',
        "The connection type contains '+' (a SQLAlchemy dialect+driver?). " +
          'Airflow keeps it whole as the conn_type, which no provider ' +
          'registers. Use the Airflow type (e.g. postgres) and put driver ' +
          'options in the extras.'
      )
    )
  }
  return notes
}

// Judged on the whole URI: a second '://' (nested protocol, URL in the
// query) also leaves a path without '/', but other notes explain those.
const slashes: Rule = ({ first }) =>
  first.netloc === '' && first.path !== '' && !first.path.startsWith('/')
    ? note(
        'uri-missing-slashes',
        "After 'type:' there is no '//', so Airflow sees no host, login, " +
          'password or port; it drops the first character of the rest and ' +
          'stores the remainder as the schema. Write type://host/schema.'
      )
    : []

const RULES: Rule[] = [whitespace, scheme, slashes]

/** All notes for a URI Airflow accepted. */
export function collectNotes(ctx: NoteContext): UriNote[] {
  const { uri, first, parts, pairs, fields } = ctx
  return [
    ...RULES.flatMap((rule) => rule(ctx)),
    ...userinfoNotes(parts),
    ...hostNotes(parts, fields),
    ...queryNotes(uri, first, parts, pairs)
  ]
}
