import * as core from '@actions/core'
import { run } from './run.js'
import { exitCodeAfter, handleCancelSignals } from '../io/cancel-signals.js'

// A cancelled job: the runner sends SIGINT, then SIGTERM (cancel-signals.ts).
handleCancelSignals((line) => core.warning(line))
void run().then(() => {
  process.exitCode = exitCodeAfter(Number(process.exitCode ?? 0))
})
