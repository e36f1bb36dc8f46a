import {
  MAX_ALIAS_COUNT,
  MAX_MANIFEST_BYTES,
  parseYamlSource
} from '../../src/core/manifest/yaml-source.js'

describe('parseYamlSource', () => {
  test('locates values, keys and list items by manifest path', () => {
    const source = parseYamlSource(
      'version: 1\nconnections:\n  db:\n    port: 5432\nastro:\n  deployments:\n    - id: a\n    - id: b\n'
    )
    expect(source.locate(['connections', 'db', 'port'])).toEqual({
      line: 4,
      column: 11
    })
    expect(source.locate(['connections', 'db'], true)).toEqual({
      line: 3,
      column: 3
    })
    expect(source.locate(['astro', 'deployments', 1, 'id'])).toEqual({
      line: 8,
      column: 11
    })
  })

  test('a path that does not exist points at its deepest existing part', () => {
    const source = parseYamlSource('version: 1\nconnections:\n  db: {}\n')
    expect(source.locate(['connections', 'db', 'port'])).toEqual({
      line: 3,
      column: 7
    })
  })

  test('a billion-laughs document is refused, not expanded', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i)
      const name = String.fromCharCode(97 + i)
      levels.push(
        `${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`
      )
    }
    const source = parseYamlSource(levels.join('\n') + '\n')
    expect(source.data).toBeUndefined()
    expect(source.textProblems.map((p) => p.problem.code)).toEqual([
      'yaml-alias-limit'
    ])
    expect(source.textProblems[0]?.problem.message).toContain(
      `${MAX_ALIAS_COUNT}`
    )
  })

  test('a manifest over the size limit is refused before parsing', () => {
    const source = parseYamlSource('#'.repeat(MAX_MANIFEST_BYTES + 1))
    expect(source.textProblems.map((p) => p.problem.code)).toEqual([
      'manifest-too-large'
    ])
  })

  test('syntax errors carry their line', () => {
    const source = parseYamlSource('version: 1\nconnections:\n  db: [\n')
    expect(source.textProblems[0]?.problem.code).toBe('yaml-syntax')
    expect(source.textProblems[0]?.position.line).toBeGreaterThanOrEqual(3)
  })

  test('a duplicate key is reported and the rest is still read', () => {
    const source = parseYamlSource(
      'version: 1\nvariables:\n  a: 1\n  a: 2\n  b: 3\n'
    )
    expect(
      source.textProblems.map((p) => [p.problem.code, p.position.line])
    ).toEqual([['yaml-duplicate-key', 4]])
    expect(source.data).toMatchObject({ variables: { b: 3 } })
  })
})
