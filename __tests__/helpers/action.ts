import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const dir = mkdtempSync(path.join(tmpdir(), 'avs-action-'))

export interface ActionRun {
  stdout: string
  outputs: Record<string, string>
  summary: string
  exitCode: number | undefined
}

/**
 * Runs the Action's entry in-process with the real @actions/core, as the
 * runner would: inputs in INPUT_* variables, outputs and the summary in
 * files. Workflow commands are read back from stdout.
 */
export async function runAction(
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<ActionRun> {
  const outputFile = path.join(dir, 'output')
  // @actions/core's summary keeps the first path it saw for the process, so
  // every run in a test file shares one summary file, emptied first.
  const summaryFile = path.join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const saved = { ...process.env }
  const savedExit = process.exitCode
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('INPUT_') || key.startsWith('GITHUB_'))
      delete process.env[key]
  }
  Object.assign(process.env, env, {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile
  })
  for (const [name, value] of Object.entries(inputs)) {
    process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  let stdout = ''
  const write = process.stdout.write
  process.stdout.write = ((chunk: string | Uint8Array): boolean => {
    stdout += chunk.toString()
    return true
  }) as typeof process.stdout.write
  try {
    const { run } = await import('../../src/action/run.js')
    process.exitCode = undefined
    await run(process.env)
  } finally {
    process.stdout.write = write
  }
  const exitCode = process.exitCode as number | undefined
  process.exitCode = savedExit
  process.env = saved
  return {
    stdout,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    exitCode
  }
}

/** GITHUB_OUTPUT holds `name<<delimiter`, value lines, `delimiter`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) {
    outputs[match[1] as string] = match[3] as string
  }
  return outputs
}
