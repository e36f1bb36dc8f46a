/**
 * The server's spec: the verbatim copy (its sha256 is in spec/README.md)
 * and the per-schema loader, which must agree with parsing the whole file.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import {
  resolveRef,
  schemaNames,
  SPEC_PATH,
  updateSchemaFor
} from '../../devserver/astro/spec.js'

const text = readFileSync(SPEC_PATH, 'utf8')

test('the spec is the verbatim v1 copy', () => {
  const sha = createHash('sha256').update(text).digest('hex')
  expect(sha).toBe(
    'f74e0dfb1700358f70e5dd00a54a3aabab303cf434a150f7a3bb4f957a7bc09c'
  )
})

test('schemas loaded one by one equal the whole-file parse', () => {
  const doc = parse(text) as { components: { schemas: object } }
  const all = doc.components.schemas as Record<string, unknown>
  expect(schemaNames().sort()).toEqual(Object.keys(all).sort())
  for (const name of Object.keys(all))
    expect(resolveRef(`#/components/schemas/${name}`)).toEqual(all[name])
})

test('the discriminator maps each type to its update schema', () => {
  expect(updateSchemaFor('HYBRID').required).toContain('scheduler')
  expect(updateSchemaFor('STANDARD').required).toContain('schedulerSize')
  expect(updateSchemaFor('DEDICATED').required).toContain('isHighAvailability')
})
