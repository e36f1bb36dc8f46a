// Regenerates schema/manifest.schema.json from the zod schema, the single
// definition of the manifest. A test fails when the checked-in copy is stale.
import { writeFileSync } from 'node:fs'
import { manifestJsonSchema } from '../src/core/manifest/json-schema.js'

writeFileSync(
  'schema/manifest.schema.json',
  JSON.stringify(manifestJsonSchema(), null, 2) + '\n'
)
