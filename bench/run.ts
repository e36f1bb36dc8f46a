// `npm run bench`: speed and memory, each case against a baseline measured
// in the same run on the same machine. Never part of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { benchValidate } from './validate.bench.js'
import { benchSync } from './sync.bench.js'
import { benchOpenBao } from './openbao.bench.js'
import { benchFaults } from './faults.bench.js'
import { benchDevServer } from './devserver.bench.js'
import { benchStartup } from './startup.bench.js'
import { renderTable, type BenchCase } from './measure.js'

const cases: BenchCase[] = [
  ...(await benchValidate()),
  ...(await benchSync()),
  ...(await benchOpenBao()),
  ...(await benchFaults()),
  ...(await benchDevServer()),
  ...benchStartup()
]
const table = renderTable(cases)
process.stdout.write(`${table}\n`)
mkdirSync('.bench', { recursive: true })
writeFileSync('.bench/results.json', JSON.stringify(cases, null, 2) + '\n')
