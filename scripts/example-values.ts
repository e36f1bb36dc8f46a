/**
 * Stand-ins for the secrets a CI job would pass in, for the embedded run.
 * They contain the characters that break hand-written conn_uri strings.
 */
export const EXAMPLE_VALUES: Record<string, string> = {
  WAREHOUSE_PASSWORD: 'example p@ss/word#1',
  MYSQL_REPLICA_PASSWORD: 'example-mysql:pw',
  SNOWFLAKE_PASSWORD: 'example-snowflake?pw',
  PARTNER_API_TOKEN: 'example-token%2F',
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
