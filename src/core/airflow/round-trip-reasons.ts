/**
 * Why a declared field does not survive Airflow's get_uri → parse. The
 * reasons are derived from the declaration (which rule of airflow.md §2.3
 * applies), and mention field names, never field values.
 */
import {
  EXTRA_KEY,
  normalizeConnType,
  type AirflowMajor,
  type ConnectionFieldName,
  type ConnectionInput
} from './connection.js'
import { hostProtocol, SCHEME } from './round-trip-failures.js'

/** A host-protocol problem that scrambles the whole URI, if any. */
function protocolProblem(
  input: ConnectionInput,
  airflow: AirflowMajor
): string | null {
  const protocol = hostProtocol(input)
  if (protocol === null) return null
  const connType = normalizeConnType(input.conn_type)
  if (airflow === 2 && protocol !== '' && protocol === connType) {
    return (
      'the host starts with the conn_type as its protocol: Airflow 2 (and ' +
      "3.0) write 'type://type://…' and the parser strips every 'type://', " +
      'so host and schema come back wrong (fixed in 3.1 by apache/airflow#51953)'
    )
  }
  if (protocol === connType && airflow === 3) return null
  if (protocol === '') {
    return "the host starts with '://': get_uri drops the empty protocol"
  }
  if (!SCHEME.test(protocol)) {
    return (
      "the protocol part of the host (before '://') is not a valid URI " +
      "scheme (a letter, then letters, digits, '+', '-' or '.'; no '_'), " +
      'so Airflow does not read it back as a protocol'
    )
  }
  return null
}

/** The reason for one field that came back different. */
export function explainDifference(
  input: ConnectionInput,
  airflow: AirflowMajor,
  field: ConnectionFieldName
): string {
  const problem = protocolProblem(input, airflow)
  if (problem !== null) return problem
  const protocol = hostProtocol(input)
  switch (field) {
    case 'conn_type':
      return /[A-Z]/.test(input.conn_type)
        ? 'the conn_type is lower-cased: the URI scheme is read in lower case'
        : 'the conn_type is not a valid URI scheme, so it does not come back'
    case 'host':
      if (protocol !== null && /[A-Z]/.test(protocol)) {
        return 'the protocol part of the host is lower-cased by urlsplit'
      }
      if (protocol !== null && (input.host ?? '').endsWith('://')) {
        return "the host has nothing after '://', so it comes back empty"
      }
      return /[A-Z]/.test(input.host ?? '')
        ? 'urlsplit lower-cases the host (up to its first percent-escaped ' +
            "character) unless it contains '/'"
        : "the host does not come back unchanged from Airflow's parser"
    case 'login':
      // '' and None are compared as equal (round-trip.ts), so only a real
      // change of the login gets here.
      return "the login does not come back unchanged from Airflow's parser"
    case 'password':
      return input.password === ''
        ? "an empty password is not kept: Airflow's core model stores None"
        : "the password does not come back unchanged from Airflow's parser"
    case 'port':
      return input.port === 0
        ? "port 0 is dropped by Airflow's get_uri (the core checks `if port:`)"
        : "the port does not come back unchanged from Airflow's parser"
    case 'extra':
      return input.extra && EXTRA_KEY in input.extra
        ? `the extra has a key named '${EXTRA_KEY}', which takes over the whole extra when Airflow parses the URI`
        : "the extra does not come back unchanged from Airflow's parser"
    default:
      return `the ${field} does not come back unchanged from Airflow's parser`
  }
}
