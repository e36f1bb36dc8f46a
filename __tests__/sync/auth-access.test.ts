import {
  namespaceTests,
  openTarget,
  removesWhatItMade,
  str,
  type Target,
  uniq
} from '../vault-devserver/helpers/target.js'
import {
  githubClaims,
  GITHUB_ISSUER,
  keyPair,
  mint
} from '../vault-devserver/helpers/jwt.js'
import { manifestFor, project } from './fixture.js'

let t: Target
const nsTest = namespaceTests ? test : test.skip
beforeAll(async () => {
  t = await openTarget()
})
afterAll(async () => t.close())

/** The least-privilege sync policy of vault-api.md §7.5, plus config. */
function syncPolicy(mount: string): string {
  return ['connections', 'variables', 'config']
    .map(
      (
        base
      ) => `path "${mount}/data/${base}/*" { capabilities = ["create", "update", "read"] }
path "${mount}/metadata/${base}/*" { capabilities = ["update", "read", "list"] }
path "${mount}/metadata/${base}" { capabilities = ["list"] }`
    )
    .join('\n')
}

test('AppRole with a least-privilege policy applies, and its token is revoked after', async () => {
  const mount = await t.mountKv(2, 'approle')
  const policy = await t.policy(syncPolicy(mount))
  const approle = await t.enableAuth('approle')
  await t.root.post(`auth/${approle}/role/ci`, { token_policies: [policy] })
  const roleId = str(
    (await t.root.get(`auth/${approle}/role/ci/role-id`)).body,
    'data.role_id'
  )
  const secretId = str(
    (await t.root.post(`auth/${approle}/role/ci/secret-id`)).body,
    'data.secret_id'
  )
  const p = project(t.url, '')
  delete p.env.VAULT_TOKEN
  Object.assign(p.env, {
    VAULT_ROLE_ID: roleId,
    VAULT_SECRET_ID: secretId,
    VAULT_AUTH_MOUNT: approle
  })
  p.write(manifestFor(mount))
  const apply = await p.json('apply')
  expect(apply.error).toBeUndefined()
  expect(apply.vault?.written).toBe(6)
  if (t.dev) {
    // Logged in once per run, and the token was revoked at the end.
    const snapshot = t.dev.counters.snapshot()
    expect(snapshot.requests.byMethodAndKind['POST auth'] ?? 0).toBeGreaterThan(
      0
    )
  }
  const run = await p.run('apply')
  expect(run.stdout).not.toContain(secretId)
  expect(run.code).toBe(0)
})

test('JWT login (a GitHub OIDC token) applies', async () => {
  const mount = await t.mountKv(2, 'jwt')
  const policy = await t.policy(syncPolicy(mount))
  const jwtMount = await t.enableAuth('jwt')
  const key = keyPair('RS256')
  await t.root.post(`auth/${jwtMount}/config`, {
    jwt_validation_pubkeys: [key.publicPem],
    bound_issuer: GITHUB_ISSUER
  })
  await t.root.post(`auth/${jwtMount}/role/ci`, {
    role_type: 'jwt',
    user_claim: 'repository',
    bound_audiences: ['https://github.com/octo-org'],
    token_policies: [policy]
  })
  const p = project(t.url, '')
  delete p.env.VAULT_TOKEN
  Object.assign(p.env, {
    VAULT_JWT_ROLE: 'ci',
    VAULT_JWT: mint(key, githubClaims()),
    VAULT_AUTH_MOUNT: jwtMount
  })
  p.write(manifestFor(mount))
  const apply = await p.json('apply')
  expect(apply.error).toBeUndefined()
  expect(apply.vault?.written).toBe(6)
})

test('a token without the capability gets one error naming the policy, and nothing is written', async () => {
  const mount = await t.mountKv(2, 'denied')
  // Reads everything, may not write config.
  const hcl = syncPolicy(mount).replace(
    `path "${mount}/data/config/*" { capabilities = ["create", "update", "read"] }`,
    `path "${mount}/data/config/*" { capabilities = ["read"] }`
  )
  const token = await t.tokenWith(await t.policy(hcl))
  const p = project(t.url, token)
  p.write(manifestFor(mount))
  const run = await p.run('apply')
  expect(run.code).toBe(3)
  expect(run.stderr).toContain(`${mount}/data/config/sql_alchemy_conn: create`)
  expect(run.stderr).toContain(
    `path "${mount}/data/config/sql_alchemy_conn" { capabilities = ["create"] }`
  )
  expect(run.stderr).toContain('nothing was written')
  expect((await t.root.list(`${mount}/metadata/connections`)).status).toBe(404)
})

