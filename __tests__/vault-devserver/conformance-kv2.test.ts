/**
 * KV version 2 (vault-api.md §3): one test per rule, status and body.
 */
import { type Target, at, openTarget, uniq } from './helpers/target.js'

let t: Target
let kv: string

beforeAll(async () => {
  t = await openTarget()
  kv = await t.mountKv(2)
})
afterAll(() => t.close())

const versionMeta = {
  created_time: expect.stringMatching(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/
  ),
  custom_metadata: null,
  deletion_time: '',
  destroyed: false
}

async function writeVersions(key: string, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await t.root.post(`${kv}/data/${key}`, { data: { n: i } })
  }
}

describe('§3.13 the worked sequence', () => {
  const c = uniq('c')
  test('1. read of a missing key: 404 {"errors":[]}', async () => {
    const r = await t.root.get(`${kv}/data/${c}`)
    expect(r.status).toBe(404)
    expect(r.body).toEqual({ errors: [] })
  })
  test('2. write with cas 0: 200 with version 1 metadata', async () => {
    const r = await t.root.post(`${kv}/data/${c}`, {
      data: { conn_uri: 'a' },
      options: { cas: 0 }
    })
    expect(r.status).toBe(200)
    expect(at(r.body, 'data')).toEqual({ ...versionMeta, version: 1 })
    // mount_type is not asserted: Vault 1.20+ sends it, OpenBao does not.
    expect(r.body).toMatchObject({ auth: null, warnings: null })
  })
  test('3. cas 0 again: 400 cas did not match', async () => {
    const r = await t.root.post(`${kv}/data/${c}`, {
      data: { conn_uri: 'a' },
      options: { cas: 0 }
    })
    expect(r.status).toBe(400)
    expect(r.body).toEqual({
      errors: ['check-and-set parameter did not match the current version']
    })
  })
  test('4. cas 1: version 2', async () => {
    const r = await t.root.post(`${kv}/data/${c}`, {
      data: { conn_uri: 'b' },
      options: { cas: 1 }
    })
    expect(at(r.body, 'data.version')).toBe(2)
  })
  test('5. DELETE data/: 204', async () => {
    expect((await t.root.del(`${kv}/data/${c}`)).status).toBe(204)
  })
  test('6. read of the deleted version: 404 with the envelope, data null, deletion_time set', async () => {
    const r = await t.root.get(`${kv}/data/${c}`)
    expect(r.status).toBe(404)
    expect(r.body).toMatchObject({
      lease_id: '',
      data: {
        data: null,
        metadata: {
          ...versionMeta,
          version: 2,
          deletion_time: expect.stringMatching(/Z$/)
        }
      }
    })
  })
  test('7. ?version=1 still reads', async () => {
    const r = await t.root.get(`${kv}/data/${c}?version=1`)
    expect(r.status).toBe(200)
    expect(at(r.body, 'data.data')).toEqual({ conn_uri: 'a' })
  })
  test('8. cas 0 on a soft-deleted key: 400 (it still has a current version)', async () => {
    const r = await t.root.post(`${kv}/data/${c}`, {
      data: { x: 1 },
      options: { cas: 0 }
    })
    expect(r.status).toBe(400)
  })
  test('9. undelete: 204, then the read works again', async () => {
    expect(
      (await t.root.post(`${kv}/undelete/${c}`, { versions: [2] })).status
    ).toBe(204)
    const r = await t.root.get(`${kv}/data/${c}`)
    expect(at(r.body, 'data.data')).toEqual({ conn_uri: 'b' })
  })
  test('10. PATCH merges into a new version', async () => {
    const r = await t.root.patch(`${kv}/data/${c}`, { data: { extra: '{}' } })
    expect(r.status).toBe(200)
    expect(at(r.body, 'data.version')).toBe(3)
    const read = await t.root.get(`${kv}/data/${c}`)
    expect(at(read.body, 'data.data')).toEqual({ conn_uri: 'b', extra: '{}' })
  })
  test('11. list shows the key', async () => {
    const r = await t.root.list(`${kv}/metadata/`)
    expect(at(r.body, 'data.keys')).toContain(c)
  })
  test('12. DELETE metadata/: 204, then metadata reads 404', async () => {
    expect((await t.root.del(`${kv}/metadata/${c}`)).status).toBe(204)
    const r = await t.root.get(`${kv}/metadata/${c}`)
    expect(r.status).toBe(404)
    expect(r.body).toEqual({ errors: [] })
  })
})

