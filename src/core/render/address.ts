/**
 * A server address as every report shows it: without the userinfo
 * (`https://user:password@vault:8200` is shown as `https://vault:8200`).
 * The credentials are still sent where the client sends them; they are
 * also registered as secrets (src/io/url-credentials.ts), so text that
 * quotes the address whole is redacted as well.
 */
export function shownAddress(address: string): string {
  // Textual, so an address URL would refuse is shown as it was given,
  // minus anything before an `@` in its authority.
  return address.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1')
}
