/**
 * The real tier's closing lines: for each Airflow version and question
 * (parse, build, read-back, kwargs), how many cases agreed with our
 * TypeScript. Tests add to it through __tests__/real/helpers/tally.ts.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export interface TallyRow {
  version: string
  question: string
  agreed: number
  total: number
}

export function printTally(dir: string): void {
  const sums = new Map<string, TallyRow>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter(Boolean)) {
      const row = JSON.parse(line) as TallyRow
      const key = `${row.version}\t${row.question}`
      const sum = sums.get(key) ?? { ...row, agreed: 0, total: 0 }
      sum.agreed += row.agreed
      sum.total += row.total
      sums.set(key, sum)
    }
  }
  if (sums.size === 0) {
    process.stdout.write('real-systems: no Airflow cases were tallied\n')
    return
  }
  process.stdout.write(
    '\nReal Airflow, cases that agreed with our TypeScript:\n'
  )
  for (const row of [...sums.values()].sort((a, b) =>
    (a.version + a.question).localeCompare(b.version + b.question)
  ))
    process.stdout.write(
      `  Airflow ${row.version.padEnd(7)} ${row.question.padEnd(24)} ${row.agreed}/${row.total}\n`
    )
}
