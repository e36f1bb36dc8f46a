#!/usr/bin/env node
import { runCli } from './main.js'
import { processRuntime } from './runtime.js'

void runCli(process.argv.slice(2), processRuntime()).then((code) => {
  process.exitCode = code
})
