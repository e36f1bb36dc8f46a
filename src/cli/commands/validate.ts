import { validateManifest } from '../../core/validate/validate.js'
import { jsonReport } from '../../core/render/json.js'
import { renderProblemsText } from '../../core/render/text.js'
import { exitCodeForProblems, type ExitCode } from '../../core/exit-code.js'
import { validationInputs, readManifestFile } from '../../io/manifest-file.js'
import type { CliRuntime } from '../runtime.js'

export function runValidate(
  options: { file: string; json: boolean },
  runtime: CliRuntime
): ExitCode {
  const manifest = readManifestFile(options.file, runtime.cwd)
  const { problems } = validateManifest(
    manifest.text,
    validationInputs(manifest, runtime.env)
  )
  runtime.stdout(
    options.json
      ? JSON.stringify(jsonReport('validate', problems), null, 2) + '\n'
      : renderProblemsText(manifest.display, problems)
  )
  return exitCodeForProblems(problems)
}
