/**
 * The secrets inside a URL's userinfo (VAULT_ADDR, ASTRO_API_URL), for
 * masking and redaction: the userinfo as written, and the password as
 * written and decoded. The user name alone is not a secret, and as a word
 * such as `admin` it would blank out the log.
 */
export function urlCredentials(url: string | undefined): string[] {
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url ?? '')?.[1]
  if (!userinfo) return []
  const colon = userinfo.indexOf(':')
  const password = colon >= 0 ? userinfo.slice(colon + 1) : ''
  const forms = [userinfo, password]
  try {
    forms.push(decodeURIComponent(password))
  } catch {
    // A malformed escape: the text as written is what could be printed.
  }
  return [...new Set(forms.filter((f) => f !== ''))]
}
