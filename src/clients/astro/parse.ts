/**
 * A 2xx body checked against its zod schema. A failure names the paths and
 * zod's messages only, never the values: a Deployment carries env vars.
 */
import type { z } from 'zod'
import { AstroApiError, type AstroErrorContext } from './errors.js'

export function parseBody<T>(
  schema: z.ZodType<T>,
  text: string,
  c: AstroErrorContext
): T {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new AstroApiError(
      `The Astro API answered the request to ${c.operation} with something that is not JSON`,
      200,
      c.operation,
      1
    )
  }
  const r = schema.safeParse(json)
  if (r.success) return r.data
  const where = r.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
  throw new AstroApiError(
    `Unexpected response from the Astro API (${c.operation}): ${where.join('; ')}`,
    200,
    c.operation,
    1
  )
}
