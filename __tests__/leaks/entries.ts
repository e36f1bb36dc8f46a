/**
 * The two entries, run in-process with every channel captured: the CLI's
 * stdout and stderr (and anything written to the process directly), the
 * Action's log, annotations, outputs and job summary, and any error that
 * escapes either entry. The Action's ::add-mask:: lines are kept apart,
 * each with the number of requests the servers had seen when it was
 * written, so a test can tell a value was registered before its first use.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { runCli } from '../../src/cli/main.js'

export interface EntryRun {
  /** Exit code (CLI), or 1 when the Action failed the step, else 0. */
  code: number
  channels: Record<string, string>
  /** Values registered with ::add-mask::, with requests seen before each. */
  masks: Array<{ value: string; requestsBefore: number }>
}

/** Anything written to the real stdout and stderr while `fn` runs. */
async function capturing<T>(
  fn: () => Promise<T>
): Promise<{ result?: T; thrown?: unknown; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' }
  const saved = [process.stdout.write, process.stderr.write] as const
  const grab =
    (key: 'stdout' | 'stderr') =>
    (chunk: string | Uint8Array): boolean => {
      out[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk)
      return true
    }
  process.stdout.write = grab('stdout') as typeof process.stdout.write
  process.stderr.write = grab('stderr') as typeof process.stderr.write
  try {
    return { result: await fn(), ...out }
  } catch (thrown) {
    return { thrown, ...out }
  } finally {
    ;[process.stdout.write, process.stderr.write] = saved
  }
}

function thrownText(thrown: unknown): string {
  if (thrown === undefined) return ''
  return thrown instanceof Error
    ? `${thrown.message}\n${thrown.stack ?? ''}`
    : String(thrown)
}

export async function runCliEntry(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv
): Promise<EntryRun> {
  let stdout = ''
  let stderr = ''
  const run = await capturing(() =>
    runCli(args, {
      cwd,
      env,
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t)
    })
  )
  return {
    code: run.result ?? -1,
    channels: {
      stdout,
      stderr,
      'process stdout': run.stdout,
      'process stderr': run.stderr,
      thrown: thrownText(run.thrown)
    },
    masks: []
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'avs-leaks-'))

/** The runner's unescaping of a workflow command's message and properties. */
function unescapeCommand(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

export async function runActionEntry(
  inputs: Record<string, string>,
  env: Record<string, string>,
  requests: () => number
): Promise<EntryRun> {
  const outputFile = path.join(dir, 'output')
  // @actions/core keeps the first summary path it saw for the process.
  const summaryFile = path.join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const saved = { ...process.env }
  for (const key of Object.keys(process.env)) {
    if (/^(INPUT_|GITHUB_|VAULT_|ASTRO_)/.test(key)) delete process.env[key]
  }
  Object.assign(process.env, env, {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile
  })
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const savedExit = process.exitCode
  process.exitCode = undefined
  const masks: EntryRun['masks'] = []
  const start = requests()
  const run = await capturing(async () => {
    const { run } = await import('../../src/action/run.js')
    // Each ::add-mask:: is one write; note how far the run had got.
    const write = process.stdout.write
    process.stdout.write = ((chunk: string): boolean => {
      for (const m of String(chunk).matchAll(/^::add-mask::(.*)$/gm)) {
        const value = unescapeCommand(m[1] as string)
        masks.push({ value, requestsBefore: requests() - start })
      }
      return write.call(process.stdout, chunk)
    }) as typeof process.stdout.write
    await run(process.env)
  })
  const failed = process.exitCode === 1
  process.exitCode = savedExit
  process.env = saved
  const lines = run.stdout.split('\n')
  const isMask = (l: string): boolean => l.startsWith('::add-mask::')
  const isAnnotation = (l: string): boolean =>
    /^::(error|warning|notice)[ :]/.test(l)
  const channels: Record<string, string> = {
    log: lines.filter((l) => !isMask(l) && !isAnnotation(l)).join('\n'),
    annotations: unescapeCommand(lines.filter(isAnnotation).join('\n')),
    'annotations (escaped)': lines.filter(isAnnotation).join('\n'),
    'log (unescaped)': unescapeCommand(
      lines.filter((l) => !isMask(l)).join('\n')
    ),
    stderr: run.stderr,
    summary: readFileSync(summaryFile, 'utf8'),
    thrown: thrownText(run.thrown)
  }
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm
  for (const m of readFileSync(outputFile, 'utf8').matchAll(pattern))
    channels[`output ${m[1]}`] = m[3] as string
  return { code: failed ? 1 : 0, channels, masks }
}
