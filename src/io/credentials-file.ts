import fs from 'node:fs'
import path from 'node:path'
import { SettingsError } from './settings-error.js'
import type { HandedCredentials } from '../provision/request.js'

/**
 * The hand-off without astro:: a JSON file only its owner can read. The
 * directory is checked up front, so a bad path stops the run before any
 * secret-id is issued; the mode is forced even on an existing file.
 */
export function credentialsFileWriter(
  file: string,
  repoRoot: string,
  warn: (message: string) => void
): (credentials: HandedCredentials) => string {
  const dir = path.dirname(file)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new SettingsError(
      `--credentials-file ${file}: the directory ${dir} does not exist; create it or choose another path`
    )
  }
  const relative = path.relative(repoRoot, file)
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    warn(
      `--credentials-file ${relative} is inside the repository; make sure it is in .gitignore and never committed`
    )
  }
  return (credentials) => {
    const body = {
      auth_type: 'approle',
      auth_mount_point: credentials.authMount,
      role: credentials.role,
      role_id: credentials.roleId,
      secret_id: credentials.secretId,
      secret_id_accessor: credentials.secretIdAccessor
    }
    const fd = fs.openSync(file, 'w', 0o600)
    try {
      fs.fchmodSync(fd, 0o600)
      fs.writeSync(fd, JSON.stringify(body, null, 2) + '\n')
    } finally {
      fs.closeSync(fd)
    }
    return `role_id and secret_id of role ${credentials.role} written to ${file} (mode 0600)`
  }
}
