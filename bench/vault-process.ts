// The dev server in a process of its own for the benchmarks, as a real
// Vault would be: the client's CPU and the server's are not shared.
import { startVaultDevServer } from '../devserver/vault/index.js'

const latencyMs = Number(process.argv[2] ?? '0')
// Optional JSON of more faults (bench/faults.bench.ts: 429/503 and resets).
const more = JSON.parse(process.argv[3] ?? '{}') as object
const server = await startVaultDevServer({
  mounts: [{ path: 'airflow', version: 2 }],
  faults: { latencyMs, ...more }
})
process.stdout.write(
  JSON.stringify({ url: server.url, token: server.rootToken }) + '\n'
)
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)))
