/**
 * Starts the Astro test server for manual use and prints its URL and an
 * Organization Owner token: `npx tsx devserver/astro/main.ts [port]`.
 * Stops on Ctrl-C. The seeded Deployments are listed with their type.
 */
import { startAstroTestServer } from './index.js'

const port = Number(process.argv[2] ?? 0)
const server = await startAstroTestServer({ port })
const lines = [
  `Astro test server: ${server.url}`,
  `Organization:      ${server.organizationId}`,
  `Token (org owner): ${server.token}`,
  'Deployments:',
  ...server.store.ids().map((id) => {
    const d = server.store.get(id)
    const remote = d?.remoteExecution?.enabled ? ', Remote Execution' : ''
    return `  ${id}  ${d?.type}${remote}  ${d?.name}`
  }),
  '',
  'Try:',
  `  curl -H "Authorization: Bearer $TOKEN" ${server.url}/organizations/${server.organizationId}/deployments`
]
process.stdout.write(`${lines.join('\n')}\n`)

const stop = (): void => {
  void server.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
