/**
 * The CPython urlsplit port. Expected values were printed by CPython
 * 3.11.7's urllib.parse (same code as 3.12 for these calls), hard-coded.
 */
import { urlsplit, PythonValueError } from '../../src/core/airflow/index.js'

/** Everything a SplitResult exposes, port errors as their message. */
function describe_(url: string): unknown[] | string {
  let p
  try {
    p = urlsplit(url)
  } catch (e) {
    return `ValueError: ${(e as Error).message}`
  }
  let port: unknown
  try {
    port = p.port
  } catch (e) {
    port = `ValueError: ${(e as Error).message}`
  }
  return [
    p.scheme,
    p.netloc,
    p.path,
    p.query,
    p.fragment,
    p.username,
    p.password,
    p.hostname,
    port
  ]
}

// One row per URL: [scheme, netloc, path, query, fragment, username,
// password, hostname, port], or the ValueError urlsplit raises.
// prettier-ignore
const SPLITS: Array<[string, unknown[] | string]> = [
  ['HTTP://User:Pa:ss@Host.COM:080/p/a?q=1&r#frag#x', ['http', 'User:Pa:ss@Host.COM:080', '/p/a', 'q=1&r', 'frag#x', 'User', 'Pa:ss', 'host.com', 80]],
  ['//a@b@c:1', ['', 'a@b@c:1', '', '', '', 'a@b', null, 'c', 1]],
  ['mailto:x@y', ['mailto', '', 'x@y', '', '', null, null, null, null]],
  ['a1+-.b:rest', ['a1+-.b', '', 'rest', '', '', null, null, null, null]],
  ['1a:rest', ['', '', '1a:rest', '', '', null, null, null, null]],
  [':x', ['', '', ':x', '', '', null, null, null, null]],
  ['path?x#y', ['', '', 'path', 'x', 'y', null, null, null, null]],
  ['\u0000 \u001f http://h\t\n/x\r ', ['http', 'h', '/x ', '', '', null, null, 'h', null]],
  ['http://[::1]x:80/', ['http', '[::1]x:80', '/', '', '', null, null, '::1', 80]],
  ['http://[::1]:80:90/', ['http', '[::1]:80:90', '/', '', '', null, null, '::1', "ValueError: Port could not be cast to integer value as '80:90'"]],
  ['http://u[x]@h/', "ValueError: 'x' does not appear to be an IPv4 or IPv6 address"],
  ['http://h/%zz', ['http', 'h', '/%zz', '', '', null, null, 'h', null]],
  ['http://\uff21\uff22/', ['http', '\uff21\uff22', '/', '', '', null, null, '\uff41\uff42', null]],
  ['http://x:/', ['http', 'x:', '/', '', '', null, null, 'x', null]],
  ['http://x:99999/', ['http', 'x:99999', '/', '', '', null, null, 'x', 'ValueError: Port out of range 0-65535']],
  ['http://[v1.x]/', ['http', '[v1.x]', '/', '', '', null, null, 'v1.x', null]],
  ['http://[v1]/', 'ValueError: IPvFuture address is invalid'],
  ['http://[vz.x]/', 'ValueError: IPvFuture address is invalid'],
  ['http://[1:2:3:4:5:6:7:8]/', ['http', '[1:2:3:4:5:6:7:8]', '/', '', '', null, null, '1:2:3:4:5:6:7:8', null]],
  ['http://[1:2:3:4:5:6:1.2.3.4]/', ['http', '[1:2:3:4:5:6:1.2.3.4]', '/', '', '', null, null, '1:2:3:4:5:6:1.2.3.4', null]]
]

test.each(SPLITS)('urlsplit(%j)', (url, expected) => {
  expect(describe_(url)).toEqual(expected)
})

test.each([
  'http://[fe80::1%]/',
  'http://[fe80::1%25%2525]/',
  'http://[1::2::3]/',
  'http://[1:2:3:4:5:6:7:8:9]/',
  'http://[::1.2.3.04]/',
  'http://[:1]/',
  'http://[1:]/',
  'http://[12345::]/',
  'http://[]/'
])('bracketed %j is no IPv6 address', (url) => {
  expect(() => urlsplit(url)).toThrow(PythonValueError)
  expect(() => urlsplit(url)).toThrow('does not appear to be an IPv4 or IPv6')
})

test('errors carry their kind', () => {
  const kind = (url: string): string => {
    try {
      return `port ${String(urlsplit(url).port)}`
    } catch (e) {
      return (e as PythonValueError).kind
    }
  }
  expect(kind('http://\u2100/')).toBe('netloc')
  expect(kind('http://[::1/')).toBe('ipv6')
  expect(kind('http://[1.2.3.4]/')).toBe('ipv6')
  expect(kind('http://h:x/')).toBe('port')
  expect(kind('http://h:1/')).toBe('port 1')
})
