// `npm start`: the main job on the embedded defaults. Until the sync engine
// lands it validates the example manifest with example values for its
// references, so every present value is checked the way CI would.
import { runCli } from '../src/cli/main.js'
import { processRuntime } from '../src/cli/runtime.js'

const EXAMPLE_VALUES: Record<string, string> = {
  WAREHOUSE_PASSWORD: 'example p@ss/word#1',
  MYSQL_REPLICA_PASSWORD: 'example-mysql',
  SNOWFLAKE_PASSWORD: 'example-snowflake',
  PARTNER_API_TOKEN: 'example-token',
  SMTP_CONN_URI:
    'smtp://alerts%40example.com:example%2Fpass@smtp.example.com:587',
  SFTP_PASSWORD: 'example-sftp',
  REDIS_PASSWORD: 'example-redis',
  SLACK_BOT_TOKEN: 'xoxb-example',
  MONGO_PASSWORD: 'example-mongo',
  PARTNER_API_KEY: 'example-api-key',
  AIRFLOW_DB_URI: 'postgresql://airflow:example@metadata.example.com/airflow',
  ASTRO_VAULT_ROLE_ID: 'example-role-id',
  ASTRO_VAULT_SECRET_ID: 'example-secret-id',
  STAGING_VAULT_ROLE_ID: 'example-staging-role-id',
  STAGING_VAULT_SECRET_ID: 'example-staging-secret-id'
}

const runtime = processRuntime()
runtime.env = { ...EXAMPLE_VALUES, ...runtime.env }
runtime.stdout('airflow-vault-sync: validating examples/airflow-secrets.yaml\n')
process.exitCode = await runCli(
  ['validate', '-f', 'examples/airflow-secrets.yaml'],
  runtime
)