test('§3.2 a read returns data and version metadata (custom_metadata included)', async () => {
  const k = uniq('read')
  await t.root.post(`${kv}/metadata/${k}`, { custom_metadata: { owner: 'x' } })
  await t.root.post(`${kv}/data/${k}`, { data: { a: 'b' } })
  const r = await t.root.get(`${kv}/data/${k}`)
  expect(r.body).toMatchObject({
    data: {
      data: { a: 'b' },
      metadata: { ...versionMeta, version: 1, custom_metadata: { owner: 'x' } }
    }
  })
})

test('§3.2 ?version= past the current version is 404 {"errors":[]}', async () => {
  const k = uniq('ver')
  await writeVersions(k, 2)
  const r = await t.root.get(`${kv}/data/${k}?version=7`)
  expect(r.status).toBe(404)
  expect(r.body).toEqual({ errors: [] })
  const zero = await t.root.get(`${kv}/data/${k}?version=0`)
  expect(at(zero.body, 'data.metadata.version')).toBe(2)
})

test('§3.2 a destroyed version reads 404 with destroyed: true', async () => {
  const k = uniq('destroyed')
  await writeVersions(k, 1)
  expect(
    (await t.root.post(`${kv}/destroy/${k}`, { versions: [1] })).status
  ).toBe(204)
  const r = await t.root.get(`${kv}/data/${k}`)
  expect(r.status).toBe(404)
  expect(r.body).toMatchObject({
    data: { data: null, metadata: { version: 1, destroyed: true } }
  })
})

test('§3.2 a metadata-only key reads 404 {"errors":[]}', async () => {
  const k = uniq('metaonly')
  await t.root.post(`${kv}/metadata/${k}`, { max_versions: 3 })
  const r = await t.root.get(`${kv}/data/${k}`)
  expect(r.status).toBe(404)
  expect(r.body).toEqual({ errors: [] })
})

test('§3.3 a write without data is 400 "no data provided"', async () => {
  const r = await t.root.post(`${kv}/data/${uniq('nodata')}`, { options: {} })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['no data provided'] })
})

test('§3.3 an unparsable cas is 400 "error parsing check-and-set parameter"', async () => {
  const r = await t.root.post(`${kv}/data/${uniq('cas')}`, {
    data: {},
    options: { cas: 'abc' }
  })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['error parsing check-and-set parameter'] })
})

test('§3.3 cas is weakly decoded: "0" works like 0', async () => {
  const r = await t.root.post(`${kv}/data/${uniq('cas')}`, {
    data: {},
    options: { cas: '0' }
  })
  expect(r.status).toBe(200)
})

test('§3.3 a key with cas_required needs cas', async () => {
  const k = uniq('casreq')
  await t.root.post(`${kv}/metadata/${k}`, { cas_required: true })
  const r = await t.root.post(`${kv}/data/${k}`, { data: { a: 1 } })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: ['check-and-set parameter required for this call']
  })
})

test('§3.3 every write makes a new version, even with identical data', async () => {
  const k = uniq('same')
  await t.root.post(`${kv}/data/${k}`, { data: { a: 1 } })
  const r = await t.root.post(`${kv}/data/${k}`, { data: { a: 1 } })
  expect(at(r.body, 'data.version')).toBe(2)
})

test('§3.3 a top-level cas is ignored with a warning (only options.cas counts)', async () => {
  const r = await t.root.post(`${kv}/data/${uniq('topcas')}`, {
    data: { a: 1 },
    cas: 5
  })
  expect(r.status).toBe(200)
  expect(at(r.body, 'warnings')).toEqual([
    'Endpoint ignored these unrecognized parameters: [cas]'
  ])
})

test('§3.3 {} is a valid, empty version', async () => {
  const k = uniq('empty')
  await t.root.post(`${kv}/data/${k}`, { data: {} })
  const r = await t.root.get(`${kv}/data/${k}`)
  expect(at(r.body, 'data.data')).toEqual({})
})

