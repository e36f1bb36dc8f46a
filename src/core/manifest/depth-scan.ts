/**
 * yaml's CST parser recurses once per nesting level, like its composer,
 * and 10,000 compact `- - - …` on one line overflow the stack before any
 * token reaches our depth check (found by `npm run fuzz`). This scan reads
 * the text alone and estimates the nesting from indentation, compact
 * indicators (`- `, `? `, `: ` anywhere on a line) and flow brackets outside
 * quotes and comments. It only has to stop what the parser cannot survive,
 * so its limit sits far above MAX_NESTING_DEPTH and far below the ~10,000
 * levels that overflow: nothing a manifest needs is refused here.
 */
export const PARSER_SAFE_DEPTH = 1000

/** The offset of the first line whose estimate passes the limit. */
export function tooDeepForParser(
  text: string,
  limit = PARSER_SAFE_DEPTH
): number | undefined {
  const indents: number[] = []
  let flow = 0
  let offset = 0
  for (const line of text.split('\n')) {
    const indent = /^ */.exec(line)?.[0].length ?? 0
    const rest = line.slice(indent)
    if (flow === 0 && rest !== '' && !rest.startsWith('#')) {
      while ((indents.at(-1) ?? -1) >= indent) indents.pop()
      indents.push(indent)
    }
    // Each indicator may open a level, after a key too (`x: - - 1`); a
    // plain value with many ` - ` is counted as well, which only matters
    // past a thousand of them.
    const compact = (line.match(/(?:^|[ \t])[-?:](?=[ \t])/g) ?? []).length
    const scanned = flowDepth(line, flow)
    flow = scanned.end
    if (Math.max(indents.length - 1, 0) + compact + scanned.max > limit)
      return offset
    offset += line.length + 1
  }
  return undefined
}

/** Bracket depth through one line, skipping quoted text and comments. */
function flowDepth(line: string, start: number): { end: number; max: number } {
  let depth = start
  let max = start
  let quote = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote) {
      if (c === quote) quote = ''
      continue
    }
    if (c === '"' || c === "'") quote = c
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) break
    else if (c === '[' || c === '{') max = Math.max(max, ++depth)
    else if ((c === ']' || c === '}') && depth > 0) depth--
  }
  return { end: depth, max }
}
