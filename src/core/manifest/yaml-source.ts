import {
  Alias,
  Composer,
  Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  visit,
  YAMLParseError,
  type CST,
  type Node as YamlNode
} from 'yaml'
import { tooDeepForParser } from './depth-scan.js'
import { error, type PathProblem } from '../problems.js'

/** Large enough for 100,000 entries; small enough to refuse a runaway file. */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024
/** Anchors are handy for shared extras; a billion-laughs file is not. */
export const MAX_ALIAS_COUNT = 1000
/**
 * Collections nested deeper than this are refused before yaml composes
 * them: its composer recurses once per level and runs out of stack near
 * 800 levels, which can abort the process. A manifest needs fewer than 10.
 */
export const MAX_NESTING_DEPTH = 100

export interface Position {
  line: number
  column: number
}

/** A parsed manifest that can say where each value came from. */
export interface YamlSource {
  data: unknown
  /** Problems of the text itself (syntax, duplicate keys, limits), placed
   * by offset because they have no manifest path. */
  textProblems: Array<{ problem: PathProblem; position: Position }>
  locate(path: readonly (string | number)[], atKey?: boolean): Position
}

export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter()
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  if (Buffer.byteLength(text) > MAX_MANIFEST_BYTES) {
    const problem = error(
      'manifest-too-large',
      [],
      `the manifest is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB; split it into several manifests`
    )
    return {
      data: undefined,
      textProblems: [{ problem, position: { line: 1, column: 1 } }],
      locate: () => ({ line: 1, column: 1 })
    }
  }
  // parseDocument, in steps, so the depth is known before composing; a
  // text the parser itself could not survive never reaches it.
  const unparseable = tooDeepForParser(text)
  if (unparseable !== undefined) {
    // The parser would have told the line counter where lines start.
    lineCounter.addNewLine(0)
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
      lineCounter.addNewLine(i + 1)
  }
  const tokens =
    unparseable === undefined
      ? [...new Parser(lineCounter.addNewLine).parse(text)]
      : []
  const tooDeep = unparseable ?? deepestOffset(tokens)
  if (tooDeep !== undefined) {
    const problem = error(
      'yaml-too-deep',
      [],
      `collections are nested more than ${MAX_NESTING_DEPTH} levels deep; flatten the structure`
    )
    return {
      data: undefined,
      textProblems: [{ problem, position: position(tooDeep) }],
      locate: () => position(tooDeep)
    }
  }
  // yaml's own uniqueKeys check compares every key with every other one,
  // which costs a second on a 5,000-entry map; duplicateKeys is linear.
  const doc = firstDocument(
    tokens,
    new Composer({ uniqueKeys: false, version: '1.2' }),
    text.length
  )
  const textProblems = [
    ...doc.errors.map((e) => ({
      problem: yamlErrorProblem(e.message),
      position: position(e.pos[0])
    })),
    ...duplicateKeys(doc).map(({ key, offset }) => ({
      problem: error(
        'yaml-duplicate-key',
        [],
        `duplicate key ${JSON.stringify(key)}: YAML would keep only one of the two; remove or rename one`
      ),
      position: position(offset)
    }))
  ]
  let data: unknown
  // A duplicate key still leaves a usable document (the last one wins), so
  // the rest of the manifest is checked too.
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch {
      textProblems.push({
        problem: error(
          'yaml-alias-limit',
          [],
          `aliases expand to more than ${MAX_ALIAS_COUNT} nodes; write the repeated values out or use fewer nested aliases`
        ),
        position: { line: 1, column: 1 }
      })
    }
  }
  return {
    data,
    textProblems,
    locate: (path, atKey = false) => locateNode(doc, path, atKey, position)
  }
}

/** What parseDocument returns: the first document, errors for the rest. */
function firstDocument(
  tokens: CST.Token[],
  composer: Composer,
  length: number
): Document.Parsed {
  let doc: Document.Parsed | undefined
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) {
      doc = next
    } else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()'
        )
      )
      break
    }
  }
  // compose(…, true) always yields at least one document.
  return doc as Document.Parsed
}

/** The offset of the first collection nested too deep, found without recursion. */
function deepestOffset(tokens: readonly CST.Token[]): number | undefined {
  const stack: Array<[CST.Token | null | undefined, number]> = tokens.map(
    (token) => [token, 0]
  )
  while (stack.length > 0) {
    const [token, depth] = stack.pop() as [CST.Token | null | undefined, number]
    if (!token) continue
    if (token.type === 'document') {
      stack.push([token.value, depth])
    } else if (
      token.type === 'block-map' ||
      token.type === 'block-seq' ||
      token.type === 'flow-collection'
    ) {
      if (depth + 1 > MAX_NESTING_DEPTH) return token.offset
      for (const item of token.items) {
        if ('key' in item) stack.push([item.key, depth + 1])
        stack.push([item.value, depth + 1])
      }
    }
  }
  return undefined
}

function yamlErrorProblem(message: string): PathProblem {
  const firstLine = message.split('\n')[0] ?? message
  return error(
    'yaml-syntax',
    [],
    `invalid YAML: ${firstLine} (fix the syntax at this line)`
  )
}

/** Keys that repeat within one mapping, compared as the JSON keys they become. */
function duplicateKeys(doc: Document): Array<{ key: string; offset: number }> {
  const found: Array<{ key: string; offset: number }> = []
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>()
      for (const pair of map.items) {
        const key = isScalar(pair.key)
          ? String(pair.key.value)
          : String(pair.key)
        if (seen.has(key)) {
          found.push({
            key,
            offset: (pair.key as YamlNode | null)?.range?.[0] ?? 0
          })
        }
        seen.add(key)
      }
    }
  })
  return found
}

/** Walks the document along a manifest path, as deep as it exists. */
function locateNode(
  doc: Document,
  path: readonly (string | number)[],
  atKey: boolean,
  position: (offset: number) => Position
): Position {
  let node: unknown = doc.contents
  let range: [number, number, number] | null | undefined = (
    node as YamlNode | null
  )?.range
  for (const [index, segment] of path.entries()) {
    if (node instanceof Alias) node = node.resolve(doc)
    const last = index === path.length - 1
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => (isScalar(p.key) ? String(p.key.value) : p.key) === segment
      )
      if (!pair) break
      const keyNode = pair.key as YamlNode
      const valueNode = pair.value as YamlNode | null
      node = valueNode
      range =
        (last && atKey) || !valueNode?.range ? keyNode.range : valueNode.range
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode | undefined
      if (!item) break
      node = item
      range = item.range
    } else {
      break
    }
  }
  return position(range?.[0] ?? 0)
}