test('§3.4 PATCH removes keys set to null', async () => {
  const k = uniq('patchnull')
  await t.root.post(`${kv}/data/${k}`, { data: { a: 1, b: 2 } })
  await t.root.patch(`${kv}/data/${k}`, { data: { b: null, c: 3 } })
  const r = await t.root.get(`${kv}/data/${k}`)
  expect(at(r.body, 'data.data')).toEqual({ a: 1, c: 3 })
})

test('§3.4 PATCH of a missing key is 404 with an empty body', async () => {
  const r = await t.root.patch(`${kv}/data/${uniq('nokey')}`, {
    data: { a: 1 }
  })
  expect(r.status).toBe(404)
  expect(r.text).toBe('')
})

test('§3.4 PATCH of a soft-deleted key is 404 with the flat version metadata', async () => {
  const k = uniq('patchdel')
  await writeVersions(k, 1)
  await t.root.del(`${kv}/data/${k}`)
  const r = await t.root.patch(`${kv}/data/${k}`, { data: { a: 1 } })
  expect(r.status).toBe(404)
  expect(r.body).toMatchObject({
    data: {
      version: 1,
      destroyed: false,
      deletion_time: expect.stringMatching(/Z$/)
    }
  })
})

test('§3.4 PATCH follows the cas rules (cas 0 never works)', async () => {
  const k = uniq('patchcas')
  await writeVersions(k, 1)
  const r = await t.root.patch(`${kv}/data/${k}`, {
    data: { a: 1 },
    options: { cas: 0 }
  })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({
    errors: ['check-and-set parameter did not match the current version']
  })
})

test('§3.5 DELETE data/ is 204 for a missing or already deleted key', async () => {
  const k = uniq('del')
  expect((await t.root.del(`${kv}/data/${k}`)).status).toBe(204)
  await writeVersions(k, 1)
  expect((await t.root.del(`${kv}/data/${k}`)).status).toBe(204)
  expect((await t.root.del(`${kv}/data/${k}`)).status).toBe(204)
})

test('§3.6 delete/ with no versions is 400 "No version number provided"', async () => {
  const r = await t.root.post(`${kv}/delete/x`, {})
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['No version number provided'] })
})

test('§3.6 destroy/ with no versions is 400 "no version number provided"', async () => {
  const r = await t.root.post(`${kv}/destroy/x`, { versions: [] })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['no version number provided'] })
})

test('§3.6 delete/ soft-deletes chosen versions; "1,2" strings work', async () => {
  const k = uniq('delv')
  await writeVersions(k, 3)
  expect(
    (await t.root.post(`${kv}/delete/${k}`, { versions: '1,2' })).status
  ).toBe(204)
  const meta = await t.root.get(`${kv}/metadata/${k}`)
  expect(at(meta.body, 'data.versions.1.deletion_time')).not.toBe('')
  expect(at(meta.body, 'data.versions.2.deletion_time')).not.toBe('')
  expect(at(meta.body, 'data.versions.3.deletion_time')).toBe('')
})

test('§3.6 destroy/ marks destroyed; undelete cannot bring it back', async () => {
  const k = uniq('destroy')
  await writeVersions(k, 1)
  await t.root.post(`${kv}/destroy/${k}`, { versions: [1] })
  await t.root.post(`${kv}/undelete/${k}`, { versions: [1] })
  const meta = await t.root.get(`${kv}/metadata/${k}`)
  expect(at(meta.body, 'data.versions.1.destroyed')).toBe(true)
  expect((await t.root.get(`${kv}/data/${k}`)).status).toBe(404)
})

test('§3.6 version operations on a missing key are 204', async () => {
  const r = await t.root.post(`${kv}/undelete/${uniq('none')}`, {
    versions: [1]
  })
  expect(r.status).toBe(204)
})

