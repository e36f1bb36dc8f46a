import { parse } from 'yaml'
import { ManifestSchema } from '../src/core/manifest/schema.js'
import { validateManifest } from '../src/core/validate/validate.js'
import { generateManifest } from './generate.js'
import { measure, type BenchCase } from './measure.js'

/**
 * Validating a 5,000-entry manifest, against the floor any validator pays in
 * the same run: a plain YAML parse plus the schema check, with no positions,
 * no Airflow URI work and no semantic rules.
 */
export async function benchValidate(): Promise<BenchCase[]> {
  const text = generateManifest(5000)
  const options = {
    file: 'bench.yaml',
    manifestDir: '/repo',
    repoRoot: '/repo'
  }
  const baseline = await measure('baseline: yaml.parse + zod', 7, () => {
    ManifestSchema.parse(parse(text))
  })
  const full = await measure('validate 5,000 entries', 7, () => {
    const result = validateManifest(text, options)
    if (result.problems.length > 0)
      throw new Error('bench manifest has problems')
  })
  return [baseline, { ...full, baselineMs: baseline.medianMs }]
}
