/**
 * The linters that are not npm packages, run by `npm run lint`: ruff on the
 * Python oracle, actionlint on every workflow (it runs shellcheck on each
 * `run:` script and checks `uses: ./` inputs against action.yml), and
 * shellcheck on our own shell scripts. Any finding fails the run.
 */
import { spawnSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { basename, join, relative } from 'node:path'
import { envBin, ensureToolsEnv, TOOLS_DIR } from './envs.js'
import { ensureActionlint } from './go-tools.js'
import { workflowRuleProblems } from './workflow-rules.js'

export interface LintRun {
  tool: string
  ok: boolean
  output: string
}

const ROOT = join(TOOLS_DIR, '..')

/** The workflows we lint: ours, and the examples users copy. */
function workflowFiles(root: string): { github: string[]; examples: string[] } {
  const yamlIn = (dir: string): string[] => {
    try {
      return readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(dir, f))
    } catch {
      return []
    }
  }
  return {
    github: yamlIn(join(root, '.github', 'workflows')),
    examples: yamlIn(join(root, 'examples', 'workflows'))
  }
}

/** PATH with the tools environment first (actionlint finds shellcheck there). */
function toolsPath(): string {
  return `${join(ensureToolsEnv().dir, 'bin')}:${process.env.PATH ?? ''}`
}

function run(
  tool: string,
  cmd: string,
  args: string[],
  cwd: string,
  path: string
): LintRun {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: path }
  })
  if (r.error)
    return { tool, ok: false, output: `cannot run ${cmd}: ${r.error.message}` }
  return { tool, ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() }
}

/** The name users put in `uses:`; examples are checked as if it were `./`. */
const PUBLISHED = /uses: airflow-vault-sync\/airflow-vault-sync@\S+/g

/**
 * actionlint over a project's workflows, with shellcheck on its PATH. The
 * examples name the published Action, which actionlint cannot resolve, so
 * each is checked as a copy (inside the project, same lines) that says
 * `uses: ./` instead: their inputs are checked against action.yml too.
 */
export function lintWorkflows(root: string): LintRun {
  const scratch = join(root, '.scratch')
  mkdirSync(scratch, { recursive: true })
  const copies = mkdtempSync(join(scratch, 'actionlint-'))
  try {
    const { github, examples: exampleFiles } = workflowFiles(root)
    const examples = exampleFiles.map((file) => {
      const copy = join(copies, basename(file))
      writeFileSync(
        copy,
        readFileSync(file, 'utf8').replace(PUBLISHED, 'uses: ./')
      )
      return { file: relative(root, file), copy: relative(root, copy) }
    })
    const files = github.map((f) => relative(root, f))
    const r = run(
      'actionlint',
      ensureActionlint(),
      ['-no-color', ...files, ...examples.map((e) => e.copy)],
      root,
      toolsPath()
    )
    let output = r.output
    for (const e of examples) output = output.split(e.copy).join(e.file)
    return { ...r, output }
  } finally {
    rmSync(copies, { recursive: true, force: true })
  }
}

/** Our own rules (workflow-rules.ts) over the same files. */
export function workflowRules(root: string): LintRun {
  const { github, examples } = workflowFiles(root)
  const problems = [...github, ...examples]
    .flatMap((f) => workflowRuleProblems(f))
    .map((p) => relative(root, p))
  return {
    tool: 'workflow rules',
    ok: problems.length === 0,
    output: problems.join('\n')
  }
}

export function lintAll(): LintRun[] {
  const tools = ensureToolsEnv()
  const path = toolsPath()
  const ruffConfig = join(TOOLS_DIR, 'airflow', 'ruff.toml')
  const python = join(TOOLS_DIR, 'airflow')
  return [
    run(
      'ruff check',
      envBin(tools, 'ruff'),
      ['check', '--config', ruffConfig, python],
      ROOT,
      path
    ),
    run(
      'ruff format',
      envBin(tools, 'ruff'),
      ['format', '--check', '--config', ruffConfig, python],
      ROOT,
      path
    ),
    lintWorkflows(ROOT),
    workflowRules(ROOT),
    run('shellcheck', envBin(tools, 'shellcheck'), ['.ci/run'], ROOT, path)
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = false
  for (const r of lintAll()) {
    process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.tool}\n`)
    if (!r.ok) {
      failed = true
      process.stdout.write(`${r.output}\n`)
    }
  }
  process.exit(failed ? 1 : 0)
}