test('§3.7 metadata read has the documented fields', async () => {
  const k = uniq('meta')
  await writeVersions(k, 2)
  const r = await t.root.get(`${kv}/metadata/${k}`)
  expect(r.status).toBe(200)
  expect(at(r.body, 'data')).toMatchObject({
    cas_required: false,
    current_version: 2,
    custom_metadata: null,
    delete_version_after: '0s',
    max_versions: 0,
    oldest_version: 0,
    created_time: expect.any(String),
    updated_time: expect.any(String),
    versions: {
      '1': {
        created_time: expect.any(String),
        deletion_time: '',
        destroyed: false
      },
      '2': {
        created_time: expect.any(String),
        deletion_time: '',
        destroyed: false
      }
    }
  })
})

test('§3.7 metadata write replaces custom_metadata wholesale; 204', async () => {
  const k = uniq('cm')
  await t.root.post(`${kv}/metadata/${k}`, {
    custom_metadata: { a: '1', b: '2' }
  })
  const w = await t.root.post(`${kv}/metadata/${k}`, {
    custom_metadata: { c: 3 }
  })
  expect(w.status).toBe(204)
  const r = await t.root.get(`${kv}/metadata/${k}`)
  expect(at(r.body, 'data.custom_metadata')).toEqual({ c: '3' })
})

test('§3.7 a metadata write without data creates a key with no versions', async () => {
  const k = uniq('metanew')
  await t.root.post(`${kv}/metadata/${k}`, { max_versions: 5 })
  const r = await t.root.get(`${kv}/metadata/${k}`)
  expect(at(r.body, 'data')).toMatchObject({
    current_version: 0,
    max_versions: 5,
    versions: {}
  })
})

test('§3.7 metadata PATCH merges custom_metadata; null removes a key', async () => {
  const k = uniq('cmpatch')
  await t.root.post(`${kv}/metadata/${k}`, {
    custom_metadata: { a: '1', b: '2' }
  })
  const p = await t.root.patch(`${kv}/metadata/${k}`, {
    custom_metadata: { a: null, c: '3' }
  })
  expect(p.status).toBe(204)
  const r = await t.root.get(`${kv}/metadata/${k}`)
  expect(at(r.body, 'data.custom_metadata')).toEqual({ b: '2', c: '3' })
})

test('§3.7 metadata PATCH of a missing key is 404 with an empty body', async () => {
  const r = await t.root.patch(`${kv}/metadata/${uniq('nometa')}`, {
    max_versions: 1
  })
  expect(r.status).toBe(404)
  expect(r.text).toBe('')
})

test('§3.7 DELETE metadata/ removes all versions; cas 0 works again', async () => {
  const k = uniq('recreate')
  await writeVersions(k, 2)
  expect((await t.root.del(`${kv}/metadata/${k}`)).status).toBe(204)
  const r = await t.root.post(`${kv}/data/${k}`, {
    data: { a: 1 },
    options: { cas: 0 }
  })
  expect(at(r.body, 'data.version')).toBe(1)
})

test('§3.8 lists show direct children; folders end in /; key and folder both appear', async () => {
  const f = uniq('folder')
  await t.root.post(`${kv}/data/${f}/a`, { data: {} })
  await t.root.post(`${kv}/data/${f}/sub/b`, { data: {} })
  await t.root.post(`${kv}/data/${f}/sub`, { data: {} })
  const r = await t.root.list(`${kv}/metadata/${f}`)
  expect(r.status).toBe(200)
  expect((at(r.body, 'data.keys') as string[]).sort()).toEqual([
    'a',
    'sub',
    'sub/'
  ])
})

test('§3.8 listing a secret (not a folder) is 404', async () => {
  const k = uniq('leaf')
  await writeVersions(k, 1)
  const r = await t.root.list(`${kv}/metadata/${k}`)
  expect(r.status).toBe(404)
})

test('§3.8 keys whose versions are all deleted are still listed', async () => {
  const f = uniq('dellist')
  await t.root.post(`${kv}/data/${f}/gone`, { data: {} })
  await t.root.del(`${kv}/data/${f}/gone`)
  const r = await t.root.list(`${kv}/metadata/${f}`)
  expect(at(r.body, 'data.keys')).toEqual(['gone'])
})

