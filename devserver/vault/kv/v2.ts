/**
 * The KV v2 ("versioned") engine's path table (`backend.go` paths;
 * vault-api.md §3). Anything that is not one of its paths gets the
 * invalid-path 404 with a warning (§3.10), the classic "forgot /data/".
 */
import type { VaultRequest } from '../http/request.js'
import { logical } from '../http/response.js'
import type { Backend, Route } from '../state.js'
import { KvV2Store } from './v2-store.js'
import { deleteLatest, patchData, readData, writeData } from './v2-data.js'
import {
  deleteMetadata,
  listMetadata,
  patchMetadata,
  readMetadata,
  writeMetadata
} from './v2-metadata.js'
import {
  readConfig,
  readSubkeys,
  versionOp,
  writeConfig
} from './v2-versions.js'

const INVALID_PATH =
  "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv <get|put|patch|delete|list>' for this operation."
const ROOT_OP =
  'Non-listing operations on the root of a K/V v2 mount are not supported.'

function warningRoute(warning: string): Route {
  const h = (): ReturnType<typeof logical> =>
    logical(null, { warnings: [warning], status: 404 })
  return {
    kind: 'kv2-invalid',
    handlers: { read: h, list: h, update: h, patch: h, delete: h }
  }
}

const ROOTS = new Set(['data', 'metadata', 'delete', 'undelete', 'destroy'])

export class KvV2Backend implements Backend {
  constructor(readonly store: KvV2Store = new KvV2Store()) {}

  route(rel: string, req: VaultRequest): Route | undefined {
    const s = this.store
    if (rel === 'config') {
      return {
        kind: 'kv2-config',
        handlers: { read: readConfig(s), update: writeConfig(s) },
        fields: ['max_versions', 'cas_required', 'delete_version_after']
      }
    }
    if (ROOTS.has(rel)) return warningRoute(ROOT_OP)
    const slash = rel.indexOf('/')
    const head = slash === -1 ? rel : rel.slice(0, slash)
    const key = rel.slice(slash + 1)
    const exists = (): boolean => s.meta.has(key)
    // OpenBao routes data/ and subkeys/ with any key, a trailing '/' or an
    // empty one included (a read then finds nothing: 404), and has no list
    // operation there (405 "unsupported operation").
    switch (head) {
      case 'data':
        return {
          kind: 'kv2-data',
          exists,
          fields: ['path', 'version', 'options', 'data'],
          handlers: {
            read: readData(s, key),
            update: writeData(s, key),
            patch: patchData(s, key),
            delete: deleteLatest(s, key)
          }
        }
      case 'metadata':
        if (req.operation === 'list') {
          return {
            kind: 'kv2-list',
            fields: ['path', 'exclude_deleted'],
            handlers: { list: listMetadata(s, key) }
          }
        }
        return {
          kind: 'kv2-metadata',
          exists,
          fields: [
            'path',
            'cas_required',
            'max_versions',
            'delete_version_after',
            'custom_metadata'
          ],
          handlers: {
            read: readMetadata(s, key),
            update: writeMetadata(s, key),
            patch: patchMetadata(s, key),
            delete: deleteMetadata(s, key)
          }
        }
      case 'delete':
      case 'undelete':
      case 'destroy':
        return {
          kind: 'kv2-versions',
          fields: ['path', 'versions'],
          handlers: { update: versionOp(s, key, head) }
        }
      case 'subkeys':
        return {
          kind: 'kv2-subkeys',
          fields: ['path', 'version', 'depth'],
          handlers: { read: readSubkeys(s, key) }
        }
      default:
        return warningRoute(INVALID_PATH)
    }
  }
}
