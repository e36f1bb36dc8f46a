/**
 * Round-trip issues for declarations whose generated URI Airflow would not
 * parse at all (or could not even write). Reasons name fields, not values.
 */
import {
  EXTRA_KEY,
  type AirflowMajor,
  type ConnectionFieldName,
  type ConnectionInput
} from './connection.js'
import { hasLoneSurrogate } from './python-quote.js'
import type { RoundTripIssue } from './round-trip.js'
import type { UriErrorCode } from './uri-diagnostics.js'

export const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/
const STRING_FIELDS = [
  'conn_type',
  'host',
  'schema',
  'login',
  'password'
] as const

/** The protocol part of a host written as `protocol://rest`, else null. */
export function hostProtocol(input: ConnectionInput): string | null {
  const host = input.host ?? ''
  const i = host.indexOf('://')
  return i < 0 ? null : host.slice(0, i)
}

const UNPARSABLE = ', so Airflow cannot parse the URI it would generate'

/** The field and reason for a URI Airflow would refuse to parse. */
function failureReason(
  input: ConnectionInput,
  code: UriErrorCode | 'unencodable'
): [ConnectionFieldName, string] {
  switch (code) {
    case 'unencodable': {
      const field =
        STRING_FIELDS.find((f) => hasLoneSurrogate(input[f] ?? '')) ?? 'extra'
      return [
        field,
        `the ${field} contains an unpaired UTF-16 surrogate, which Python ` +
          "cannot encode: Airflow's get_uri raises UnicodeEncodeError"
      ]
    }
    case 'uri-invalid-port':
      return [
        'port',
        `port ${String(input.port)} is not an integer from 0 to 65535${UNPARSABLE}`
      ]
    case 'uri-extra-not-object':
      return [
        'extra',
        `the extra has a key named '${EXTRA_KEY}' whose value is not a JSON ` +
          'object; that key takes over the whole extra, and Airflow 3 rejects ' +
          'the URI (Airflow 2 warns and stores that value)'
      ]
    case 'uri-no-scheme':
      return [
        'conn_type',
        input.conn_type === ''
          ? "the conn_type is empty: the URI starts with '//', has no " +
            'scheme, and the airflow CLI rejects it'
          : 'the conn_type is not a valid URI scheme (a letter, then ' +
            "letters, digits, '+', '-', '.' or '_'), so Airflow would store " +
            'an empty conn_type and the airflow CLI rejects the URI'
      ]
    default: {
      const protocol = hostProtocol(input)
      return protocol !== null && !SCHEME.test(protocol)
        ? [
            'host',
            "the protocol part of the host (before '://') holds characters " +
              `that break the URI${UNPARSABLE}`
          ]
        : [
            'conn_type',
            `the conn_type holds characters that break the URI${UNPARSABLE}`
          ]
    }
  }
}

/** The issue for a URI Airflow would refuse to parse. */
export function explainFailure(
  input: ConnectionInput,
  airflow: AirflowMajor,
  code: UriErrorCode | 'unencodable'
): RoundTripIssue {
  const [field, reason] = failureReason(input, code)
  return { field, airflow, reason }
}
