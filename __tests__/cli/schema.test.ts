import { readFileSync } from 'node:fs'
import path from 'node:path'
import { cli, ROOT } from '../helpers/cli.js'
import { VERSION } from '../../src/version.js'

test('the checked-in JSON Schema is what `schema` prints (npm run schema)', async () => {
  const run = await cli(['schema'])
  const checkedIn = readFileSync(
    path.join(ROOT, 'schema/manifest.schema.json'),
    'utf8'
  )
  expect(run.code).toBe(0)
  expect(run.stdout).toBe(checkedIn)
})

test('the JSON Schema knows the manifest keys, so editors complete them', async () => {
  const schema = JSON.parse((await cli(['schema'])).stdout)
  expect(Object.keys(schema.properties)).toEqual(
    expect.arrayContaining([
      'version',
      'vault',
      'connections',
      'variables',
      'config',
      'astro'
    ])
  )
  expect(schema.additionalProperties).toBe(false)
  expect(schema.required).toEqual(['version'])
})

test('--version matches package.json', async () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  expect(VERSION).toBe(pkg.version)
  expect((await cli(['--version'])).stdout).toBe(
    `airflow-vault-sync ${pkg.version}\n`
  )
})

test('help lists every command', async () => {
  const run = await cli(['--help'])
  expect(run.code).toBe(0)
  for (const command of ['validate', 'schema', 'uri parse', 'uri build']) {
    expect(run.stdout).toContain(command)
  }
})
