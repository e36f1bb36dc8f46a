import { TOOL_NAME } from '../version.js'

export const HELP = `Usage: ${TOOL_NAME} <command> [options]

Declarative Airflow connections, variables and config in HashiCorp Vault.

Commands:
  validate [-f FILE] [--json]   Check the manifest: schema, connection ids,
                                variable keys, every conn_uri as Airflow
                                parses it. Values are not needed.
  schema                        Print the manifest's JSON Schema.
  uri parse 'URI' [--json]      Show the fields Airflow reads from a conn_uri
                                (the password only with --json or
                                --show-password).
  uri build --conn-type T [--host H] [--port N] [--login L]
            [--password P | --password-env NAME] [--schema S]
            [--extra JSON] [--airflow 2|3] [--json]
                                Build a conn_uri with every part encoded.

Options:
  -f, --file FILE   The manifest (default: airflow-secrets.yaml).
  --json            Machine-readable output.
  -h, --help        This help.  --version  The version.

Exit codes: 0 ok, 1 problems found, 2 usage error, 3 remote failure.
`
