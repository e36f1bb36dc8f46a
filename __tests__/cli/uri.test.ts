import { cli } from '../helpers/cli.js'

describe('uri parse', () => {
  test('--json prints the fields Airflow reads', async () => {
    const run = await cli([
      'uri',
      'parse',
      'postgresql://airflow:p%40ss%2Fw%3Ard@db.example.com:5432/analytics?sslmode=require',
      '--json'
    ])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      conn_type: 'postgres',
      host: 'db.example.com',
      schema: 'analytics',
      login: 'airflow',
      password: 'p@ss/w:rd',
      port: 5432,
      extra: '{"sslmode": "require"}'
    })
  })

  test("Airflow's parse errors give {error} and exit 1", async () => {
    const run = await cli([
      'uri',
      'parse',
      'postgres://u:secret@db:99999',
      '--json'
    ])
    expect(run.code).toBe(1)
    const out = JSON.parse(run.stdout)
    expect(Object.keys(out)).toEqual(['error'])
    expect(out.error).toMatch(/port/i)
    expect(run.stdout).not.toContain('secret')
  })

  test('text output hides the password unless asked', async () => {
    const uri = 'mysql://reader:hunter2@replica.example.com/meta'
    const hidden = await cli(['uri', 'parse', uri])
    expect(hidden.stdout).not.toContain('hunter2')
    expect(hidden.stdout).toContain('password  ******** (7 characters')
    const shown = await cli(['uri', 'parse', uri, '--show-password'])
    expect(shown.stdout).toContain('password  "hunter2"')
  })

  test('silent surprises are warned about on stderr', async () => {
    const run = await cli([
      'uri',
      'parse',
      'google_cloud_platform://?project=p'
    ])
    expect(run.stderr).toContain('uri-scheme-underscore')
  })
})

describe('uri build', () => {
  test('encodes every reserved character of the password', async () => {
    const run = await cli([
      'uri',
      'build',
      '--conn-type',
      'postgres',
      '--host',
      'db.example.com',
      '--port',
      '5432',
      '--login',
      'airflow',
      '--password',
      'p@ss/w:rd#?%+ x',
      '--schema',
      'analytics',
      '--extra',
      '{"sslmode": "require"}',
      '--json'
    ])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      uri: 'postgres://airflow:p%40ss%2Fw%3Ard%23%3F%25%2B%20x@db.example.com:5432/analytics?sslmode=require'
    })
  })

  test('what build makes, parse reads back', async () => {
    const built = await cli([
      'uri',
      'build',
      '--conn-type',
      'google_cloud_platform',
      '--extra',
      '{"project": "p", "num_retries": 5}',
      '--json'
    ])
    const { uri } = JSON.parse(built.stdout)
    expect(uri).toMatch(/^google-cloud-platform:\/\/\/\?__extra__=/)
    const parsed = JSON.parse(
      (await cli(['uri', 'parse', uri, '--json'])).stdout
    )
    expect(parsed.conn_type).toBe('google_cloud_platform')
    expect(JSON.parse(parsed.extra)).toEqual({ project: 'p', num_retries: 5 })
  })

  test('--password-env reads the password from the environment', async () => {
    const run = await cli(
      [
        'uri',
        'build',
        '--conn-type',
        'redis',
        '--host',
        'cache',
        '--password-env',
        'REDIS_PW'
      ],
      { env: { REDIS_PW: 'a@b' } }
    )
    expect(run.stdout).toBe('redis://:a%40b@cache\n')
  })

  test.each([
    [['uri', 'build', '--host', 'x'], 'uri build needs --conn-type'],
    [
      ['uri', 'build', '--conn-type', 'x', '--port', 'http'],
      '--port takes a number'
    ],
    [
      ['uri', 'build', '--conn-type', 'x', '--extra', '[1]'],
      '--extra takes a JSON object'
    ],
    [
      ['uri', 'build', '--conn-type', 'x', '--password-env', 'UNSET_X'],
      'the variable is not set'
    ],
    [['uri', 'parse'], 'uri parse takes one URI'],
    [['uri'], 'uri takes a subcommand']
  ])('usage error %j', async (args, message) => {
    const run = await cli(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
  })
})
