/**
 * 401, 403 and 404 over loopback HTTP say what to fix: which token kinds
 * and roles may update a Deployment, which ids to check (astro-api.md §3).
 * No message shows the token or a secret.
 */
import {
  type AstroTestServer,
  OTHER_WORKSPACE_ID,
  SEED_IDS,
  SEED_WORKSPACE_ID
} from '../../devserver/astro/index.js'
import {
  type AstroClient,
  createAstroClient
} from '../../src/clients/astro/index.js'
import { planDeployment } from '../../src/core/astro/index.js'
import { clientFor, desiredFor, failure, start } from './helpers.js'

let server: AstroTestServer
beforeEach(async () => {
  server = await start()
})
afterEach(() => server.close())

async function updateWith(client: AstroClient, id: string): Promise<unknown> {
  // The body comes from the owner's view, so only the POST is refused.
  const owner = clientFor(server)
  const plan = planDeployment(await owner.getDeployment(id), desiredFor(id))
  return client.updateDeployment(id, plan.body!)
}

test('401: an unknown token, and it is never echoed', async () => {
  const bad = 'not.a-real.token'
  const c = clientFor(server, { token: bad })
  const e = await failure(c.getDeployment(SEED_IDS.standard))
  expect(e.status).toBe(401)
  expect(e.message).toMatch(/Organization, Workspace or Deployment API token/)
  expect(e.message).toContain('invalid API token')
  expect(e.attempts).toBe(1)
  expect(e.message).not.toContain(bad)
})

test('401 as text/plain, as live Astro reportedly answers', async () => {
  server.faults.set({ textAuthErrors: true })
  const e = await failure(
    clientFor(server, { token: 'x.y.z' }).getDeployment(SEED_IDS.standard)
  )
  expect(e.status).toBe(401)
  expect(e.serverMessage).toBe('invalid API token')
})

test('403: a Workspace Member can read but not update', async () => {
  const token = server.issueToken({
    scope: 'WORKSPACE',
    role: 'WORKSPACE_MEMBER',
    entityId: SEED_WORKSPACE_ID
  })
  const c = clientFor(server, { token })
  await expect(c.getDeployment(SEED_IDS.standard)).resolves.toMatchObject({
    id: SEED_IDS.standard
  })
  const e = await failure(updateWith(c, SEED_IDS.standard))
  expect(e.status).toBe(403)
  expect(e.message).toMatch(/Workspace Operator or Workspace Owner/)
  expect(e.message).toMatch(/Deployment API token for this Deployment/)
  expect(e.message).toMatch(/Organization Owner/)
  expect(server.changes).toHaveLength(0)
})

test('403: a Deployment token for another Deployment, a token of another Workspace', async () => {
  const dep = server.issueToken({
    scope: 'DEPLOYMENT',
    role: 'DEPLOYMENT_ADMIN',
    entityId: SEED_IDS.dedicated
  })
  const e = await failure(
    clientFor(server, { token: dep }).getDeployment(SEED_IDS.standard)
  )
  expect(e.status).toBe(403)
  expect(e.message).toContain(`read Deployment ${SEED_IDS.standard}`)
  const ws = server.issueToken({
    scope: 'WORKSPACE',
    role: 'WORKSPACE_OPERATOR',
    entityId: OTHER_WORKSPACE_ID
  })
  expect(
    (
      await failure(
        clientFor(server, { token: ws }).getDeployment(SEED_IDS.hybrid)
      )
    ).status
  ).toBe(403)
})

test('404: unknown Deployment or organization says which ids to check', async () => {
  const e = await failure(
    clientFor(server).getDeployment('clx5nope00000008l1n0p3')
  )
  expect(e.status).toBe(404)
  expect(e.message).toMatch(/check the Deployment id and the organization id/)
  const org = clientFor(server, { organizationId: 'clx5otherorg' })
  expect((await failure(org.getDeployment(SEED_IDS.standard))).status).toBe(404)
})

test('the token must fit in a header (and is not quoted when it does not)', () => {
  const make =
    (token: string): (() => unknown) =>
    () =>
      createAstroClient({ baseUrl: server.url, token, organizationId: 'o' })
  expect(make('abc\ndef')).toThrow(/characters an HTTP header cannot carry/)
  expect(make('   ')).toThrow(/empty/)
  expect(() =>
    createAstroClient({
      baseUrl: server.url,
      token: 'Bearer abc \n',
      organizationId: 'o'
    })
  ).not.toThrow()
})