test('§3.8 list data/ is not a list route: 405 unsupported operation', async () => {
  // OpenBao's data/ route has no list operation; vault-api.md read Vault's
  // code as the invalid-path 404. Either way a client gets no keys.
  const r = await t.root.list(`${kv}/data/`)
  if (t.kind === 'vault') {
    expect(r.status).toBe(404)
    return
  }
  expect(r.status).toBe(405)
  expect(r.body).toEqual({
    errors: ['1 error occurred:\n\t* unsupported operation\n\n']
  })
})

test('§3.2 a data/ path ending in / reads as missing: 404 {"errors":[]}', async () => {
  const r = await t.root.get(`${kv}/data/${uniq('folder')}/`)
  expect(r.status).toBe(404)
  expect(r.body).toEqual({ errors: [] })
})

test('§3.9 subkeys replaces leaf values with null', async () => {
  const k = uniq('sub')
  await t.root.post(`${kv}/data/${k}`, { data: { user: 'u', extra: { a: 1 } } })
  const r = await t.root.get(`${kv}/subkeys/${k}`)
  expect(r.status).toBe(200)
  expect(r.body).toMatchObject({
    data: {
      subkeys: { user: null, extra: { a: null } },
      metadata: { version: 1 }
    }
  })
})

test('§3.9 config reads the engine defaults', async () => {
  const r = await t.root.get(`${kv}/config`)
  expect(r.status).toBe(200)
  // toMatchObject: OpenBao adds metadata_cas_required, which we lack.
  expect(at(r.body, 'data')).toMatchObject({
    cas_required: false,
    delete_version_after: '0s',
    max_versions: 0
  })
})

test('§3.10 a v1-style path on a v2 mount: 404, data null, invalid-path warning', async () => {
  const r = await t.root.post(`${kv}/connections/x`, { conn_uri: 'a' })
  expect(r.status).toBe(404)
  // The sentence after this one names the product's CLI (vault or bao).
  expect(r.body).toMatchObject({
    data: null,
    warnings: [
      expect.stringMatching(
        /^Invalid path for a versioned K\/V secrets engine\. See the API docs/
      )
    ]
  })
})

test('§3.10 a non-list operation on a bare root: 404 with the root warning', async () => {
  const r = await t.root.get(`${kv}/metadata`)
  expect(r.status).toBe(404)
  expect(at(r.body, 'warnings')).toEqual([
    'Non-listing operations on the root of a K/V v2 mount are not supported.'
  ])
})

test('§3.11 after 11 writes versions 2-11 remain and oldest_version is 2', async () => {
  const k = uniq('retain')
  await writeVersions(k, 10)
  const ten = await t.root.get(`${kv}/metadata/${k}`)
  expect(at(ten.body, 'data.oldest_version')).toBe(1)
  await writeVersions(k, 1)
  const r = await t.root.get(`${kv}/metadata/${k}`)
  expect(at(r.body, 'data.oldest_version')).toBe(2)
  expect(
    Object.keys(at(r.body, 'data.versions') as object).sort((a, b) => +a - +b)
  ).toEqual(['2', '3', '4', '5', '6', '7', '8', '9', '10', '11'])
  expect((await t.root.get(`${kv}/data/${k}?version=1`)).status).toBe(404)
})

test('§3.11 a per-key max_versions prunes older versions', async () => {
  const k = uniq('maxv')
  await t.root.post(`${kv}/metadata/${k}`, { max_versions: 2 })
  await writeVersions(k, 4)
  const r = await t.root.get(`${kv}/metadata/${k}`)
  expect(Object.keys(at(r.body, 'data.versions') as object).sort()).toEqual([
    '3',
    '4'
  ])
})

test('§3.11 a per-key max_versions below the mount setting is ignored (max of both)', async () => {
  const mount = await t.mountKv(2, 'kvmax')
  await t.root.post(`${mount}/config`, { max_versions: 5 })
  await t.root.post(`${mount}/metadata/k`, { max_versions: 2 })
  for (let i = 0; i < 4; i++)
    await t.root.post(`${mount}/data/k`, { data: { i } })
  const r = await t.root.get(`${mount}/metadata/k`)
  expect(Object.keys(at(r.body, 'data.versions') as object)).toHaveLength(4)
})
