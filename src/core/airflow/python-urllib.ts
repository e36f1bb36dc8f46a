/**
 * A port of CPython 3.12 `urllib.parse.urlsplit` and the `SplitResult`
 * properties Airflow reads. Airflow parses connection URIs with exactly these
 * functions, so every quirk here (no scheme with a `_`, the last `@` splitting
 * the userinfo, the hostname lower-cased only up to the first `%`, ...) is
 * deliberate. WHATWG `URL` behaves differently and must not be used.
 *
 * Indexes are UTF-16 code units: every delimiter searched for is ASCII, so
 * slicing at them gives the same strings as Python's code-point slicing.
 */
import { checkBracketedHost } from './python-ipaddress.js'
import { PythonValueError, pyRepr, SplitResult } from './python-split-result.js'

export { PythonValueError, SplitResult }
export type { PythonValueErrorKind } from './python-split-result.js'

// Characters valid in a scheme after its first letter (`scheme_chars`).
const SCHEME_CHARS = /^[A-Za-z0-9+\-.]*$/

/** Python's `str.isascii()`. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false
  return true
}

/**
 * urlsplit's clean-up: strip leading C0 controls and spaces (only the left
 * side: trailing spaces survive, unlike WHATWG), delete TAB, CR and LF.
 */
export function cleanUrl(input: string): string {
  let start = 0
  while (start < input.length && input.charCodeAt(start) <= 0x20) start++
  return input.slice(start).replace(/[\t\r\n]/g, '')
}

/** `_checknetloc`: reject netlocs that NFKC turns into URL delimiters. */
function checkNetloc(netloc: string): void {
  if (netloc === '' || isAscii(netloc)) return
  const n = netloc.replace(/[@:#?]/g, '')
  const normalized = n.normalize('NFKC')
  if (n === normalized) return
  if (/[/?#@:]/.test(normalized)) {
    throw new PythonValueError(
      'netloc',
      `netloc ${pyRepr(netloc)} contains invalid characters under NFKC normalization`
    )
  }
}

/** The first index of any of `/ ? #` at or after `start`, else the length. */
function netlocEnd(url: string, start: number): number {
  const found = [...'/?#']
    .map((c) => url.indexOf(c, start))
    .filter((i) => i >= 0)
  return found.length > 0 ? Math.min(...found) : url.length
}

/** Python's `urlsplit(url)` with the default `scheme=''`, fragments on. */
export function urlsplit(input: string): SplitResult {
  let url = cleanUrl(input)
  let scheme = ''
  let netloc = ''
  let query = ''
  let fragment = ''
  const i = url.indexOf(':')
  if (i > 0 && /^[A-Za-z]/.test(url) && SCHEME_CHARS.test(url.slice(0, i))) {
    scheme = url.slice(0, i).toLowerCase()
    url = url.slice(i + 1)
  }
  if (url.startsWith('//')) {
    const end = netlocEnd(url, 2)
    netloc = url.slice(2, end)
    url = url.slice(end)
    const open = netloc.includes('[')
    const close = netloc.includes(']')
    if (open !== close) throw new PythonValueError('ipv6', 'Invalid IPv6 URL')
    if (open && close) {
      const afterOpen = netloc.slice(netloc.indexOf('[') + 1)
      const end2 = afterOpen.indexOf(']')
      checkBracketedHost(end2 < 0 ? afterOpen : afterOpen.slice(0, end2))
    }
  }
  const hash = url.indexOf('#')
  if (hash >= 0) {
    fragment = url.slice(hash + 1)
    url = url.slice(0, hash)
  }
  const q = url.indexOf('?')
  if (q >= 0) {
    query = url.slice(q + 1)
    url = url.slice(0, q)
  }
  checkNetloc(netloc)
  return new SplitResult(scheme, netloc, url, query, fragment)
}

// Python's str.isspace() set: JS's trim() differs (it strips U+FEFF and
// keeps U+001C-U+001F and U+0085).
const PY_SPACE =
  '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g')

/** Python's `str.strip()` with no argument. */
export function pythonStrip(s: string): string {
  return s.replace(PY_STRIP, '')
}
