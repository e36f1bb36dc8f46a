/**
 * Text for GitHub markdown: the job summary, the PR comment and the drift
 * issue. Whatever comes from outside (a key, a server's message, a path)
 * goes through one of these, so it renders as the text it is: no HTML, no
 * links or emphasis, no @-mention that notifies someone, no `|` that ends
 * a table cell, no newline that ends the line.
 */
import { escapeLine } from './escape-text.js'

// Backslash escapes are CommonMark's; these are the characters that open
// emphasis, code, links and images ([ is enough for both), strikethrough
// and table cells. <, > and & become entities, which no HTML parser takes
// for a tag.
const MARKDOWN = /[\\`*[\]|~]/g
const ENTITY: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;'
}

/** Inline text, one line: markdown and HTML shown, never interpreted. */
export function mdText(text: string): string {
  return (
    escapeLine(text.replace(/\r?\n/g, ' '))
      .replace(MARKDOWN, (c) => `\\${c}`)
      // `_` emphasises only at a word's edge: AIRFLOW__SECRETS stays as is.
      .replace(/_+/g, (run, at: number, all: string) =>
        /[A-Za-z0-9]/.test(all[at - 1] ?? '') &&
        /[A-Za-z0-9]/.test(all[at + run.length] ?? '')
          ? run
          : run.replace(/_/g, '\\_')
      )
      .replace(/[<>&]/g, (c) => ENTITY[c] ?? c)
      // A word joiner after @ keeps it readable and stops the mention.
      .replace(/@/g, '@\u2060')
  )
}

/**
 * A code span around any text: the fence is longer than any run of
 * backticks inside, so the text cannot close it. Inside a table a `|`
 * still splits the cell (GFM), so there it is escaped; GitHub removes
 * that backslash.
 */
export function mdCode(text: string, inTable = true): string {
  let content = escapeLine(text.replace(/\r?\n/g, ' '))
  if (inTable) content = content.replace(/\|/g, '\\|')
  const longest = Math.max(
    0,
    ...(content.match(/`+/g) ?? []).map((r) => r.length)
  )
  const fence = '`'.repeat(longest + 1)
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : ''
  return `${fence}${pad}${content}${pad}${fence}`
}
