/**
 * Text for a terminal or a CI log. Foreign text (what a server answered, a
 * key from the manifest or from Vault) may carry ANSI and OSC escapes that
 * rewrite the screen or set a link, a carriage return that overwrites the
 * line, or a newline that starts a line of its own, such as a runner's
 * `::add-mask::` or `::error::` workflow command. Control characters are
 * shown as `\u001b` instead of being sent.
 */

// C0, DEL and C1 controls, and the Unicode line and paragraph separators:
// matching control characters is the point here.
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
const CONTROL_BUT_LINES =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g

/* eslint-enable no-control-regex */

// `\u001b`: readable, and also a valid escape inside a JSON string, so
// --json output stays JSON after this pass.
function shown(char: string): string {
  return `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`
}

/** One line: every control character escaped, the newline too. */
export function escapeLine(text: string): string {
  return text.replace(CONTROL, shown)
}

/**
 * A whole output: newlines and tabs are kept, every other control
 * character is escaped, and a line that would start (after blanks) with
 * `::` gets its first colon escaped, so no text we print can be read by a
 * runner as a workflow command. The CLI never means to send one.
 */
export function escapeTerminal(text: string): string {
  return text
    .replace(CONTROL_BUT_LINES, shown)
    .replace(/^([ \t]*):(?=:)/gm, '$1\\u003a')
}
