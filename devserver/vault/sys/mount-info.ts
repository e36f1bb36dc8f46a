/**
 * The `mountInfo` view of a mount table entry (`vault/logical_system.go`),
 * shared by `sys/mounts`, `sys/auth` and `sys/internal/ui/mounts`
 * (vault-api.md §5.1-5.2).
 */
import type { MountEntry } from '../state.js'
import { VAULT_VERSION } from '../state.js'

export function mountInfo(m: MountEntry): Record<string, unknown> {
  const info: Record<string, unknown> = {
    accessor: m.accessor,
    config: { ...m.config },
    deprecation_status: 'supported',
    description: m.description,
    external_entropy_access: false,
    local: m.local,
    options: m.options,
    plugin_version: '',
    running_plugin_version: m.runningVersion,
    running_sha256: '',
    seal_wrap: m.sealWrap,
    type: m.type,
    uuid: m.uuid
  }
  if (
    m.type === 'system' ||
    m.type === 'identity' ||
    m.type === 'cubbyhole' ||
    m.type === 'token'
  ) {
    info.running_plugin_version = `v${VAULT_VERSION}+builtin.vault`
    delete info.deprecation_status
  }
  return info
}

/** Keys of the mount table as `sys/mounts` / `sys/auth` list them. */
export function tableView(
  mounts: Iterable<MountEntry>,
  table: MountEntry['table']
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const m of mounts) {
    if (m.table !== table) continue
    const key = table === 'auth' ? m.path.slice('auth/'.length) : m.path
    out[key] = mountInfo(m)
  }
  return out
}
