/**
 * Request bodies with Vault's size limit.
 *
 * Vault wraps every body in `http.MaxBytesReader(max_request_size)` (32 MiB
 * by default). Past the limit the JSON decoder fails with "http: request body
 * too large", which `AdjustErrorStatusCode` turns into 413 with the message
 * "error parsing JSON" (vault-api.md §6.7, §8). The rest of an oversized body
 * is drained rather than buffered, so the connection stays usable.
 */
import type { IncomingMessage } from 'node:http'

export const DEFAULT_MAX_REQUEST_BYTES = 32 * 1024 * 1024

export type BodyResult =
  { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' }

export function readBody(
  req: IncomingMessage,
  limit: number
): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? '0')
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = Number.isFinite(declared) && declared > limit
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return
      size += chunk.length
      if (size > limit) {
        tooLarge = true
        chunks.length = 0
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      resolve(
        tooLarge
          ? { ok: false, reason: 'too-large' }
          : {
              ok: true,
              body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
            }
      )
    })
    req.on('error', () => resolve({ ok: false, reason: 'aborted' }))
    req.on('aborted', () => resolve({ ok: false, reason: 'aborted' }))
  })
}
