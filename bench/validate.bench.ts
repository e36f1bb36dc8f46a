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
    // Warnings are part of the work (its URIs say ?timeout=30, which
    // Airflow 3.1+ reads as a number); an error would mean a broken bench.
    if (result.problems.some((p) => p.severity === 'error'))
      throw new Error('bench manifest has errors')
  })
  return [baseline, { ...full, baselineMs: baseline.medianMs }]
}
