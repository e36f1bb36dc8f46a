#!/usr/bin/env node
import { runCli } from './main.js'
import { processRuntime } from './runtime.js'
import { exitCodeAfter, handleCancelSignals } from '../io/cancel-signals.js'
import { cancelledBy } from '../clients/net/cancellation.js'
import { TOOL_NAME } from '../version.js'

handleCancelSignals((line) => process.stderr.write(`${TOOL_NAME}: ${line}\n`))
void runCli(process.argv.slice(2), processRuntime()).then((code) => {
  const by = cancelledBy()
  if (by)
    process.stderr.write(
      `${TOOL_NAME}: cancelled by ${by}; what was not attempted is listed above, and a rerun writes only that\n`
    )
  process.exitCode = exitCodeAfter(code)
})
