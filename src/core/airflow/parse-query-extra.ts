/**
 * The extra Airflow stores for a URI's query (airflow.md §1.2 step 11): the
 * `__extra__` value verbatim, or the query as a JSON object. From 3.1 the
 * core model first json.loads every non-empty value that parses
 * (apache/airflow#59339), so `?timeout=30` stores `{"timeout": 30}`; the
 * Task SDK class of 3.2+ keeps strings. Which one applies is the caller's
 * ParseBehaviour.
 */
import { EXTRA_KEY } from './connection.js'
import { pythonJsonDumps } from './python-json.js'
import { PythonJsonDecodeError, pythonJsonRedump } from './python-json-loads.js'

/**
 * The stored extra text for a non-empty query, `null` for an empty one.
 * `query` is `dict(parse_qsl(...))`: last value wins, first position kept.
 */
export function queryExtra(
  query: Map<string, string>,
  rawQuery: string,
  decodesValues: boolean
): string | null {
  if (rawQuery === '') return null
  const verbatim = query.get(EXTRA_KEY)
  if (verbatim !== undefined) return verbatim
  if (!decodesValues) return pythonJsonDumps(query)
  const parts = [...query].map(([key, value]) => {
    let text = pythonJsonDumps(value)
    if (value !== '') {
      try {
        text = pythonJsonRedump(value)
      } catch (e) {
        // Airflow catches JSONDecodeError alone and keeps the string.
        if (!(e instanceof PythonJsonDecodeError)) throw e
      }
    }
    return `${pythonJsonDumps(key)}: ${text}`
  })
  return `{${parts.join(', ')}}`
}
