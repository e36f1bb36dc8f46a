/**
 * A real Airflow, asked over JSON lines (tools/airflow/oracle). One process
 * per Airflow line answers any number of questions; requests are pipelined
 * and matched to answers by id.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import {
  TOOLS_DIR,
  airflowLines,
  ensureAirflowEnv
} from '../../../tools/real-systems/envs.js'

export type CodePath = 'core' | 'sdk'

export interface OracleHello {
  airflow: string
  task_sdk: string | null
  provider: string
  hvac: string
  python: string
  paths: CodePath[]
  ops: string[]
}

export interface OracleError {
  type: string
  message: string
  where: string
}

export type OracleAnswer<T> =
  { ok: true; result: T } | { ok: false; error: OracleError }

/** Every Airflow line the matrix pins, oldest first. */
export const AIRFLOW_LINES = airflowLines()

export class AirflowOracle {
  private nextId = 0
  private readonly waiting = new Map<
    number,
    (a: Record<string, unknown>) => void
  >()
  private stderr = ''

  private constructor(
    readonly line: string,
    readonly hello: OracleHello,
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly home: string
  ) {}

  static async start(line: string): Promise<AirflowOracle> {
    const env = ensureAirflowEnv(line)
    const home = mkdtempSync(join(tmpdir(), `airflow-${line}-`))
    const child = spawn(env.python, ['-m', 'oracle'], {
      cwd: join(TOOLS_DIR, 'airflow'),
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        AIRFLOW_HOME: home,
        AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
        AIRFLOW__CORE__UNIT_TEST_MODE: 'False',
        PYTHONDONTWRITEBYTECODE: '1',
        PYTHONPATH: join(TOOLS_DIR, 'airflow')
      }
    })
    let stderr = ''
    child.stderr.on(
      'data',
      (d: Buffer) => (stderr = (stderr + d.toString()).slice(-8000))
    )
    const lines = createInterface({ input: child.stdout })
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve)
      child.once('exit', (code) =>
        reject(
          new Error(
            `the Airflow ${line} oracle exited with ${code}:\n${stderr}`
          )
        )
      )
    })
    const hello = JSON.parse(first) as OracleHello
    const oracle = new AirflowOracle(line, hello, child, home)
    child.stderr.on(
      'data',
      (d: Buffer) =>
        (oracle.stderr = (oracle.stderr + d.toString()).slice(-8000))
    )
    lines.on('line', (l) =>
      oracle.receive(JSON.parse(l) as Record<string, unknown>)
    )
    child.once('exit', () => oracle.failAll())
    return oracle
  }

  /** Ask one question; an Airflow exception comes back as `{ ok: false }`. */
  ask<T>(
    op: string,
    args: Record<string, unknown> = {}
  ): Promise<OracleAnswer<T>> {
    const id = ++this.nextId
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (a) => {
        if (typeof a.protocol_error === 'string')
          reject(new Error(`oracle ${this.line}: ${a.protocol_error}`))
        else if (a.ok) resolve({ ok: true, result: a.result as T })
        else resolve({ ok: false, error: a.error as OracleError })
      })
      this.child.stdin.write(`${JSON.stringify({ id, op, ...args })}\n`)
    })
  }

  private receive(answer: Record<string, unknown>): void {
    const id = answer.id as number
    const resolve = this.waiting.get(id)
    this.waiting.delete(id)
    resolve?.(answer)
  }

  private failAll(): void {
    for (const resolve of this.waiting.values())
      resolve({ protocol_error: `process exited:\n${this.stderr}` })
    this.waiting.clear()
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()))
    this.child.stdin.end()
    await exited
    rmSync(this.home, { recursive: true, force: true })
  }
}
