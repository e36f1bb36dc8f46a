/**
 * node-vault logs every request body, and follow-redirects (under axios)
 * every request's options, headers and X-Vault-Token included, through
 * the `debug` package, which turns itself on from DEBUG when it loads. That
 * text is escaped by util.inspect, a form no mask covers. So in our
 * process `debug` is off, and cannot be turned on again: not by DEBUG,
 * which it reads only when it loads, nor by a later enable().
 * Our own debug output is request-log.ts.
 */
import createDebug from 'debug'

createDebug.disable()
createDebug.enable = () => undefined
createDebug.enabled = () => false

/** For node-vault's `debug` setting: a logger that says nothing. */
export const silentDebug = (): void => undefined
