import http from 'node:http'
import { cli } from '../helpers/cli.js'
import type { AddressInfo } from 'node:net'
import {
  githubClaims,
  jwks,
  keyPair,
  mint
} from '../vault-devserver/helpers/jwt.js'
import {
  call,
  provisionManifest,
  provisionProject,
  startServers,
  type Servers
} from './fixture.js'

/** A loopback OIDC issuer, as GitHub's token service looks to Vault. */
async function startIssuer(
  key: ReturnType<typeof keyPair>
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const body =
      req.url === '/.well-known/openid-configuration'
        ? { issuer: url, jwks_uri: `${url}/jwks` }
        : jwks(key)
    res.setHeader('Content-Type', 'application/json')
    res.end(JSON.stringify(body))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

let servers: Servers
beforeEach(async () => {
  servers = await startServers({ devOnly: true })
})
afterEach(() => servers.close())

test('the GitHub JWT role logs CI in with the sync policy, which is enough for apply, prune and drift, and no more', async () => {
  const key = keyPair('ES256')
  const issuer = await startIssuer(key)
  try {
    const provision = `provision:
  github_jwt:
    issuer: ${issuer.url}
    bound_audiences: [https://github.com/octo-org]
    repository: octo-org/octo-repo
    ref: [refs/heads/main, 'refs/pull/*/merge']
`
    const p = provisionProject(servers, { provision })
    p.write(
      provisionManifest(servers.astro, { provision }).replace(
        '  kv_version: 2\n',
        '  kv_version: 2\n  prune: true\n'
      )
    )
    const run = await p.run('provision')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('create    jwt-role airflow-vault-sync')
    expect(run.stdout).toContain('create    policy airflow-vault-sync-airflow')
    // The CI job: no static Vault secret, only GitHub's ID token.
    const ci = { ...p.env }
    delete ci.VAULT_TOKEN
    Object.assign(ci, {
      VAULT_JWT_ROLE: 'airflow-vault-sync',
      VAULT_JWT: mint(key, { ...githubClaims(), iss: issuer.url })
    })
    Object.assign(p.env, ci)
    const apply = await p.run('apply')
    expect(apply.stderr).toBe('')
    expect(apply.code).toBe(0)
    p.write(
      provisionManifest(servers.astro, { provision })
        .replace('  kv_version: 2\n', '  kv_version: 2\n  prune: true\n')
        .replace('  retries: 3\n', '')
    )
    const prune = await p.run('apply', '--json')
    expect(prune.code).toBe(0)
    expect(JSON.parse(prune.stdout).vault.changes).toContainEqual(
      expect.objectContaining({ key: 'retries', action: 'delete' })
    )
    const drift = await p.run('drift')
    expect(drift.stdout).toContain('No drift')
    expect(drift.code).toBe(0)
    // A pull request's merge ref may plan; a rerun of provision is a no-op.
    p.env.VAULT_JWT = mint(key, {
      ...githubClaims({ ref: 'refs/pull/42/merge' }),
      iss: issuer.url
    })
    expect((await p.run('plan')).code).toBe(0)
    const operator: Record<string, string> = {
      ...p.env,
      VAULT_TOKEN: servers.vault.rootToken
    }
    delete operator.VAULT_JWT_ROLE
    const rerun = await cli(['provision', '--json'], {
      cwd: p.dir,
      env: operator
    })
    expect(JSON.parse(rerun.stdout)).toMatchObject({
      ok: true,
      vault: { changes: 0 }
    })
    // The sync identity may not provision: it is not an admin.
    const denied = await p.run('provision')
    expect(denied.code).toBe(3)
    expect(denied.stderr).toContain('sys/mounts')
    // Another branch's token is refused by the role's bound claims.
    p.env.VAULT_JWT = mint(key, {
      ...githubClaims({ ref: 'refs/heads/feature' }),
      iss: issuer.url
    })
    const refused = await p.run('plan')
    expect(refused.code).toBe(3)
    expect(refused.stderr).toContain('jwt login at auth/jwt failed')
    // The sync identity cannot touch what is outside its paths.
    const login = await call(
      servers.vault.url,
      'POST',
      'auth/jwt/login',
      undefined,
      {
        role: 'airflow-vault-sync',
        jwt: ci.VAULT_JWT
      }
    )
    const token = (login.body.auth as { client_token: string }).client_token
    const outside = await call(
      servers.vault.url,
      'POST',
      'airflow/data/elsewhere/x',
      token,
      {
        data: { a: 'b' }
      }
    )
    expect(outside.status).toBe(403)
    const policy = await call(
      servers.vault.url,
      'POST',
      'sys/policies/acl/mine',
      token,
      {
        policy: 'path "*" { capabilities = ["sudo"] }'
      }
    )
    expect(policy.status).toBe(403)
  } finally {
    await issuer.close()
  }
})
