/**
 * Files behind `{ file: }` references. Only a regular file inside the
 * repository, outside .git/ (actions/checkout keeps the job's token in
 * .git/config), of at most the size limit, is read. Each is checked with
 * stat before it is opened, so a FIFO (whose open blocks until a writer
 * comes), a socket or a device is never opened; the open itself uses
 * O_NONBLOCK and is checked again with fstat, in case the path changed in
 * between.
 */
import {
  type Stats,
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync
} from 'node:fs'
import path from 'node:path'
import { isInside, type FileIssue } from '../core/manifest/refs.js'
import { SettingsError } from './settings-error.js'

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024
export const MAX_FILE_BYTES_VARIABLE = 'AIRFLOW_VAULT_SYNC_MAX_FILE_BYTES'

/** The size limit: AIRFLOW_VAULT_SYNC_MAX_FILE_BYTES, default 1 MiB. */
export function maxFileBytes(env: NodeJS.ProcessEnv): number {
  const given = env[MAX_FILE_BYTES_VARIABLE]?.trim()
  if (!given) return DEFAULT_MAX_FILE_BYTES
  if (!/^[1-9][0-9]*$/.test(given) || !Number.isSafeInteger(Number(given)))
    throw new SettingsError(
      `${MAX_FILE_BYTES_VARIABLE} "${given}" is not a number of bytes; use e.g. 2097152 for 2 MiB`
    )
  return Number(given)
}

const inGit = (root: string, target: string): boolean =>
  path.relative(root, target).split(path.sep).includes('.git')

/** Why a referenced file may not be read, found without opening it. */
export function valueFileIssue(
  absolutePath: string,
  repoRoot: string,
  maxBytes: number
): FileIssue | undefined {
  if (inGit(repoRoot, absolutePath)) return { kind: 'in-git' }
  let real: string
  try {
    real = realpathSync(absolutePath)
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    return code === 'ENOENT'
      ? { kind: 'not-found' }
      : { kind: 'unreadable', detail: code ?? 'error' }
  }
  const root = realpathSync(repoRoot)
  if (!isInside(root, real)) return { kind: 'outside' }
  if (inGit(root, real)) return { kind: 'in-git' }
  const stat = statSync(real)
  if (!stat.isFile()) return { kind: 'not-regular', detail: fileType(stat) }
  if (stat.size > maxBytes)
    return { kind: 'too-large', detail: `${stat.size} bytes, over ${maxBytes}` }
  return undefined
}

/** The content, or undefined for a file valueFileIssue refuses. */
export function readValueFile(
  absolutePath: string,
  repoRoot: string,
  maxBytes: number
): string | undefined {
  try {
    if (valueFileIssue(absolutePath, repoRoot, maxBytes)) return undefined
    const fd = openSync(
      realpathSync(absolutePath),
      constants.O_RDONLY | constants.O_NONBLOCK
    )
    try {
      const stat = fstatSync(fd)
      if (!stat.isFile() || stat.size > maxBytes) return undefined
      // One byte more than allowed: a file that grew is still caught.
      const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1)
      let length = 0
      for (let n = 1; n > 0 && length < buffer.length; length += n)
        n = readSync(fd, buffer, length, buffer.length - length, null)
      return length > maxBytes ? undefined : buffer.toString('utf8', 0, length)
    } finally {
      closeSync(fd)
    }
  } catch {
    return undefined
  }
}

function fileType(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory'
  if (stat.isFIFO()) return 'a FIFO'
  if (stat.isSocket()) return 'a socket'
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device'
  return 'not a regular file'
}
