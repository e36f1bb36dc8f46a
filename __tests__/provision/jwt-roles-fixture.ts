/**
 * GitHub OIDC as Vault sees it, for the plan and apply roles: a loopback
 * issuer serving discovery and JWKS over http (the dev server and OpenBao
 * both fetch it), tokens shaped like GitHub's with the repository's ids,
 * and the CI job's environment for our CLI.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  githubClaims,
  jwks,
  keyPair,
  mint,
  type KeyPair
} from '../vault-devserver/helpers/jwt.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SyncProject } from '../sync/fixture.js'
import {
  call,
  provisionManifest,
  provisionProject,
  type Servers
} from './fixture.js'

export interface Issuer {
  url: string
  key: KeyPair
  /** A token as GitHub mints it for octo-org/octo-repo, with overrides. */
  token(claims?: Record<string, unknown>): string
  close(): Promise<void>
}

/** GitHub sends the ids as strings. */
export const REPO = {
  name: 'octo-org/octo-repo',
  id: '700100',
  ownerId: '900200'
}

export async function startIssuer(): Promise<Issuer> {
  const key = keyPair('ES256')
  const server = http.createServer((req, res) => {
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
    key,
    token: (claims = {}) =>
      mint(key, {
        ...githubClaims({
          repository_id: REPO.id,
          repository_owner_id: REPO.ownerId,
          ...claims
        }),
        iss: url
      }),
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

/** The provision: section with both roles, on a JWT mount of its own. */
export function jwtProvision(
  issuer: Issuer,
  opts: { mount: string; approle: string; lines?: string }
): string {
  return `provision:
  approle:
    mount: ${opts.approle}
  github_jwt:
    mount: ${opts.mount}
    issuer: ${issuer.url}
    bound_audiences: [https://github.com/octo-org]
    repository: ${REPO.name}
    repository_id: ${REPO.id}
    repository_owner_id: ${REPO.ownerId}
${opts.lines ?? '    ref: refs/heads/main\n'}`
}

/** Logs in as a CI job would; the token, or Vault's refusal. */
export async function jwtLogin(
  vaultUrl: string,
  mount: string,
  role: string,
  jwt: string
): Promise<{ status: number; token: string; error: string }> {
  const r = await call(vaultUrl, 'POST', `auth/${mount}/login`, undefined, {
    role,
    jwt
  })
  const auth = r.body.auth as { client_token?: string } | undefined
  return {
    status: r.status,
    token: auth?.client_token ?? '',
    error: JSON.stringify(r.body.errors ?? [])
  }
}

/** The env of a CI job that holds only GitHub's ID token. */
export function ciEnv(
  env: Record<string, string>,
  mount: string,
  role: string,
  jwt: string
): Record<string, string> {
  const ci: Record<string, string> = {
    ...env,
    VAULT_JWT_ROLE: role,
    VAULT_JWT: jwt
  }
  if (mount !== 'jwt') ci.VAULT_AUTH_MOUNT = mount
  delete ci.VAULT_TOKEN
  return ci
}

export const PLAN = 'airflow-vault-sync-plan'
export const APPLY = 'airflow-vault-sync-apply'
/** The claims that differ in a pull request's token and a production job's. */
export const PR = {
  ref: 'refs/pull/42/merge',
  sub: `repo:${REPO.name}:pull_request`
}
export const PRODUCTION = {
  environment: 'production',
  sub: `repo:${REPO.name}:environment:production`
}

/** Provisioned: the apply role needs main and environment: production. */
export async function provisionWithRoles(
  servers: Servers,
  issuer: Issuer,
  jwtMount: string
): Promise<SyncProject> {
  const provision = jwtProvision(issuer, {
    mount: jwtMount,
    approle: servers.approle,
    lines: '    ref: refs/heads/main\n    environment: production\n'
  })
  const p = provisionProject(servers, { provision, astro: false })
  p.write(provisionManifest(undefined, { mount: servers.mount, provision }))
  const creds = join(mkdtempSync(join(tmpdir(), 'avs-creds-')), 'c.json')
  const run = await p.run('provision', '--credentials-file', creds)
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return p
}
