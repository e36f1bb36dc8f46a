// Bundles the two front ends with ncc into dist/: the Action's entry
// (dist/index.js, named by action.yml) and the CLI (dist/cli/index.js, the
// package's bin). dist/ is committed, so the build must be deterministic:
// no source maps, no timestamps, and a clean directory every time.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const entries = [
  { source: 'src/action/index.ts', out: 'dist' },
  { source: 'src/cli/index.ts', out: 'dist/cli' }
]

rmSync('dist', { recursive: true, force: true })
for (const { source, out } of entries) {
  execFileSync(
    'node',
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      source,
      '--out',
      out,
      '--license',
      'licenses.txt',
      '--quiet'
    ],
    { stdio: 'inherit' }
  )
}
