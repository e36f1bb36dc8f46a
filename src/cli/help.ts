import { TOOL_NAME } from '../version.js'

export const HELP = `Usage: ${TOOL_NAME} <command> [options]

Declarative Airflow connections, variables and config in HashiCorp Vault.

Commands:
  validate [-f FILE] [--json]   Check the manifest: schema, connection ids,
                                variable keys, every conn_uri as Airflow
                                parses it. Values are not needed.
  plan [-f FILE] [--json]       What apply would change in Vault (no values
                                shown).
  apply [-f FILE] [--json]      Write what differs, with check-and-set.
  drift [-f FILE] [--json]      What changed in Vault behind the manifest's
                                back; exit 1 when anything did.
  provision [-f FILE] [--json] [--plan] [--rotate-secret-id]
            [--credentials-file FILE]
                                With an admin token: the KV mount, Airflow's
                                read-only policy, the sync policy, an AppRole
                                per Deployment (and the GitHub JWT role);
                                hands each Deployment its role_id and
                                secret_id. --plan writes nothing.
  check-access [-f FILE] [--json]
                                Log in as Airflow once and prove it reads
                                every managed path and nothing more.
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
  --concurrency N   Requests in flight to Vault (default 16).
  --json            Machine-readable output.
  -h, --help        This help.  --version  The version.

Environment (as the vault CLI): VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE,
VAULT_CACERT, VAULT_SKIP_VERIFY; AppRole: VAULT_ROLE_ID, VAULT_SECRET_ID,
VAULT_AUTH_MOUNT; JWT: VAULT_JWT_ROLE, VAULT_JWT.

Exit codes: 0 ok, 1 problems found, 2 usage error, 3 remote failure.
`
