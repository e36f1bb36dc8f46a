/**
 * Our own debug output (AIRFLOW_VAULT_SYNC_DEBUG, or RUNNER_DEBUG in the
 * Action): one line per request, with the server, method, URL and status.
 * Never a header or a body, so it cannot carry a token or a value. The URL
 * (or path) is shown without userinfo or query. The front end decides where lines
 * go (stderr, core.debug) and escapes them for its channel.
 */
import { shownUrl } from './redirect-policy.js'

export type RequestLogSink = (line: string) => void

// One per process, as @actions/core's debug is: the clients are created
// deep inside sync and provision, which should not have to pass it along.
let sink: RequestLogSink | undefined

/** Sets (or, with undefined, clears) where request lines go. */
export function setRequestLog(next: RequestLogSink | undefined): void {
  sink = next
}

/** `outcome`: the HTTP status, or a short reason when there was none. */
export function logRequest(
  server: string,
  method: string,
  url: string,
  outcome: number | string
): void {
  if (!sink) return
  const shown = url.startsWith('/')
    ? url.replace(/[?#].*$/s, '')
    : shownUrl(url)
  sink(`${server} ${method} ${shown} ${outcome}`)
}
