/**
 * CPython's `SplitResult` with the netloc properties Airflow reads
 * (`username`, `password`, `hostname`, `port`), and the `ValueError` urllib
 * raises. Ported from `urllib.parse` (3.12), quirks included.
 */

/** Which of urllib's `ValueError`s was raised, so callers can map it. */
export type PythonValueErrorKind = 'ipv6' | 'netloc' | 'port'

/** Python's `ValueError`, tagged. Messages copy Python's (they may echo input). */
export class PythonValueError extends Error {
  constructor(
    readonly kind: PythonValueErrorKind,
    message: string
  ) {
    super(message)
    this.name = 'ValueError'
  }
}

/** Python's `repr()` of a str, close enough for error messages. */
export function pyRepr(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
}

/** The five parts of a split URL plus the netloc accessors. */
export class SplitResult {
  constructor(
    readonly scheme: string,
    readonly netloc: string,
    readonly path: string,
    readonly query: string,
    readonly fragment: string
  ) {}

  /** Userinfo split at the LAST `@`, then at the FIRST `:`. */
  private userinfo(): [string | null, string | null] {
    const at = this.netloc.lastIndexOf('@')
    if (at < 0) return [null, null]
    const info = this.netloc.slice(0, at)
    const colon = info.indexOf(':')
    return colon < 0
      ? [info, null]
      : [info.slice(0, colon), info.slice(colon + 1)]
  }

  /**
   * Python's `_hostinfo`: the raw host text (no case change, brackets
   * removed) and raw port text (`None` when empty).
   */
  hostinfo(): [string, string | null] {
    const hostinfo = this.netloc.slice(this.netloc.lastIndexOf('@') + 1)
    const open = hostinfo.indexOf('[')
    let hostname: string
    let port: string
    if (open >= 0) {
      const bracketed = hostinfo.slice(open + 1)
      const close = bracketed.indexOf(']')
      hostname = close < 0 ? bracketed : bracketed.slice(0, close)
      const after = close < 0 ? '' : bracketed.slice(close + 1)
      const colon = after.indexOf(':')
      port = colon < 0 ? '' : after.slice(colon + 1)
    } else {
      const colon = hostinfo.indexOf(':')
      hostname = colon < 0 ? hostinfo : hostinfo.slice(0, colon)
      port = colon < 0 ? '' : hostinfo.slice(colon + 1)
    }
    return [hostname, port === '' ? null : port]
  }

  get username(): string | null {
    return this.userinfo()[0]
  }

  get password(): string | null {
    return this.userinfo()[1]
  }

  /** Lower-cased only up to the first `%`: IPv6 zone ids keep their case. */
  get hostname(): string | null {
    const hostname = this.hostinfo()[0]
    if (hostname === '') return null
    const pct = hostname.indexOf('%')
    if (pct < 0) return hostname.toLowerCase()
    return hostname.slice(0, pct).toLowerCase() + hostname.slice(pct)
  }

  /** ASCII digits only (so `+80` and `٨٠` fail), range 0-65535. */
  get port(): number | null {
    const port = this.hostinfo()[1]
    if (port === null) return null
    if (!/^[0-9]+$/.test(port)) {
      throw new PythonValueError(
        'port',
        `Port could not be cast to integer value as ${pyRepr(port)}`
      )
    }
    const value = Number(port)
    if (value > 65535) {
      throw new PythonValueError('port', 'Port out of range 0-65535')
    }
    return value
  }
}
