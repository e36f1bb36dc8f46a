/**
 * `json.dumps` / `json.loads` ports. Expected strings were printed by CPython
 * 3.11.7 (`json.dumps(value)`, `repr(float)`) and hard-coded.
 */
import {
  pythonFloatRepr,
  pythonJsonDumps,
  pythonJsonLoads
} from '../../src/core/airflow/index.js'

test('strings: ensure_ascii, lower-case \\u escapes, surrogate pairs', () => {
  expect(
    pythonJsonDumps({ a: '\u00e9\ud83d\ude00\u0000\u007f\u2028"\\/\b\f\n\r\t' })
  ).toBe(
    '{"a": "\\u00e9\\ud83d\\ude00\\u0000\\u007f\\u2028\\"\\\\/\\b\\f\\n\\r\\t"}'
  )
  // Lone surrogates are escaped as they are (Python str can hold them).
  expect(pythonJsonDumps({ '\ud800': '\udc00x' })).toBe(
    '{"\\ud800": "\\udc00x"}'
  )
})

test('separators and containers as Python prints them', () => {
  expect(
    pythonJsonDumps([1, 2.5, -0.0001, 1e-7, 1e-5, 0.1 + 0.2, 1e22, true, null])
  ).toBe(
    '[1, 2.5, -0.0001, 1e-07, 1e-05, 0.30000000000000004, 1e+22, true, null]'
  )
  expect(pythonJsonDumps({})).toBe('{}')
  expect(pythonJsonDumps([])).toBe('[]')
  expect(pythonJsonDumps({ a: { b: [1, { c: 'd' }] } })).toBe(
    '{"a": {"b": [1, {"c": "d"}]}}'
  )
})

test.each<[number, string]>([
  [NaN, 'NaN'],
  [Infinity, 'Infinity'],
  [-Infinity, '-Infinity'],
  [-0, '-0.0'],
  [5e-324, '5e-324'],
  [1.7976931348623157e308, '1.7976931348623157e+308'],
  [1234567890123456.8, '1234567890123456.8'],
  [123456789.125, '123456789.125'],
  [1e16, '1e+16'],
  [1e15, '1000000000000000.0'],
  [0.0001, '0.0001']
])('float repr(%p) = %s', (x, repr) => {
  expect(pythonFloatRepr(x)).toBe(repr)
})

test('safe integers print as Python ints, others as floats', () => {
  // A JS number cannot say whether YAML wrote 1 or 1.0: ints win.
  expect(pythonJsonDumps([1, -0, 9007199254740991])).toBe(
    '[1, 0, 9007199254740991]'
  )
  expect(pythonJsonDumps(2 ** 53)).toBe('9007199254740992.0')
  expect(pythonJsonDumps(12345678901234567890n)).toBe('12345678901234567890')
})

test('a Map keeps insertion order where a plain object would not', () => {
  expect(pythonJsonDumps({ b: '1', 2: 'x' })).toBe('{"2": "x", "b": "1"}')
  expect(
    pythonJsonDumps(
      new Map([
        ['b', '1'],
        ['2', 'x']
      ])
    )
  ).toBe('{"b": "1", "2": "x"}')
})

test('unserialisable values raise like Python instead of vanishing', () => {
  expect(() => pythonJsonDumps({ a: undefined })).toThrow(
    'not JSON serializable'
  )
  expect(() => pythonJsonDumps(() => 1)).toThrow('not JSON serializable')
  const loop: Record<string, unknown> = {}
  loop.self = loop
  expect(() => pythonJsonDumps(loop)).toThrow('Circular reference detected')
})

test('loads accepts what Python accepts', () => {
  const v = pythonJsonLoads(
    ' {"a": NaN, "b": -Infinity, "a": 2, "c": [1.5, "\\ud83d\\ude00"]} '
  )
  expect(v).toBeInstanceOf(Map)
  const m = v as Map<string, unknown>
  // Duplicate key: first position, last value (dict semantics).
  expect([...m.keys()]).toEqual(['a', 'b', 'c'])
  expect(m.get('a')).toBe(2)
  expect(m.get('b')).toBe(-Infinity)
  expect(m.get('c')).toEqual([1.5, '\ud83d\ude00'])
  expect(pythonJsonLoads('{"__proto__": "x"}')).toEqual(
    new Map([['__proto__', 'x']])
  )
})

test.each([
  '[1,]',
  '{"a":1,}',
  '01',
  '"\\x"',
  '{"a" 1}',
  'nul',
  '-',
  '',
  '"a\nb"',
  '\ufeff{}',
  '{} x'
])('loads rejects %j like Python', (text) => {
  expect(() => pythonJsonLoads(text)).toThrow()
})

test('round trip of Python-printed text is byte-identical', () => {
  const text =
    '{"my_val": ["list", "of", "values"], "extra": {"nested": {"json": "val"}}, "n": 1.5, "u": "\\u00e9"}'
  expect(pythonJsonDumps(pythonJsonLoads(text))).toBe(text)
})
