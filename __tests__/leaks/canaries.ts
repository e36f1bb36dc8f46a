/**
 * Canary secrets of every awkward shape, each carried by an environment
 * variable (or the key file) that the leak manifest reads into a connection
 * field or extra, a whole conn_uri, a variable, a config entry or the Astro
 * backend_kwargs. Every one holds a marker of its own, so a hit in output
 * names exactly which value escaped.
 */
export interface Canary {
  name: string
  value: string
  /**
   * Letters and digits unique to this value, which survive any escaping:
   * found anywhere, part of the value leaked even if no whole form did.
   */
  marker?: string
  /** An ordinary word: output is full of it, so it is not searched for. */
  word?: boolean
  /** Where the manifest places it, for the report. */
  placed: string
}

/** The key file's content (the trailing newline is dropped on read). */
export const PEM = [
  '-----BEGIN CANARY PRIVATE KEY-----',
  'MIIpemtok8LineOne+/AbCdEf==',
  'MIIpemtok8LineTwo/+GhIjKl',
  '-----END CANARY PRIVATE KEY-----'
].join('\n')

/** Read from the environment by the leak manifest (name: value). */
export const ENV_CANARIES = {
  CANARY_PW: 'pwtok1@c:/1%2F#x?y+z',
  CANARY_SPACED: 'canary  spaced\tcfgtok2 value',
  CANARY_UNICODE: 'cänary-пароль-密码-🔑-unitok3',
  CANARY_JSONISH: '{"canary": "q\\"uo\\\\te", \'n\': [1, 2], "k": "jsontok4"}',
  // Not canonical (%2f, a raw !), so Airflow would re-encode it.
  CANARY_CONN_URI:
    'smtp://canary-user:c4nary%2furi!uritok5@smtp.example.com:587/?timeout=10&token=qrytokF%2Fx%C3%BC',
  CANARY_ROLE: 'role-id-roletok6-0042',
  CANARY_LOGIN: 'logtokE@corp.example',
  CANARY_KWARGS: 'kw"arg\\s-kwtok7/secret  id',
  CANARY_SHORT: 'a1',
  // A secret that is an ordinary word: redacted as text, it would turn
  // `"ok": true` into `"ok": ***` and break --json.
  CANARY_WORD: 'true',
  CANARY_SHORT3: 'ion',
  // Only in the bad-input manifests: a '/' and '#' end the host early.
  CANARY_BAD_URI: 'postgres://canary-bad:badtok9/w#rd@db.example.com:5432/x'
} as const

/** The AppRole secret_id of the approle rows (a custom secret-id). */
export const APPROLE_SECRET_ID = 'approle-sidtokC "q\\ü/x'

/** Values put straight into Vault behind the manifest's back (drift). */
export const VAULT_SIDE = {
  changed: 'vault-side-sidetokA-old-value',
  unlisted: 'vault-side-sidetokB-unlisted',
  login: 'vault-side-sidetokD-login'
} as const

const PLACES: Record<string, string> = {
  CANARY_PW: 'connections.db.password',
  CANARY_LOGIN: 'connections.db.login',
  CANARY_SPACED: 'config.spaced',
  CANARY_UNICODE: 'variables.unicode',
  CANARY_JSONISH: 'variables.jsonish',
  CANARY_CONN_URI: 'connections.smtp.uri',
  CANARY_ROLE: 'connections.db.extra.role, astro.backend_kwargs.role_id',
  CANARY_KWARGS: 'astro.backend_kwargs.secret_id',
  CANARY_SHORT: 'variables.short',
  CANARY_WORD: 'variables.flag',
  CANARY_SHORT3: 'config.short3',
  CANARY_BAD_URI: 'connections.bad.uri (bad-input manifests)'
}

/** Every canary of the manifests, derived ones and credentials included. */
export function allCanaries(credentials: Record<string, string>): Canary[] {
  return withMarkers([
    ...Object.entries(ENV_CANARIES).map(([name, value]) => ({
      name,
      value,
      placed: PLACES[name] ?? name
    })),
    { name: 'PEM', value: PEM, placed: 'connections.db.extra.sslkey (file)' },
    // Inside the whole conn_uri, as Airflow decodes them.
    {
      name: 'CANARY_CONN_URI/password',
      value: 'c4nary/uri!uritok5',
      placed: 'connections.smtp.uri'
    },
    {
      name: 'CANARY_CONN_URI/extra.token',
      value: 'qrytokF/xü',
      placed: 'connections.smtp.uri'
    },
    ...Object.entries(VAULT_SIDE).map(([name, value]) => ({
      name: `VAULT_SIDE.${name}`,
      value,
      placed: 'in Vault only'
    })),
    ...Object.entries(credentials).map(([name, value]) => ({
      name,
      value,
      placed: 'credential'
    }))
  ])
}

function withMarkers(canaries: Canary[]): Canary[] {
  return canaries.map((c) => ({
    ...c,
    marker: /[a-z]+tok[0-9A-Z]/.exec(c.value)?.[0],
    word: c.value === ENV_CANARIES.CANARY_WORD
  }))
}