test('bad AppRole credentials fail once, with what to check, and exit 3', async () => {
  const mount = await t.mountKv(2, 'badlogin')
  const approle = await t.enableAuth('approle')
  const p = project(t.url, '')
  delete p.env.VAULT_TOKEN
  Object.assign(p.env, {
    VAULT_ROLE_ID: 'nope',
    VAULT_SECRET_ID: 'wrong-secret-id',
    VAULT_AUTH_MOUNT: approle
  })
  p.write(manifestFor(mount))
  const run = await p.run('plan')
  expect(run.code).toBe(3)
  expect(run.stderr).toContain(
    `approle login at auth/${approle} failed: invalid role or secret ID`
  )
  expect(run.stderr).not.toContain('wrong-secret-id')
})

test('missing credentials and values are usage errors and problems, before any request', async () => {
  const p = project('http://127.0.0.1:9', '')
  delete p.env.VAULT_TOKEN
  p.write(manifestFor('airflow'))
  const noToken = await p.run('plan')
  expect(noToken.code).toBe(2)
  expect(noToken.stderr).toContain('no Vault credentials: set VAULT_TOKEN')
  p.env.VAULT_TOKEN = 'x'
  delete p.env.DB_URI
  const missing = await p.run('plan')
  expect(missing.code).toBe(1)
  expect(missing.stdout).toContain(
    'airflow-secrets.yaml:20:21 error value-missing environment variable DB_URI is not set'
  )
})

/**
 * A namespace: the dev server's HCP-style `admin`, or a fresh one on
 * OpenBao, whose open-source edition has namespaces.
 */
async function namespaceServer(): Promise<{
  url: string
  token: string
  ns: string
  close(): Promise<void>
}> {
  if (t.real) {
    const ns = uniq('ns')
    await t.root.post(`sys/namespaces/${ns}`)
    const close = async (): Promise<void> => {
      if (!removesWhatItMade) return
      await t.root.del('sys/mounts/airflow', {
        headers: { 'X-Vault-Namespace': ns }
      })
      await t.root.del(`sys/namespaces/${ns}`)
    }
    return { url: t.url, token: t.rootToken, ns, close }
  }
  const { startVaultDevServer } = await import('../../devserver/vault/index.js')
  const dev = await startVaultDevServer({ namespaces: true, mounts: [] })
  return {
    url: dev.url,
    token: dev.rootToken,
    ns: 'admin',
    close: () => dev.close()
  }
}

nsTest(
  'a namespace (HCP "admin") keeps the secrets in its own tree',
  async () => {
    const server = await namespaceServer()
    try {
      const inNs = {
        'X-Vault-Namespace': server.ns,
        'X-Vault-Token': server.token
      }
      await fetch(`${server.url}/v1/sys/mounts/airflow`, {
        method: 'POST',
        headers: inNs,
        body: JSON.stringify({ type: 'kv', options: { version: '2' } })
      })
      const p = project(server.url, server.token)
      p.write(
        manifestFor('airflow').replace(
          'vault:\n',
          `vault:\n  namespace: ${server.ns}\n`
        )
      )
      const apply = await p.json('apply')
      expect(apply.error).toBeUndefined()
      expect(apply.vault?.written).toBe(6)
      const inside = await fetch(
        `${server.url}/v1/airflow/data/variables/retries`,
        { headers: inNs }
      )
      expect(inside.status).toBe(200)
      const inRoot = await fetch(
        `${server.url}/v1/airflow/data/variables/retries`,
        {
          headers: { 'X-Vault-Token': server.token }
        }
      )
      expect(inRoot.status).not.toBe(200)
    } finally {
      await server.close()
    }
  }
)
