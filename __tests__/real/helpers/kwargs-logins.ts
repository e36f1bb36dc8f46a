/**
 * Real logins on OpenBao for the kwargs cases: an AppRole that needs a
 * secret_id and one that does not, a userpass user, and a reader token.
 * LDAP has no OpenBao plugin, but hvac's LDAP login is the same request as
 * userpass's (POST auth/<mount>/login/<username> with the password), so
 * the userpass mount answers it too.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Client, str, uniq } from '../../vault-devserver/helpers/target.js'
import type { Logins } from './kwargs-cases.js'
import { startConfigVault } from './kwargs-config-vault.js'

async function ok(
  reply: Promise<{ status: number; text: string }>,
  what: string
): Promise<void> {
  const r = await reply
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`)
}

export async function openBaoLogins(
  url: string,
  rootToken: string
): Promise<Logins & { close(): Promise<void> }> {
  const root = new Client(url, rootToken)
  const approle = uniq('approle')
  const userpass = uniq('userpass')
  await ok(root.post(`sys/auth/${approle}`, { type: 'approle' }), 'approle')
  await ok(root.post(`sys/auth/${userpass}`, { type: 'userpass' }), 'userpass')
  await ok(
    root.post(`auth/${approle}/role/bound`, { token_ttl: '10m' }),
    'role'
  )
  await ok(
    root.post(`auth/${approle}/role/unbound`, {
      bind_secret_id: false,
      token_bound_cidrs: ['127.0.0.1/32'],
      token_ttl: '10m'
    }),
    'unbound role'
  )
  const roleId = async (role: string): Promise<string> =>
    str(
      (await root.get(`auth/${approle}/role/${role}/role-id`)).body,
      'data.role_id'
    )
  const secretId = str(
    (await root.post(`auth/${approle}/role/bound/secret-id`, {})).body,
    'data.secret_id'
  )
  const password = `pw-${uniq('u')}`
  await ok(root.post(`auth/${userpass}/users/airflow`, { password }), 'user')
  const token = str(
    (await root.post('auth/token/create', { policies: ['default'], ttl: '1h' }))
      .body,
    'auth.client_token'
  )
  const dir = mkdtempSync(path.join(tmpdir(), 'avs-kwargs-'))
  const tokenFile = path.join(dir, 'jwt')
  writeFileSync(tokenFile, 'eyJ.example.jwt\n')
  const configVault = await startConfigVault()
  return {
    configVault: configVault.url,
    url,
    approle: { mount: approle, roleId: await roleId('bound'), secretId },
    unbound: { roleId: await roleId('unbound') },
    userpass: { mount: userpass, username: 'airflow', password },
    token,
    tokenFile,
    close: async () => {
      await configVault.close()
      rmSync(dir, { recursive: true, force: true })
      await root.del(`sys/auth/${approle}`)
      await root.del(`sys/auth/${userpass}`)
    }
  }
}
