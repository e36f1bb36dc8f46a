/**
 * Adds a line to the real tier's closing tally (tools/real-systems/tally-report.ts):
 * how many cases of one question agreed with real Airflow of one version.
 */
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'

export function tally(
  version: string,
  question: string,
  agreed: number,
  total: number
): void {
  const dir = process.env.AVS_REAL_TALLY_DIR
  if (!dir) return
  appendFileSync(
    join(dir, `${process.pid}.jsonl`),
    `${JSON.stringify({ version, question, agreed, total })}\n`
  )
}
