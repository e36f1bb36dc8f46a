/**
 * The CPython urllib port. Expected values were printed by CPython 3.11.7's
 * urllib.parse (same code as 3.12 for these calls) and hard-coded here.
 */
import {
  parseQsl,
  pyDict,
  quote,
  quotePlus,
  unquote,
  urlencode,
  urlsplit,
  PythonValueError
} from '../../src/core/airflow/index.js'

type Row = [string, ...unknown[]]

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

const SPLITS: Array<[string, unknown[] | string]> = [
  [
    'HTTP://User:Pa:ss@Host.COM:080/p/a?q=1&r#frag#x',
    [
      'http',
      'User:Pa:ss@Host.COM:080',
      '/p/a',
      'q=1&r',
      'frag#x',
      'User',
      'Pa:ss',
      'host.com',
      80
    ]
  ],
  ['//a@b@c:1', ['', 'a@b@c:1', '', '', '', 'a@b', null, 'c', 1]],
  ['mailto:x@y', ['mailto', '', 'x@y', '', '', null, null, null, null]],
  ['a1+-.b:rest', ['a1+-.b', '', 'rest', '', '', null, null, null, null]],
  ['1a:rest', ['', '', '1a:rest', '', '', null, null, null, null]],
  [':x', ['', '', ':x', '', '', null, null, null, null]],
  ['path?x#y', ['', '', 'path', 'x', 'y', null, null, null, null]],
  [
    '\u0000 \u001f http://h\t\n/x\r ',
    ['http', 'h', '/x ', '', '', null, null, 'h', null]
  ],
  [
    'http://[::1]x:80/',
    ['http', '[::1]x:80', '/', '', '', null, null, '::1', 80]
  ],
  [
    'http://[::1]:80:90/',
    [
      'http',
      '[::1]:80:90',
      '/',
      '',
      '',
      null,
      null,
      '::1',
      "ValueError: Port could not be cast to integer value as '80:90'"
    ]
  ],
  [
    'http://u[x]@h/',
    "ValueError: 'x' does not appear to be an IPv4 or IPv6 address"
  ],
  ['http://h/%zz', ['http', 'h', '/%zz', '', '', null, null, 'h', null]],
  [
    'http://\uff21\uff22/',
    ['http', '\uff21\uff22', '/', '', '', null, null, '\uff41\uff42', null]
  ],
  ['http://x:/', ['http', 'x:', '/', '', '', null, null, 'x', null]],
  [
    'http://x:99999/',
    [
      'http',
      'x:99999',
      '/',
      '',
      '',
      null,
      null,
      'x',
      'ValueError: Port out of range 0-65535'
    ]
  ],
  ['http://[v1.x]/', ['http', '[v1.x]', '/', '', '', null, null, 'v1.x', null]],
  ['http://[v1]/', 'ValueError: IPvFuture address is invalid'],
  ['http://[vz.x]/', 'ValueError: IPvFuture address is invalid'],
  [
    'http://[1:2:3:4:5:6:7:8]/',
    [
      'http',
      '[1:2:3:4:5:6:7:8]',
      '/',
      '',
      '',
      null,
      null,
      '1:2:3:4:5:6:7:8',
      null
    ]
  ],
  [
    'http://[1:2:3:4:5:6:1.2.3.4]/',
    [
      'http',
      '[1:2:3:4:5:6:1.2.3.4]',
      '/',
      '',
      '',
      null,
      null,
      '1:2:3:4:5:6:1.2.3.4',
      null
    ]
  ]
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

test.each<Row>([
  ['abc%20def', 'abc def'],
  ['%E2%82%AC', '\u20ac'],
  ['%e2%82%ac', '\u20ac'],
  ['%zz%2', '%zz%2'],
  ['%', '%'],
  ['\u00e9%C3%A9', '\u00e9\u00e9'],
  // ASCII runs are decoded separately: a raw character splits a sequence.
  ['%C3\u00e9%A9', '\ufffd\u00e9\ufffd'],
  ['a+b', 'a+b'],
  ['%F0%9F%98', '\ufffd'],
  // Python's utf-8 codec keeps a BOM (TextDecoder would drop it by default).
  ['%EF%BB%BFx', '\ufeffx']
])('unquote(%j) = %j', (input, expected) => {
  expect(unquote(input)).toBe(expected)
})

test.each<Row>([
  ['', '', ''],
  ['aZ09_.-~', 'aZ09_.-~', 'aZ09_.-~'],
  [
    ' !"#$%&\'()*+,/:;<=>?@[\\]^`{|}',
    '%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D',
    '+%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D'
  ],
  [
    '\u00e9\u20ac\ud83d\ude00',
    '%C3%A9%E2%82%AC%F0%9F%98%80',
    '%C3%A9%E2%82%AC%F0%9F%98%80'
  ],
  ['a b+c', 'a%20b%2Bc', 'a+b%2Bc']
])('quote(%j) / quote_plus', (input, quoted, plus) => {
  expect(quote(input)).toBe(quoted)
  expect(quotePlus(input)).toBe(plus)
})

test('quote refuses a lone surrogate like Python (UnicodeEncodeError)', () => {
  expect(() => quote('a\ud800b')).toThrow('surrogates not allowed')
  expect(() => quote('\udc00')).toThrow('surrogates not allowed')
})

test.each<Row>([
  [
    'a=1&b=2&a=3',
    [
      ['a', '1'],
      ['b', '2'],
      ['a', '3']
    ]
  ],
  [
    'a&&b=&=c&d==e',
    [
      ['a', ''],
      ['b', ''],
      ['', 'c'],
      ['d', '=e']
    ]
  ],
  ['x+y=%2B+%zz', [['x y', '+ %zz']]],
  ['a=1;b=2', [['a', '1;b=2']]],
  ['k=%FF', [['k', '\ufffd']]],
  ['', []]
])('parse_qsl(%j, keep_blank_values=True)', (qs, pairs) => {
  expect(parseQsl(qs)).toEqual(pairs)
})

test('dict(): last value wins, first position kept', () => {
  const dict = pyDict(parseQsl('b=1&a=2&b=3'))
  expect([...dict.entries()]).toEqual([
    ['b', '3'],
    ['a', '2']
  ])
})

test('urlencode quotes keys and values with quote_plus', () => {
  const q = new Map([
    ['a b', 'c&d'],
    ['e', '=+\u00e9']
  ])
  expect(urlencode(q)).toBe('a+b=c%26d&e=%3D%2B%C3%A9')
})
