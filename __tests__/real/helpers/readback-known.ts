/**
 * Differences between what the manifest means and what an Airflow line
 * returns that are findings already recorded in docs/airflow-versions.md
 * ("VaultBackend and BACKEND_KWARGS"). Where `validate` warns about the
 * entry, the difference was predicted and counts as agreement; where it
 * does not, it counts as a disagreement in the tally. Only the lines named
 * here may show one: anywhere else it fails the test.
 */
import type { Meant } from './readback-expect.js'

/**
 * From 3.1 on, the core Connection JSON-decodes string query values when it
 * parses a conn_uri ("10" → 10, "false" → false, a JSON text → an object).
 * The Task SDK class (3.2+) does not. In 3.0 and 3.1 tasks get the core
 * class. So a string extra that looks like JSON changes type whenever the
 * core class parses a URI: the stored conn_uri (format uri) or the
 * get_uri() of any connection (the round trip).
 */
export function coreDecodesJsonStrings(
  airflow: string,
  cls: string,
  meant: Meant
): boolean {
  const [major = 0, minor = 0] = airflow.split('.').map(Number)
  if (major < 3 || (major === 3 && minor < 1)) return false
  if (!cls.startsWith('airflow.models.')) return false
  const extra =
    'fields' in meant ? (meant.fields.extra as Record<string, unknown>) : {}
  return Object.values(extra ?? {}).some((v) => {
    if (typeof v !== 'string') return false
    try {
      return typeof JSON.parse(v) !== 'string'
    } catch {
      return false
    }
  })
}
