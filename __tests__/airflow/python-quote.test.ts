/**
 * The CPython quote/unquote/parse_qsl/urlencode ports. Expected values were
 * printed by CPython 3.11.7's urllib.parse and hard-coded.
 */
import {
  parseQsl,
  pyDict,
  quote,
  quotePlus,
  unquote,
  urlencode
} from '../../src/core/airflow/index.js'

type Row = [string, ...unknown[]]

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
