import { z } from 'zod'

/**
 * Secret values never sit in git: a manifest names where they come from.
 * `{ env: NAME }` reads the environment of the run; `{ file: PATH }` reads a
 * file relative to the manifest (a key written by an earlier CI step).
 */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export const EnvRefSchema = z
  .strictObject({
    env: z.string().describe('Name of the environment variable to read.')
  })
  .describe('Read the value from an environment variable at run time.')

export const FileRefSchema = z
  .strictObject({
    file: z
      .string()
      .min(1)
      .describe('Path relative to the manifest; must stay in the repository.'),
    raw: z
      .boolean()
      .optional()
      .describe(
        'Keep the content byte for byte. By default one trailing newline is removed, as `echo value > file` adds one.'
      )
  })
  .describe('Read the value from a file at run time.')

export const ValueRefSchema = z.union([EnvRefSchema, FileRefSchema])
export type EnvRef = z.infer<typeof EnvRefSchema>
export type FileRef = z.infer<typeof FileRefSchema>
export type ValueRef = z.infer<typeof ValueRefSchema>

/** A string that may instead come from the environment or a file. */
export const StringOrRefSchema = z.union([z.string(), ValueRefSchema])
export type StringOrRef = z.infer<typeof StringOrRefSchema>

export function isValueRef(value: unknown): value is ValueRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false
  }
  const ref = value as Record<string, unknown>
  const keys = Object.keys(ref)
  if (keys.length === 1 && typeof ref.env === 'string') return true
  if (typeof ref.file !== 'string') return false
  return (
    keys.length === 1 ||
    (keys.length === 2 && 'raw' in ref && typeof ref.raw === 'boolean')
  )
}

export function describeRef(ref: ValueRef): string {
  return 'env' in ref ? `env ${ref.env}` : `file ${ref.file}`
}
