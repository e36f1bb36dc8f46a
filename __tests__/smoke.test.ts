import { parse } from 'yaml'
test('esm import works', () => {
  expect(parse('a: 1')).toEqual({ a: 1 })
})
