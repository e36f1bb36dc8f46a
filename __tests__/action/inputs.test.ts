import { runAction } from '../helpers/action.js'
import { ROOT } from '../helpers/cli.js'

test.each([
  [
    { concurrency: '0' },
    "Invalid concurrency '0'. Expected a number from 1 to 256."
  ],
  [
    { concurrency: 'lots' },
    "Invalid concurrency 'lots'. Expected a number from 1 to 256."
  ],
  [
    { 'fail-on-drift': 'maybe' },
    "Invalid fail-on-drift 'maybe'. Expected true or false."
  ],
  [
    { 'vault-auth-method': 'github' },
    "Invalid vault-auth-method 'github'. Expected token, approle or jwt."
  ],
  [
    { 'comment-on-pr': 'sometimes' },
    "Invalid comment-on-pr 'sometimes'. Expected one of: never, always, on-change."
  ],
  [{ prune: 'yes' }, "Invalid prune 'yes'. Expected one of: true, false, all."],
  [
    { 'drift-issue': '1' },
    "Invalid drift-issue '1'. Expected one of: true, false."
  ]
])(
  'bad input %j fails the step with what is expected',
  async (inputs, message) => {
    const run = await runAction(
      { command: 'plan', ...inputs },
      { GITHUB_WORKSPACE: ROOT }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs['error-message']).toBe(message)
    expect(run.summary).toContain(message)
  }
)

test('a JWT login without an OIDC token explains the permission it needs', async () => {
  const run = await runAction(
    {
      command: 'plan',
      manifest: 'examples/airflow-secrets.yaml',
      'vault-jwt-role': 'ci'
    },
    { GITHUB_WORKSPACE: ROOT }
  )
  expect(run.exitCode).toBe(1)
  expect(run.outputs['error-message']).toContain('permissions: id-token: write')
})
