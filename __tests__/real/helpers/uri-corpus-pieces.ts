/**
 * The pieces uri-corpus.ts assembles: each list holds what the issue asks
 * the corpus to cover (percent-encoded `@ : / % # ? +` and spaces, IPv6 and
 * bracketed hosts, empty and protocol hosts, `__extra__`, repeated and
 * blank keys, typed and JSON-looking values, postgresql and `-`/`_` types,
 * bad ports, unicode, upper case) and what we found parsers trip on.
 */
import fc from 'fast-check'

// prettier-ignore
export const CRED = [
  'user', 'Admin', 'a b', '%40', '%3A', '%2F', '%25', '%23', '%3F', '%2B', '%20',
  '+', ' ', '%C3%A9', 'é', 'Ü', '%zz', '%', '!', '~', '%E2%82%AC', '@', ':',
  '%0A', '%5B', '[', 'p', '%C3', '%ED%A0%80'
]
// prettier-ignore
export const SCHEME = [
  'postgres', 'postgresql', 'mysql', 'http', 'HTTP', 'Postgres', 'aws',
  'google-cloud-platform', 'google_cloud_platform', 'my-type', 'a1.b+c',
  'postgresql+psycopg2', 'spark'
]
export const PROTOCOL = ['', '', '', 'http://', 'k8s://', 'HTTPS://', 'my_p://']
// prettier-ignore
export const HOST = [
  'h', 'db.example.com', 'Host.Example.COM', '[::1]', '[fe80::1%25eth0]', '[::1',
  'fe80::1]', '[v1.x]', '[::ffff:1.2.3.4]', '[1.2.3.4]', '::1', '', '', '%2Ftmp%2Fs',
  'host%3Ax', 'MiXeD%2FPath', 'ünï', 'İSTANBUL', '127.0.0.1', 'h%20x', 'http://x',
  'ｈ', '%E2%84%AA'
]
// prettier-ignore
export const PORT = [
  '', '', ':5432', ':0', ':65535', ':65536', ':-1', ':abc', ':+80', ':', ':007',
  ':٨٠', ': 1', ':99999999999999999999'
]
// prettier-ignore
export const PATH = ['', '', '/', '/db', '/a%2Fb', '/A B', '/é', '//x', '/%', '/a/b', '/%7E', '/;p']
// prettier-ignore
export const QUERY_KEY = ['a', 'a', 'timeout', '__extra__', '', 'A', 'k+y', '%C3%A9', '__EXTRA__']
// prettier-ignore
export const QUERY_VALUE = [
  '30', '0123', '-0', '-0.0', 'true', 'null', 'false', '1.5', '1e5', 'NaN',
  '-Infinity', '%7B%22x%22%3A1%7D', '%7B%22x%22%3A%5B1%2Cnull%5D%7D', '[1]',
  '%5B1%5D', 'x+y', 'x%20y', '', '%22s%22', 'abc', '%7B%7D', '+30+',
  '12345678901234567890', '1.0', '1E400', 'é', '%FF', 'http%3A%2F%2Fx',
  '%7B%22a%22%3A1%2C%22a%22%3A2%7D', '%22%5Cud800%22'
]
export const LEAD = ['', '', '', ' ', '\t', '\n']
export const TAIL = ['', '', '', ' ', '#frag', '\n']
/** Spaces urlsplit keeps but Python's str.strip() (the sdk path) removes, and U+FEFF neither does. */
export const ODD_SPACE = [
  '\u00a0',
  '\x1f',
  '\ufeff',
  '\u2028',
  '\u3000',
  '\x85'
]

// prettier-ignore
export const TEXT = [
  '', 'x', 'a b', '@', ':', '/', '%', '#', '?', '+', '&', '=', 'é', 'Ü', '€',
  '%41', 'a/b', 'p@ss:w/rd', 'ümlaut pass', '[', ']', '~', '"', "'", 'İ', 'ß'
]
// prettier-ignore
export const PROTOCOL_HOST = ['http://x', 'HTTP://x', 'https://h:1', '::1', 'k8s://h', '://x', 'a_b://h']
// prettier-ignore
export const CONN_TYPE = [
  'postgres', 'postgresql', 'http', 'HTTP', 'google_cloud_platform', 'my-type',
  'spark', 'aws', 'mysql', 'a_b-c', 'Postgresql'
]
// prettier-ignore
export const EXTRA_STRING = ['30', '0123', '-0', 'true', 'null', '1e5', 'x', '', 'é', '{"a": 1}', ' 7 ', 'NaN']
// prettier-ignore
export const EXTRA_KEY = ['a', 'b', 'timeout', '__extra__', ' ', 'é', '']

/** Free printable text with a little unicode: what no list thought of. */
export const FREE: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .integer({ min: 0x20, max: 0x7e })
        .map((c) => String.fromCharCode(c))
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom('é', 'ß', 'İ', 'ｈ', '\u0301', '😀', '\t')
    }
  ),
  maxLength: 6
})
