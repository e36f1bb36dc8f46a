/**
 * Issue #14 item 1, the bounds: the apply role needs the default branch
 * and, when bound, the environment; neither role takes a token of another
 * repository or owner id under the same names, or of another branch. On
 * the dev server and, under `npm run test:real`, on OpenBao.
 */
import { uniq } from '../vault-devserver/helpers/target.js'
import { startServers, type Servers } from './fixture.js'
import {
  APPLY,
  PLAN,
  PRODUCTION,
  jwtLogin,
  provisionWithRoles,
  startIssuer,
  type Issuer
} from './jwt-roles-fixture.js'

let servers: Servers
let issuer: Issuer
let jwtMount: string
beforeEach(async () => {
  servers = await startServers()
  issuer = await startIssuer()
  jwtMount = servers.real ? uniq('jwt') : 'jwt'
})
afterEach(async () => {
  await issuer.close()
  await servers.close()
})

test('the apply role refuses the default branch without the environment, and any token of another repository id', async () => {
  await provisionWithRoles(servers, issuer, jwtMount)
  const url = servers.vault.url
  const main = { ref: 'refs/heads/main' }
  expect(
    (await jwtLogin(url, jwtMount, APPLY, issuer.token(PRODUCTION))).status
  ).toBe(200)
  const noEnv = await jwtLogin(url, jwtMount, APPLY, issuer.token(main))
  expect(noEnv.status).toBe(400)
  expect(noEnv.error).toContain('environment')
  // The plan role still lets main plan and drift.
  expect((await jwtLogin(url, jwtMount, PLAN, issuer.token(main))).status).toBe(
    200
  )
  // A repository recreated under the same name has another id.
  for (const other of [
    { repository_id: '700101' },
    { repository_owner_id: '900201' }
  ]) {
    for (const role of [PLAN, APPLY]) {
      const r = await jwtLogin(
        url,
        jwtMount,
        role,
        issuer.token({ ...PRODUCTION, ...other })
      )
      expect(r.status).toBe(400)
      expect(r.error).toContain(Object.keys(other)[0])
    }
  }
  // Another branch gets neither role.
  const feature = { ref: 'refs/heads/feature', ...PRODUCTION }
  expect(
    (await jwtLogin(url, jwtMount, APPLY, issuer.token({ ...feature }))).status
  ).toBe(400)
  expect(
    (
      await jwtLogin(
        url,
        jwtMount,
        PLAN,
        issuer.token({ ref: 'refs/heads/feature' })
      )
    ).status
  ).toBe(400)
})
