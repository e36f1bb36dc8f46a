/**
 * AppRole (vault-api.md §6.3, §7.7), including user lockout.
 */
import {
  type Client,
  type Target,
  at,
  openTarget,
  str,
  uniq
} from './helpers/target.js'

let t: Target
let mount: string
let kv: string
let policy: string

beforeAll(async () => {
  t = await openTarget()
  mount = await t.enableAuth('approle')
  kv = await t.mountKv(2)
  policy = await t.policy(
    `path "${kv}/data/*" { capabilities = ["read", "create", "update"] }`
  )
})
afterAll(() => t.close())

interface Creds {
  role: string
  roleId: string
  secretId: string
}

async function newRole(settings: Record<string, unknown> = {}): Promise<Creds> {
  const role = uniq('role')
  const w = await t.root.post(`auth/${mount}/role/${role}`, {
    token_policies: [policy],
    ...settings
  })
  expect(w.status).toBe(204)
  const rid = await t.root.get(`auth/${mount}/role/${role}/role-id`)
  const sid = await t.root.post(`auth/${mount}/role/${role}/secret-id`)
  return {
    role,
    roleId: str(rid.body, 'data.role_id'),
    secretId: str(sid.body, 'data.secret_id')
  }
}

function anon(): Client {
  return t.root.as(undefined)
}

test('§7.7 a role is created with token_policies (204) and reads back', async () => {
  const { role } = await newRole({ token_ttl: '30m' })
  const r = await t.root.get(`auth/${mount}/role/${role}`)
  expect(r.status).toBe(200)
  expect(at(r.body, 'data')).toMatchObject({
    token_policies: [policy],
    token_ttl: 1800,
    bind_secret_id: true
  })
})

test('§7.7 role-id reads {role_id}', async () => {
  const { role, roleId } = await newRole()
  const r = await t.root.get(`auth/${mount}/role/${role}/role-id`)
  expect(r.body).toMatchObject({ data: { role_id: roleId } })
  expect(roleId).toMatch(/^[0-9a-f-]{36}$/)
})

test('§7.7 secret-id generation returns the documented fields', async () => {
  const { role } = await newRole()
  const r = await t.root.post(`auth/${mount}/role/${role}/secret-id`)
  expect(r.status).toBe(200)
  expect(at(r.body, 'data')).toMatchObject({
    secret_id: expect.any(String),
    secret_id_accessor: expect.any(String),
    secret_id_ttl: 0,
    secret_id_num_uses: 0
  })
})

test('§7.7 a custom role_id can be set', async () => {
  const { role } = await newRole()
  const custom = uniq('astro_role')
  expect(
    (
      await t.root.post(`auth/${mount}/role/${role}/role-id`, {
        role_id: custom
      })
    ).status
  ).toBe(204)
  expect(
    at(
      (await t.root.get(`auth/${mount}/role/${role}/role-id`)).body,
      'data.role_id'
    )
  ).toBe(custom)
})

test('§7.7 the role list contains the role', async () => {
  const { role } = await newRole()
  const r = await t.root.list(`auth/${mount}/role`)
  expect(at(r.body, 'data.keys')).toContain(role)
})

test('§6.3 login returns the token in auth with the role policies plus default', async () => {
  const { role, roleId, secretId } = await newRole()
  const r = await anon().post(`auth/${mount}/login`, {
    role_id: roleId,
    secret_id: secretId
  })
  expect(r.status).toBe(200)
  expect(r.body).toMatchObject({
    data: null,
    auth: {
      client_token: expect.stringMatching(/^(hvs|s)\./),
      accessor: expect.any(String),
      policies: [policy, 'default'].sort(),
      token_policies: [policy, 'default'].sort(),
      metadata: { role_name: role },
      lease_duration: expect.any(Number),
      renewable: true,
      token_type: 'service',
      orphan: true
    }
  })
})

test('§6.3 the login token works within its policy and not outside it', async () => {
  const { roleId, secretId } = await newRole()
  const login = await anon().post(`auth/${mount}/login`, {
    role_id: roleId,
    secret_id: secretId
  })
  const c = t.root.as(str(login.body, 'auth.client_token'))
  expect((await c.post(`${kv}/data/ok`, { data: { a: 1 } })).status).toBe(200)
  expect((await c.get('sys/mounts')).status).toBe(403)
})

test('§6.3 a wrong secret_id is 400 "invalid role or secret ID"', async () => {
  const { roleId } = await newRole()
  const r = await anon().post(`auth/${mount}/login`, {
    role_id: roleId,
    secret_id: 'wrong'
  })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['invalid role or secret ID'] })
})

test('§6.3 an unknown role_id is 400 "invalid role or secret ID"', async () => {
  const r = await anon().post(`auth/${mount}/login`, {
    role_id: uniq('nobody'),
    secret_id: 'x'
  })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['invalid role or secret ID'] })
})

test('§6.3 a missing role_id is "missing role_id" (OpenBao 500, Vault 400)', async () => {
  const r = await anon().post(`auth/${mount}/login`, { secret_id: 'x' })
  expect(r.status).toBe(t.kind === 'vault' ? 400 : 500)
  expect(r.body).toEqual({ errors: ['missing role_id'] })
})

test('§6.3 a missing secret_id is 400 "missing secret_id"', async () => {
  const { roleId } = await newRole()
  const r = await anon().post(`auth/${mount}/login`, { role_id: roleId })
  expect(r.status).toBe(400)
  expect(r.body).toEqual({ errors: ['missing secret_id'] })
})

test('§6.3 a secret_id with num_uses 1 works once', async () => {
  const { role, roleId } = await newRole()
  const sid = await t.root.post(`auth/${mount}/role/${role}/secret-id`, {
    num_uses: 1
  })
  const secretId = str(sid.body, 'data.secret_id')
  expect(
    (
      await anon().post(`auth/${mount}/login`, {
        role_id: roleId,
        secret_id: secretId
      })
    ).status
  ).toBe(200)
  expect(
    (
      await anon().post(`auth/${mount}/login`, {
        role_id: roleId,
        secret_id: secretId
      })
    ).status
  ).toBe(400)
})

test('§6.3 five failed logins lock the role: then 403 even with the right secret', async () => {
  const { roleId, secretId } = await newRole()
  for (let i = 0; i < 5; i++) {
    const bad = await anon().post(`auth/${mount}/login`, {
      role_id: roleId,
      secret_id: `wrong-${i}`
    })
    expect(bad.status).toBe(400)
  }
  const locked = await anon().post(`auth/${mount}/login`, {
    role_id: roleId,
    secret_id: secretId
  })
  expect(locked.status).toBe(403)
  expect(at(locked.body, 'errors')).toEqual([
    expect.stringContaining('permission denied')
  ])
})

test('§6.3 a successful login resets the failure counter', async () => {
  const { roleId, secretId } = await newRole()
  for (let i = 0; i < 4; i++) {
    await anon().post(`auth/${mount}/login`, {
      role_id: roleId,
      secret_id: 'wrong'
    })
  }
  expect(
    (
      await anon().post(`auth/${mount}/login`, {
        role_id: roleId,
        secret_id: secretId
      })
    ).status
  ).toBe(200)
  for (let i = 0; i < 4; i++) {
    await anon().post(`auth/${mount}/login`, {
      role_id: roleId,
      secret_id: 'wrong'
    })
  }
  expect(
    (
      await anon().post(`auth/${mount}/login`, {
        role_id: roleId,
        secret_id: secretId
      })
    ).status
  ).toBe(200)
})
