import { parseArgs } from 'node:util'
import { UsageError } from './runtime.js'

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options']

/** node:util parseArgs, strict; every mistake becomes a UsageError. */
export function strictParse(
  args: readonly string[],
  options: Options,
  allowPositionals = false
): {
  values: Record<string, string | boolean | undefined>
  positionals: string[]
} {
  try {
    const parsed = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals
    })
    return {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals
    }
  } catch (cause) {
    throw new UsageError(
      (cause as Error).message.split('\n')[0] ?? String(cause)
    )
  }
}
