/**
 * The part of CPython's `ipaddress` module that `urlsplit` uses to validate
 * the text between `[` and `]` (CPython 3.11.4+ and 3.12+;
 * `_check_bracketed_host`). Older Pythons accepted any bracketed text, so
 * Airflow on those accepts URIs this rejects: we follow the current rule.
 */
import { PythonValueError } from './python-split-result.js'

const HEX_4 = /^[0-9A-Fa-f]{0,4}$/

/** `IPv4Address._ip_int_from_string`: strict dotted quad, no leading zeros. */
function isIPv4(s: string): boolean {
  const octets = s.split('.')
  if (octets.length !== 4) return false
  return octets.every(
    (o) =>
      /^[0-9]{1,3}$/.test(o) && (o === '0' || !o.startsWith('0')) && +o <= 255
  )
}

/**
 * `IPv6Address(...)` acceptance: at most one `::`, 8 hextets (fewer with
 * `::`), an optional IPv4 tail, an optional non-empty `%scope` without a
 * second `%`.
 */
function isIPv6(address: string): boolean {
  if (address.includes('/')) return false
  let s = address
  const pct = s.indexOf('%')
  if (pct >= 0) {
    const scope = s.slice(pct + 1)
    if (scope === '' || scope.includes('%')) return false
    s = s.slice(0, pct)
  }
  const parts = s.split(':')
  if (s === '' || parts.length < 3) return false
  const last = parts[parts.length - 1] ?? ''
  if (last.includes('.')) {
    if (!isIPv4(last)) return false
    // Python converts the IPv4 tail to two hextets before counting.
    parts.splice(parts.length - 1, 1, '0', '0')
  }
  if (parts.length > 9) return false
  let skip = -1
  for (let i = 1; i < parts.length - 1; i++) {
    if (parts[i] !== '') continue
    if (skip >= 0) return false
    skip = i
  }
  const first = parts[0] ?? ''
  const end = parts[parts.length - 1] ?? ''
  let counted: string[]
  if (skip >= 0) {
    let hi = skip
    let lo = parts.length - skip - 1
    if (first === '' && --hi !== 0) return false
    if (end === '' && --lo !== 0) return false
    if (8 - (hi + lo) < 1) return false
    counted = [
      ...parts.slice(first === '' ? 1 : 0, skip),
      ...parts.slice(skip + 1)
    ]
    if (end === '') counted.pop()
  } else {
    if (parts.length !== 8 || first === '' || end === '') return false
    counted = parts
  }
  return counted.every((p) => p !== '' && HEX_4.test(p))
}

/**
 * Raise like `_check_bracketed_host`: `v...` must be an IPvFuture literal,
 * anything else an IPv6 address (an IPv4 address in brackets is rejected).
 */
export function checkBracketedHost(hostname: string): void {
  if (hostname.startsWith('v')) {
    // re.match(r"\Av[a-fA-F0-9]+\..+\Z") - `.` does not match a newline.
    if (!/^v[a-fA-F0-9]+\.[^\n]+$/.test(hostname)) {
      throw new PythonValueError('ipv6', 'IPvFuture address is invalid')
    }
    return
  }
  if (isIPv4(hostname)) {
    throw new PythonValueError('ipv6', 'An IPv4 address cannot be in brackets')
  }
  if (!isIPv6(hostname)) {
    throw new PythonValueError(
      'ipv6',
      `'${hostname}' does not appear to be an IPv4 or IPv6 address`
    )
  }
}
