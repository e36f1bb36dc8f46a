/**
 * Result and diagnostic types of `parseConnUri`. Messages are shown to users
 * and end up in CI logs, so they name the part of the URI at fault ("the
 * password ...") and never quote any text of the URI: the login, password
 * and query values are secrets, and a malformed URI can put them anywhere.
 */
import type { AirflowTarget } from './airflow-versions.js'
import type { ConnectionFields } from './connection.js'

/** Why Airflow (or the airflow CLI) would reject a URI. */
export type UriErrorCode =
  /** More than two `://` (AirflowException). */
  | 'uri-too-many-protocols'
  /** `@` or `:` before the inner `://` (AirflowException). */
  | 'uri-auth-before-protocol'
  /** The port is not ASCII digits in 0-65535 (urllib ValueError). */
  | 'uri-invalid-port'
  /** Unbalanced brackets or bracketed text that is no IP (ValueError). */
  | 'uri-invalid-ipv6'
  /** Non-ASCII netloc that NFKC turns into a delimiter (ValueError). */
  | 'uri-invalid-netloc'
  /** The stored extra is not JSON object text (Airflow 3 ValueError). */
  | 'uri-extra-not-object'
  /** No scheme, so conn_type is empty (the airflow CLI rejects it). */
  | 'uri-no-scheme'

/** Things Airflow accepts silently but that are usually a mistake. */
export type UriNoteCode =
  /** A `_` in the nested protocol: urlsplit sees no scheme there. */
  | 'uri-scheme-underscore'
  /** A literal `+` in login/password stays `+` (not a space). */
  | 'uri-plus-in-password'
  /** A literal `+` in the query becomes a space. */
  | 'uri-plus-in-query'
  /** An unencoded `://` inside the query. */
  | 'uri-url-in-query'
  /** Upper case in the scheme or nested protocol. */
  | 'uri-uppercase-scheme'
  /** `__extra__=` with an empty value: no extra is stored. */
  | 'uri-empty-extra'
  /** `__extra__` present: every other query parameter is discarded. */
  | 'uri-extra-discards-params'
  /** A flat query value that Airflow 3.1+ core reads as JSON, others as text. */
  | 'uri-query-value-decoded'
  /** A query key repeated: only its last value is kept. */
  | 'uri-repeated-query-key'
  /** A raw `#`: the text after it is dropped. */
  | 'uri-fragment'
  /** `login:@`: the core model stores no password, the Task SDK `''`. */
  | 'uri-empty-password'
  /** A `%` without two hex digits, or escapes that are not UTF-8. */
  | 'uri-bad-percent-escape'
  /** Leading control/space stripped, TAB/CR/LF deleted, trailing space kept. */
  | 'uri-whitespace'
  /** A SQLAlchemy-style `type+driver` scheme kept as the conn_type. */
  | 'uri-sqlalchemy-scheme'
  /** A raw `@` inside the userinfo (works, but fragile). */
  | 'uri-unencoded-at'
  /** Upper case in the host: urlsplit lower-cases it. */
  | 'uri-host-lowercased'
  /** No `//` after `type:`: no host, the schema loses a character. */
  | 'uri-missing-slashes'
  /** Airflow 2 only: the extra is not a JSON object (a warning there). */
  | 'uri-extra-not-object-warning'

/** A warning about something Airflow does silently. */
export interface UriNote {
  code: UriNoteCode
  message: string
}

/** What Airflow would make of a connection URI. */
export type UriParseResult =
  | { ok: true; fields: ConnectionFields; notes: UriNote[] }
  | { ok: false; code: UriErrorCode; message: string }

/** Which Airflow's rules to apply: a version and code path (default 3). */
export type ParseOptions = AirflowTarget
