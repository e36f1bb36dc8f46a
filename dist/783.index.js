export const id = 783;
export const ids = [783];
export const modules = {

/***/ 6783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCheckAccessStep: () => (/* binding */ runCheckAccessStep),
  runProvisionStep: () => (/* binding */ runProvisionStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/core/problems.ts
var problems = __webpack_require__(536);
;// CONCATENATED MODULE: ./src/core/provision/duration.ts
/**
 * Vault answers role reads with durations in seconds; the manifest may say
 * "1h30m". Comparing in seconds keeps a rerun from seeing a change that is
 * only a different spelling.
 */
const UNIT_SECONDS = { d: 86400, h: 3600, m: 60, s: 1 };
function durationSeconds(value) {
    if (typeof value === 'number')
        return value;
    if (/^\d+$/.test(value))
        return Number(value);
    let total = 0;
    for (const [, amount, unit] of value.matchAll(/(\d+)([dhms])/g)) {
        total += Number(amount) * (UNIT_SECONDS[unit] ?? 0);
    }
    return total;
}
/** "3600" → "1h", for plans a person reads. */
function formatDuration(seconds) {
    if (seconds === 0)
        return '0 (none)';
    const parts = [];
    let rest = seconds;
    for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    return parts.join('');
}

;// CONCATENATED MODULE: ./src/core/provision/step.ts
const step = (kind, path, name, action, details = [], body) => ({ kind, path, name, action, details, body });
/** Fields whose values differ, named for the plan. */
function changedFields(current, desired) {
    const was = current;
    const want = desired;
    return Object.keys(want).filter((k) => canonical(was[k]) !== canonical(want[k]));
}
/** JSON with object keys sorted: Vault answers maps in Go's sorted order. */
function canonical(value) {
    return JSON.stringify(value, (_key, v) => v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))
        : v);
}

;// CONCATENATED MODULE: ./src/core/provision/plan-roles.ts


function authMount(state, mount, type, conflicts) {
    const current = state.authMounts[`${mount}/`];
    if (current && current.type !== type) {
        conflicts.push(`auth/${mount}/ is a ${current.type} auth method, not ${type}; choose another mount`);
    }
    return step('auth', `sys/auth/${mount}`, `auth/${mount}/`, current ? 'unchanged' : 'create', [type], {
        type,
        description: 'airflow-vault-sync'
    });
}
function appRoleStep(state, provision, role, policy) {
    const a = provision.approle;
    const desired = {
        token_policies: [policy],
        token_ttl: durationSeconds(a.token_ttl),
        token_max_ttl: durationSeconds(a.token_max_ttl),
        secret_id_ttl: durationSeconds(a.secret_id_ttl),
        // Every Airflow process logs in with it: no use limit.
        secret_id_num_uses: 0,
        bind_secret_id: true,
        secret_id_bound_cidrs: [...a.secret_id_bound_cidrs].sort(),
        token_bound_cidrs: [...a.token_bound_cidrs].sort()
    };
    const path = `auth/${a.mount}/role/${role}`;
    const current = state.approles[role];
    if (!current)
        return step('approle', path, role, 'create', [], desired);
    const changed = changedFields(current, desired);
    return changed.length === 0
        ? step('approle', path, role, 'unchanged')
        : step('approle', path, role, 'update', changed, desired);
}
/** What a pull request's token carries as `ref`. */
const PULL_REQUEST_REF = 'refs/pull/*/merge';
/**
 * The claims each role binds. Both: the repository by name and by id, and
 * its owner's id, so a repository recreated under the name (or an owner
 * re-registered) cannot log in. The plan role adds pull requests' merge
 * refs to `ref`; the apply role never sees them, and also binds the
 * environment (a reviewer gate) and the reusable workflow when given.
 */
function jwtRoleClaims(jwt, which) {
    const claims = {
        repository: jwt.repository
    };
    if (jwt.repository_id !== undefined)
        claims.repository_id = jwt.repository_id;
    if (jwt.repository_owner_id !== undefined)
        claims.repository_owner_id = jwt.repository_owner_id;
    const refs = [jwt.ref ?? []].flat();
    if (which === 'plan') {
        // allow_any_ref without a ref: any branch may plan, as it may apply.
        if (refs.length > 0 || !jwt.allow_any_ref)
            claims.ref = [...refs, PULL_REQUEST_REF];
        return claims;
    }
    if (refs.length > 0)
        claims.ref = jwt.ref;
    if (jwt.environment !== undefined)
        claims.environment = jwt.environment;
    if (jwt.job_workflow_ref !== undefined)
        claims.job_workflow_ref = jwt.job_workflow_ref;
    return claims;
}
function jwtRoleStep(state, jwt, which, policy) {
    const claims = jwtRoleClaims(jwt, which);
    const glob = Object.values(claims)
        .flat()
        .some((v) => v.includes('*'));
    const desired = {
        role_type: 'jwt',
        user_claim: 'repository',
        bound_audiences: [...jwt.bound_audiences].sort(),
        bound_claims: claims,
        bound_claims_type: glob ? 'glob' : 'string',
        token_policies: [policy],
        token_ttl: durationSeconds(jwt.token_ttl)
    };
    const role = which === 'plan' ? jwt.plan_role : jwt.apply_role;
    const path = `auth/${jwt.mount}/role/${role}`;
    const current = state.jwtRoles[role];
    const shown = describeClaims(claims);
    if (!current)
        return step('jwt-role', path, role, 'create', shown, desired);
    const changed = changedFields(current, desired);
    return changed.length === 0
        ? step('jwt-role', path, role, 'unchanged', shown)
        : step('jwt-role', path, role, 'update', [...changed, ...shown], desired);
}
/** One "bound ref: …" line per claim, for the plan. */
function describeClaims(claims) {
    return Object.entries(claims).map(([k, v]) => `bound ${k}: ${[v].flat().join(', ')}`);
}

;// CONCATENATED MODULE: ./src/core/provision/names.ts
/** Policy and role names must survive Vault's rules: lower-case, no '/'. */
function slug(text) {
    const s = text
        .toLowerCase()
        .replace(/[^a-z0-9_.-]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '');
    return s === '' ? 'default' : s;
}
function readerPolicyName(manifest) {
    return (manifest.provision?.reader_policy ?? `airflow-${slug(manifest.vault.mount)}`);
}
function syncPolicyName(manifest) {
    return (manifest.provision?.sync_policy.name ??
        `airflow-vault-sync-${slug(manifest.vault.mount)}`);
}
/** The CI plan identity's policy: read-only, and no value. */
function planPolicyName(manifest) {
    return (manifest.provision?.plan_policy ??
        `airflow-vault-sync-plan-${slug(manifest.vault.mount)}`);
}
/** Whether the sync and plan policies are written to Vault, not only printed. */
function createsSyncPolicy(provision) {
    return provision.sync_policy.create || provision.github_jwt !== undefined;
}
/** One AppRole per Deployment by default, so logins say who read. */
function recipients(manifest) {
    const template = manifest.provision?.approle.name;
    const mount = slug(manifest.vault.mount);
    const deployments = manifest.astro?.deployments ?? [];
    if (deployments.length === 0) {
        const role = (template ?? `airflow-${mount}`)
            .replaceAll('{deployment}', mount)
            .replaceAll('{mount}', mount);
        return [{ deploymentId: '', label: 'credentials hand-off', role }];
    }
    return deployments.map((d, index) => ({
        deploymentId: d.id,
        label: d.name ? `${d.name} (${d.id})` : d.id,
        role: (template ?? 'airflow-{deployment}')
            .replaceAll('{deployment}', slug(d.name ?? d.id))
            .replaceAll('{mount}', mount),
        index
    }));
}
/** Each distinct role, in manifest order. */
function roleNames(manifest) {
    return [...new Set(recipients(manifest).map((r) => r.role))];
}

;// CONCATENATED MODULE: ./src/core/provision/policies.ts
/** The base paths VaultBackend reads (null ones are never asked). */
function managedBases(manifest) {
    const v = manifest.vault;
    return [v.connections_path, v.variables_path, v.config_path]
        .filter((p) => p !== null)
        .map((p) => p.replace(/^\/+|\/+$/g, ''));
}
/** `mount/data/base/*`, or `mount/data/*` for a base of "" (keys at the top). */
function under(mount, prefix, base) {
    return [mount, prefix, base, '*'].filter((s) => s !== '').join('/');
}
function folder(mount, prefix, base) {
    return [mount, prefix, base].filter((s) => s !== '').join('/');
}
function render(header, rules) {
    const lines = header.map((h) => `# ${h}`);
    for (const [path, caps] of rules) {
        const list = caps.map((c) => `"${c}"`).join(', ');
        lines.push(`path "${path}" {`, `  capabilities = [${list}]`, '}');
    }
    return lines.join('\n') + '\n';
}
function readerRules(manifest, kv) {
    const mount = manifest.vault.mount;
    return managedBases(manifest).map((base) => [
        under(mount, kv === 2 ? 'data' : '', base),
        ['read']
    ]);
}
function readerPolicy(manifest, kv) {
    return render([
        `Airflow's VaultBackend: read-only on what airflow-vault-sync manages`,
        `in ${manifest.vault.mount}/ (KV v${kv}). No list, no write.`,
        'Written by `airflow-vault-sync provision`; edits are overwritten.'
    ], readerRules(manifest, kv));
}
function syncRules(manifest, kv) {
    const { mount, prune, prune_mode: mode } = manifest.vault;
    const rules = [];
    for (const base of managedBases(manifest)) {
        if (kv === 1) {
            const data = ['create', 'read', 'update', 'list'];
            if (prune !== false)
                data.push('delete');
            rules.push([under(mount, '', base), data]);
            if (base !== '')
                rules.push([folder(mount, '', base), ['list']]);
            continue;
        }
        const data = ['create', 'read', 'update'];
        if (prune !== false && mode === 'soft')
            data.push('delete');
        // create+update: ownership marks go into custom_metadata.
        const meta = ['create', 'read', 'update', 'list'];
        if (prune !== false && mode === 'destroy')
            meta.push('delete');
        rules.push([under(mount, 'data', base), data]);
        rules.push([under(mount, 'metadata', base), meta]);
        if (base !== '')
            rules.push([folder(mount, 'metadata', base), ['list']]);
    }
    // The KV version is found the way the vault CLI finds it.
    rules.push([`sys/internal/ui/mounts/${mount}`, ['read']]);
    return rules;
}
function syncPolicy(manifest, kv) {
    return render([
        `airflow-vault-sync plan, apply${manifest.vault.prune !== false ? ', prune' : ''} and drift`,
        `on ${manifest.vault.mount}/ (KV v${kv}), for the CI identity.`,
        'Written by `airflow-vault-sync provision`; edits are overwritten.'
    ], syncRules(manifest, kv));
}
/**
 * The plan identity, which pull requests get: a same-repository pull
 * request can change the workflow and run anything with this token, so
 * it reads no value. On KV v2, plan compares the fingerprints apply
 * records in custom_metadata (metadata read); on KV v1, which has no
 * metadata, it lists names and says it cannot compare the rest.
 */
function planRules(manifest, kv) {
    const mount = manifest.vault.mount;
    const rules = [];
    for (const base of managedBases(manifest)) {
        if (kv === 2) {
            rules.push([
                under(mount, 'metadata', base),
                base === '' ? ['read', 'list'] : ['read']
            ]);
            if (base !== '')
                rules.push([folder(mount, 'metadata', base), ['list']]);
        }
        else {
            rules.push([
                base === '' ? `${mount}/` : folder(mount, '', base),
                ['list']
            ]);
        }
    }
    rules.push([`sys/internal/ui/mounts/${mount}`, ['read']]);
    // Plan asks which values it may read before reading any.
    rules.push(['sys/capabilities-self', ['update']]);
    return rules;
}
function planPolicy(manifest, kv) {
    return render([
        `airflow-vault-sync plan and drift on ${manifest.vault.mount}/ (KV v${kv}), for pull requests:`,
        kv === 2
            ? 'metadata (fingerprints, ownership) and names only; no value, no write.'
            : 'names only (KV v1 keeps no fingerprint); no value, no write.',
        'Written by `airflow-vault-sync provision`; edits are overwritten.'
    ], planRules(manifest, kv));
}

;// CONCATENATED MODULE: ./src/core/provision/policy-diff.ts
/**
 * A line diff of two policies, for the plan: policies are short, so the
 * quadratic LCS is fine and keeps the output exactly what a reviewer wants
 * (- removed, + added, unchanged lines left out).
 */
function policyDiff(before, after) {
    const a = lines(before);
    const b = lines(after);
    const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            const row = lcs[i];
            row[j] =
                a[i] === b[j]
                    ? (lcs[i + 1]?.[j + 1] ?? 0) + 1
                    : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
        }
    }
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) {
            i++;
            j++;
        }
        else if (i < a.length &&
            (j >= b.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
            // Removals before additions, as diff(1) shows a changed block.
            out.push(`- ${a[i++]}`);
        }
        else {
            out.push(`+ ${b[j++]}`);
        }
    }
    return out;
}
/** Vault stores the text as sent; trailing blanks are not a change. */
function samePolicy(a, b) {
    return lines(a).join('\n') === lines(b).join('\n');
}
function lines(text) {
    const all = text.split('\n').map((l) => l.replace(/\s+$/, ''));
    while (all.length > 0 && all[all.length - 1] === '')
        all.pop();
    return all;
}

;// CONCATENATED MODULE: ./src/core/provision/state.ts
/** The mount that would hold `path`, or one `path` would sit inside. */
function overlappingMount(mounts, path) {
    const want = path.replace(/\/*$/, '/');
    return Object.keys(mounts).find((m) => m !== want && (want.startsWith(m) || m.startsWith(want)));
}

;// CONCATENATED MODULE: ./src/core/provision/plan-vault.ts






function planVault(manifest, provision, state) {
    const conflicts = [];
    const steps = [];
    const mount = manifest.vault.mount;
    const existing = state.mounts[`${mount}/`];
    let kvVersion = manifest.vault.kv_version ?? 2;
    if (existing === undefined) {
        const overlap = overlappingMount(state.mounts, mount);
        if (overlap) {
            conflicts.push(`vault.mount "${mount}" overlaps the existing mount "${overlap}"; choose a mount path outside it`);
        }
        else if (!provision.create_mount) {
            conflicts.push(`there is no mount at "${mount}/" and provision.create_mount is false; enable it (vault secrets enable -path=${mount} kv-v2) or set create_mount: true`);
        }
        steps.push(step('mount', `sys/mounts/${mount}`, `${mount}/`, 'create', [`KV v${kvVersion}`], {
            type: 'kv',
            options: { version: String(kvVersion) },
            description: 'Airflow secrets, synced by airflow-vault-sync'
        }));
    }
    else if (existing.type !== 'kv' && existing.type !== 'generic') {
        conflicts.push(`"${mount}/" is already a ${existing.type} engine, not KV; set vault.mount to another path`);
    }
    else {
        const found = existing.version === '2' ? 2 : 1;
        if (manifest.vault.kv_version !== undefined && found !== kvVersion) {
            conflicts.push(`"${mount}/" is KV v${found} but vault.kv_version is ${kvVersion}; fix kv_version${found === 1 ? `, or upgrade the mount (vault kv enable-versioning ${mount}/)` : ''}`);
        }
        kvVersion = found;
        steps.push(step('mount', `sys/mounts/${mount}`, `${mount}/`, 'unchanged'));
    }
    steps.push(authMount(state, provision.approle.mount, 'approle', conflicts));
    const reader = readerPolicyName(manifest);
    steps.push(policyStep(state, reader, readerPolicy(manifest, kvVersion)));
    if (createsSyncPolicy(provision)) {
        const name = syncPolicyName(manifest);
        steps.push(policyStep(state, name, syncPolicy(manifest, kvVersion)));
        const plan = planPolicyName(manifest);
        steps.push(policyStep(state, plan, planPolicy(manifest, kvVersion)));
    }
    for (const role of roleNames(manifest)) {
        steps.push(appRoleStep(state, provision, role, reader));
    }
    const jwt = provision.github_jwt;
    if (jwt) {
        steps.push(authMount(state, jwt.mount, 'jwt', conflicts));
        const cfg = { oidc_discovery_url: jwt.issuer, bound_issuer: jwt.issuer };
        const path = `auth/${jwt.mount}/config`;
        const current = state.jwtConfig;
        if (current && changedFields(current, cfg).length > 0) {
            conflicts.push(`auth/${jwt.mount}/ trusts ${current.bound_issuer || current.oidc_discovery_url || 'other keys'}, not ${jwt.issuer}; set provision.github_jwt.mount to a JWT mount of its own`);
        }
        steps.push(step('jwt-config', path, jwt.mount, current ? 'unchanged' : 'create', [], cfg));
        steps.push(jwtRoleStep(state, jwt, 'plan', planPolicyName(manifest)), jwtRoleStep(state, jwt, 'apply', syncPolicyName(manifest)));
        if (state.legacyJwtRole) {
            const role = state.legacyJwtRole;
            steps.push(step('jwt-role', `auth/${jwt.mount}/role/${role}`, role, 'delete', [
                'the single role of an earlier provision, with the sync policy: pull requests could write with it'
            ]));
        }
    }
    return { kvVersion, steps, conflicts };
}
function policyStep(state, name, hcl) {
    const path = `sys/policies/acl/${name}`;
    const current = state.policies[name];
    if (current === null || current === undefined)
        return step('policy', path, name, 'create', [], { policy: hcl });
    if (samePolicy(current, hcl))
        return step('policy', path, name, 'unchanged');
    return step('policy', path, name, 'update', policyDiff(current, hcl), {
        policy: hcl
    });
}

;// CONCATENATED MODULE: ./src/core/provision/plan-credentials.ts

function planCredentials(inputs) {
    const plans = inputs.recipients.map((recipient) => {
        const mine = (inputs.secretIds[recipient.role] ?? []).filter((s) => s.deploymentId === recipient.deploymentId);
        const valid = mine.filter((s) => s.expiresAt === undefined || s.expiresAt > inputs.now);
        const reason = inputs.rotate
            ? 'rotation asked for (--rotate-secret-id)'
            : valid.length === 0
                ? mine.length === 0
                    ? 'none issued yet'
                    : 'every secret-id issued for it has expired'
                : inputs.staleDeployments.has(recipient.deploymentId)
                    ? 'its kwargs must be written, and a secret-id is shown only once'
                    : '';
        return {
            recipient,
            issue: reason !== '',
            reason,
            destroy: reason !== '' ? mine.map((s) => s.accessor) : []
        };
    });
    const steps = plans.map((p) => {
        const path = `auth/${inputs.approleMount}/role/${p.recipient.role}/secret-id`;
        if (!p.issue)
            return step('secret-id', path, p.recipient.label, 'unchanged');
        const details = [p.reason];
        if (p.destroy.length > 0)
            details.push(`then destroys ${p.destroy.length} older secret-id(s), by accessor, once the new one is in place`);
        return step('secret-id', path, p.recipient.label, 'issue', details);
    });
    return { plans, steps };
}

// EXTERNAL MODULE: ./src/clients/vault/session.ts + 7 modules
var vault_session = __webpack_require__(2791);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/clients/vault/transport.ts
var transport = __webpack_require__(5578);
;// CONCATENATED MODULE: ./src/clients/vault/admin-answers.ts
/** The shapes of the admin API's answers, normalised for comparison. */

const MountTable = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J().transform((v) => {
    const m = schemas/* object */.Ikc({
        type: schemas/* string */.YjP(),
        options: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish()
    })
        .safeParse(v);
    if (!m.success)
        return undefined;
    const version = m.data.options?.version;
    return { type: m.data.type, version: version ? String(version) : undefined };
}));
const Data = (data) => schemas/* object */.Ikc({ data });
const strings = schemas/* array */.YOg(schemas/* string */.YjP())
    .nullish()
    .transform((v) => [...(v ?? [])].sort());
const AppRoleAnswer = Data(schemas/* object */.Ikc({
    token_policies: strings,
    token_ttl: schemas/* number */.aig(),
    token_max_ttl: schemas/* number */.aig(),
    secret_id_ttl: schemas/* number */.aig(),
    secret_id_num_uses: schemas/* number */.aig(),
    bind_secret_id: schemas/* boolean */.zMY(),
    secret_id_bound_cidrs: strings,
    token_bound_cidrs: strings
}));
const JwtRoleAnswer = Data(schemas/* object */.Ikc({
    role_type: schemas/* string */.YjP(),
    user_claim: schemas/* string */.YjP(),
    bound_audiences: strings,
    bound_claims: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish(),
    bound_claims_type: schemas/* string */.YjP().default('string'),
    token_policies: strings,
    token_ttl: schemas/* number */.aig()
}));
const SecretIdAnswer = Data(schemas/* object */.Ikc({ secret_id: schemas/* string */.YjP(), secret_id_accessor: schemas/* string */.YjP() }));
const AccessorAnswer = Data(schemas/* object */.Ikc({
    metadata: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).nullish(),
    expiration_time: schemas/* string */.YjP().nullish()
}));
const ZERO_TIME = /^0001-01-01/;

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/clients/vault/admin.ts
/**
 * The admin API provision uses (vault-api.md §5, §7): mounts, auth
 * methods, ACL policies, AppRole and JWT roles, secret-ids by accessor.
 * Reads turn "absent" into null; everything else is a VaultError.
 */




class VaultAdmin {
    http;
    constructor(http) {
        this.http = http;
    }
    async mounts(kind) {
        const body = (await this.http.send({ method: 'GET', path: `sys/${kind}` }))
            .body;
        // sys/mounts answers in `data` and, for old clients, at the top level.
        const table = MountTable.parse(body.data ?? body);
        const out = {};
        for (const [path, info] of Object.entries(table))
            if (info && path.endsWith('/'))
                out[path] = info;
        return out;
    }
    async policy(name) {
        const body = await this.read((0,transport/* encodePath */.O0)('sys/policies/acl', name));
        return body
            ? Data(schemas/* object */.Ikc({ policy: schemas/* string */.YjP() })).parse(body).data.policy
            : null;
    }
    async appRole(mount, role) {
        const body = await this.read((0,transport/* encodePath */.O0)('auth', mount, 'role', role));
        return body ? AppRoleAnswer.parse(body).data : null;
    }
    async roleId(mount, role) {
        const path = (0,transport/* encodePath */.O0)('auth', mount, 'role', role, 'role-id');
        const body = await this.read(path);
        if (body === null) {
            throw new transport/* VaultError */.hb(`there is no AppRole ${role} at auth/${mount}/; run \`airflow-vault-sync provision\` first`, 404, path);
        }
        return Data(schemas/* object */.Ikc({ role_id: schemas/* string */.YjP() })).parse(body).data.role_id;
    }
    async jwtConfig(mount) {
        const body = await this.read((0,transport/* encodePath */.O0)('auth', mount, 'config'));
        if (!body)
            return null;
        return Data(schemas/* object */.Ikc({ oidc_discovery_url: schemas/* string */.YjP(), bound_issuer: schemas/* string */.YjP() })).parse(body).data;
    }
    async jwtRole(mount, role) {
        const body = await this.read((0,transport/* encodePath */.O0)('auth', mount, 'role', role));
        if (!body)
            return null;
        const d = JwtRoleAnswer.parse(body).data;
        return { ...d, bound_claims: d.bound_claims ?? {} };
    }
    /** This tool's secret-ids for a role, found by accessor; values never. */
    async managedSecretIds(mount, role) {
        const base = (0,transport/* encodePath */.O0)('auth', mount, 'role', role);
        const listed = await this.http.send({ method: 'GET', path: `${base}/secret-id?list=true` }, [200, 404]);
        if (listed.status === 404)
            return [];
        const keys = Data(schemas/* object */.Ikc({ keys: schemas/* array */.YOg(schemas/* string */.YjP()).nullish() })).parse(listed.body)
            .data.keys ?? [];
        const found = [];
        for (const accessor of keys) {
            const answer = await this.http.send({
                method: 'POST',
                path: `${base}/secret-id-accessor/lookup`,
                body: { secret_id_accessor: accessor }
            }, [200, 204, 400, 404]);
            if (answer.status !== 200)
                continue;
            const { metadata, expiration_time: expires } = AccessorAnswer.parse(answer.body).data;
            if (metadata?.['managed-by'] !== version/* TOOL_NAME */.l)
                continue;
            found.push({
                accessor,
                deploymentId: metadata.deployment ?? '',
                expiresAt: expires && !ZERO_TIME.test(expires) ? Date.parse(expires) : undefined
            });
        }
        return found;
    }
    async issueSecretId(mount, role, metadata, limits = {}) {
        const response = await this.http.send({
            method: 'POST',
            path: `${(0,transport/* encodePath */.O0)('auth', mount, 'role', role)}/secret-id`,
            body: { metadata: JSON.stringify(metadata), ...limits }
        });
        const d = SecretIdAnswer.parse(response.body).data;
        return { secretId: d.secret_id, accessor: d.secret_id_accessor };
    }
    /** Idempotent: an accessor already gone (a retried destroy) is done. */
    async destroySecretId(mount, role, accessor) {
        // An accessor already gone: Vault says 400, OpenBao 500, both with
        // "failed to find accessor entry". Not retried: the answer is final.
        const response = await this.http.send({
            method: 'POST',
            path: `${(0,transport/* encodePath */.O0)('auth', mount, 'role', role)}/secret-id-accessor/destroy`,
            body: { secret_id_accessor: accessor }
        }, [200, 204, 400, 500]);
        const errors = response.body?.errors;
        if (response.status >= 400 && !String(errors).includes('failed to find'))
            throw new transport/* VaultError */.hb(`cannot destroy secret-id ${accessor} of role ${role}: ${String(errors)}`, response.status, `auth/${mount}/role/${role}/secret-id-accessor/destroy`);
    }
    /** POST a plan step's body to its path. */
    async write(path, body) {
        await this.http.send({ method: 'POST', path: (0,transport/* encodePath */.O0)(path), body });
    }
    /** DELETE a plan step's path (a role provision retires). */
    async remove(path) {
        await this.http.send({ method: 'DELETE', path: (0,transport/* encodePath */.O0)(path) });
    }
    async read(path) {
        const response = await this.http.send({ method: 'GET', path }, [200, 404]);
        return response.status === 200 ? response.body : null;
    }
}

// EXTERNAL MODULE: ./src/clients/astro/index.ts + 9 modules
var clients_astro = __webpack_require__(2384);
// EXTERNAL MODULE: ./src/sync/astro-connection.ts
var astro_connection = __webpack_require__(9701);
;// CONCATENATED MODULE: ./src/provision/read-state.ts

/** The one role provision made before the plan/apply split. */
const LEGACY_JWT_ROLE = 'airflow-vault-sync';
/**
 * Everything provision compares against, read before the first write.
 * Roles under an auth mount that does not exist yet are simply absent.
 */
async function readProvisionState(admin, manifest, provision) {
    const [mounts, authMounts] = await Promise.all([
        admin.mounts('mounts'),
        admin.mounts('auth')
    ]);
    const state = {
        mounts,
        authMounts,
        policies: {},
        approles: {},
        secretIds: {},
        jwtRoles: {}
    };
    const policyNames = [readerPolicyName(manifest)];
    if (createsSyncPolicy(provision))
        policyNames.push(syncPolicyName(manifest), planPolicyName(manifest));
    for (const name of policyNames)
        state.policies[name] = await admin.policy(name);
    const approle = provision.approle.mount;
    if (authMounts[`${approle}/`]?.type === 'approle') {
        for (const role of roleNames(manifest)) {
            state.approles[role] = await admin.appRole(approle, role);
            state.secretIds[role] = state.approles[role]
                ? await admin.managedSecretIds(approle, role)
                : [];
        }
    }
    const jwt = provision.github_jwt;
    if (jwt && authMounts[`${jwt.mount}/`]?.type === 'jwt') {
        state.jwtConfig = await admin.jwtConfig(jwt.mount);
        for (const role of [jwt.plan_role, jwt.apply_role])
            state.jwtRoles[role] = await admin.jwtRole(jwt.mount, role);
        const legacy = LEGACY_JWT_ROLE;
        if (legacy !== jwt.plan_role && legacy !== jwt.apply_role) {
            const old = await admin.jwtRole(jwt.mount, legacy);
            if (old?.token_policies.includes(syncPolicyName(manifest)))
                state.legacyJwtRole = legacy;
        }
    }
    return state;
}

// EXTERNAL MODULE: ./src/core/astro/index.ts + 5 modules
var core_astro = __webpack_require__(2665);
// EXTERNAL MODULE: ./src/core/provision/handoff.ts
var handoff = __webpack_require__(3269);
// EXTERNAL MODULE: ./src/sync/astro.ts
var astro = __webpack_require__(6696);
;// CONCATENATED MODULE: ./src/provision/deployments.ts




class DeploymentHandoff {
    manifest;
    kvVersion;
    read;
    connection;
    client;
    constructor(manifest, kvVersion, read, connection) {
        this.manifest = manifest;
        this.kvVersion = kvVersion;
        this.read = read;
        this.connection = connection;
        this.client = (0,clients_astro/* createAstroClient */.nY)({
            baseUrl: connection.baseUrl,
            token: connection.token,
            organizationId: connection.organizationId,
            retry: connection.retry
        });
    }
    /** GET each Deployment and plan it with the credentials' stand-in. */
    async view() {
        const views = [];
        for (const [index, d] of (this.manifest.astro?.deployments ?? []).entries()) {
            const current = await this.client.getDeployment(d.id);
            views.push({
                id: d.id,
                index,
                current,
                plan: (0,core_astro/* planDeployment */.HN)(current, this.desired(index))
            });
        }
        return views;
    }
    /**
     * POST the kwargs with the new credentials; waits if the manifest says
     * so. `mask` is told the secret KWARGS value before it is sent.
     */
    async handOver(view, credentials, mask) {
        const desired = this.desired(view.index, credentials);
        mask(desired.kwargsJson);
        const plan = (0,core_astro/* planDeployment */.HN)(view.current, desired, { forceKwargs: true });
        if (plan.action === 'skipped' || !plan.body)
            return plan;
        await this.client.updateDeployment(view.id, plan.body);
        const astro = this.manifest.astro;
        const wait = astro?.deployments[view.index]?.wait ?? astro?.wait;
        if (wait === 'healthy') {
            await (0,clients_astro/* waitForHealthy */.SE)(this.client, view.id, {
                intervalMs: this.connection.waitIntervalMs
            });
        }
        return plan;
    }
    desired(index, credentials) {
        const id = this.manifest.astro?.deployments[index]?.id ?? '';
        const kwargs = (0,astro/* deploymentKwargs */.Vq)(this.manifest, index, this.kvVersion, this.read, credentials);
        return {
            kwargsJson: (0,core_astro/* canonicalKwargsJson */.MT)(kwargs),
            fingerprint: (0,core_astro/* fingerprint */.Rj)((0,handoff/* publicKwargs */.X8)(kwargs), id)
        };
    }
}

;// CONCATENATED MODULE: ./src/provision/apply.ts

async function applyProvision(ctx) {
    const { report, admin } = ctx;
    const pending = report.steps.filter((s) => s.kind !== 'secret-id' &&
        s.action !== 'unchanged' &&
        (s.body || s.action === 'delete'));
    for (const [i, s] of pending.entries()) {
        try {
            if (s.action === 'delete')
                await admin.remove(s.path);
            else
                await admin.write(s.path, s.body);
            report.done.push(`${s.kind} ${s.name}: ${s.action}d`);
        }
        catch (cause) {
            report.notAttempted.push(...pending.slice(i + 1).map((p) => `${p.kind} ${p.name}`), ...ctx.credentials
                .filter((c) => c.issue)
                .map((c) => `secret-id for ${c.recipient.label}`));
            throw cause;
        }
    }
    const roleIds = new Map();
    const issuing = ctx.credentials.filter((c) => c.issue);
    for (const [i, plan] of issuing.entries()) {
        try {
            await rotate(ctx, plan, roleIds);
        }
        catch (cause) {
            report.notAttempted.push(...issuing.slice(i + 1).map((c) => `secret-id for ${c.recipient.label}`));
            throw cause;
        }
    }
}
/** Issue, hand over, then destroy the old: one recipient's rotation. */
async function rotate(ctx, plan, roleIds) {
    const { report, admin } = ctx;
    const mount = ctx.provision.approle.mount;
    const { role, deploymentId, label } = plan.recipient;
    const roleId = roleIds.get(role) ?? (await admin.roleId(mount, role));
    roleIds.set(role, roleId);
    const issued = await admin.issueSecretId(mount, role, {
        'managed-by': version/* TOOL_NAME */.l,
        manifest: report.manifestFile.slice(0, 512),
        // OpenBao refuses an empty metadata value; absent reads back as ''.
        ...(deploymentId !== '' ? { deployment: deploymentId } : {})
    });
    const creds = { roleId, secretId: issued.secretId };
    ctx.request.onSecrets?.([roleId, issued.secretId]);
    report.secrets.push(roleId, issued.secretId);
    report.done.push(`secret-id for ${label}: issued`);
    if (!(await handOver(ctx, plan, creds, issued.accessor))) {
        // Never leave a valid credential nobody holds.
        await admin
            .destroySecretId(mount, role, issued.accessor)
            .catch(() => undefined);
        report.done.push(`secret-id for ${label}: new one destroyed, the old one still works`);
        return;
    }
    for (const accessor of plan.destroy) {
        await admin.destroySecretId(mount, role, accessor);
        report.done.push(`secret-id for ${label}: old one ${accessor} destroyed`);
    }
}
async function handOver(ctx, plan, creds, accessor) {
    const { deploymentId, role } = plan.recipient;
    if (deploymentId === '') {
        ctx.report.handedOff = ctx.request.handOff?.({
            role,
            authMount: ctx.provision.approle.mount,
            roleId: creds.roleId,
            secretId: creds.secretId,
            secretIdAccessor: accessor
        });
        return true;
    }
    const view = ctx.views.find((v) => v.id === deploymentId);
    const outcome = ctx.report.deployments.find((d) => d.id === deploymentId);
    if (!view || !ctx.handoff || !outcome)
        return false;
    try {
        const plan = await ctx.handoff.handOver(view, creds, (json) => ctx.request.onSecrets?.([json]));
        outcome.status = plan.action === 'skipped' ? 'unchanged' : 'updated';
        return plan.action !== 'skipped';
    }
    catch (cause) {
        outcome.status = 'failed';
        outcome.error = cause instanceof Error ? cause.message : String(cause);
        return false;
    }
}

// EXTERNAL MODULE: ./src/core/validate/validate.ts + 21 modules
var validate = __webpack_require__(4191);
// EXTERNAL MODULE: ./src/core/sync/resolve.ts
var resolve = __webpack_require__(5663);
;// CONCATENATED MODULE: ./src/provision/prepare.ts


/**
 * Validation, then only the Astro kwargs' references: provision and
 * check-access never need the connections' secrets, so the operator need
 * not hold them. Problems go into `report`; undefined means stop.
 */
function prepare(request, report) {
    const validation = (0,validate/* validateManifest */.y)(request.text, request.validate);
    report.problems = validation.problems;
    const manifest = validation.manifest;
    if (!manifest || report.problems.some((p) => p.severity === 'error'))
        return undefined;
    const resolved = (0,resolve/* resolveValues */.h)(manifest, request.validate.manifestDir, request.validate.values, (path) => path[0] === 'astro');
    report.secrets = resolved.secrets;
    if (resolved.problems.length > 0) {
        report.problems.push(...resolved.problems.map(validation.place));
        return undefined;
    }
    request.onSecrets?.(resolved.secrets);
    return { manifest, read: resolved.read, place: validation.place };
}

// EXTERNAL MODULE: ./src/sync/secret-forms.ts
var secret_forms = __webpack_require__(1829);
// EXTERNAL MODULE: ./src/io/vault-env.ts + 1 modules
var vault_env = __webpack_require__(3145);
// EXTERNAL MODULE: ./src/core/render/address.ts
var address = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/provision/policies.ts


/** The policies as HCL, for the plan: the CI ones even when not written. */
function describePolicies(manifest, provision, kvVersion) {
    return {
        reader: {
            name: readerPolicyName(manifest),
            hcl: readerPolicy(manifest, kvVersion)
        },
        sync: {
            name: syncPolicyName(manifest),
            hcl: syncPolicy(manifest, kvVersion),
            written: createsSyncPolicy(provision)
        },
        plan: {
            name: planPolicyName(manifest),
            hcl: planPolicy(manifest, kvVersion),
            written: createsSyncPolicy(provision)
        }
    };
}

;// CONCATENATED MODULE: ./src/provision/run.ts
/**
 * provision: validate, read what Vault and Astro have, plan every mount,
 * policy, role and secret-id, and (unless only planning) carry it out.
 * A conflict or a missing hand-off stops the run before the first write.
 */

















async function runProvision(request) {
    // Vault and Astro may quote what we sent (the kwargs hold a secret-id):
    // every text in the report leaves redacted.
    const report = await provision(request);
    const astroToken = request.astro?.token;
    return (0,secret_forms/* redactReport */.a5)(report, [
        ...report.secrets,
        ...(0,vault_env/* connectionSecrets */.K$)(request.connection),
        ...(astroToken ? [astroToken] : [])
    ]);
}
async function provision(request) {
    const report = {
        manifestFile: request.validate.file,
        problems: [],
        planOnly: request.planOnly,
        rotate: request.rotate,
        steps: [],
        deployments: [],
        conflicts: [],
        done: [],
        notAttempted: [],
        secrets: []
    };
    const prepared = prepare(request, report);
    if (!prepared)
        return report;
    const { manifest, place } = prepared;
    const provision = manifest.provision;
    const astro = (0,astro_connection/* astroConnection */._)(manifest, request.astro);
    if (!provision || 'problem' in astro) {
        report.problems.push(place('problem' in astro
            ? astro.problem
            : (0,problems/* error */.z3)('provision-missing', [], 'the manifest has no provision: section; add one (`provision: {}` takes the defaults) to say that provision owns the policies, the AppRole and the Deployments’ credentials')));
        return report;
    }
    const namespace = manifest.vault.namespace ?? request.connection.namespace;
    let session;
    try {
        session = await vault_session/* VaultSession */.b.open({ ...request.connection, namespace });
        report.address = (0,address/* shownAddress */.U)(request.connection.address);
        const admin = new VaultAdmin(session.http);
        const state = await readProvisionState(admin, manifest, provision);
        const vault = planVault(manifest, provision, state);
        report.kvVersion = vault.kvVersion;
        report.conflicts = vault.conflicts;
        report.policies = describePolicies(manifest, provision, vault.kvVersion);
        const handoff = 'connection' in astro && astro.connection
            ? new DeploymentHandoff(manifest, vault.kvVersion, prepared.read, astro.connection)
            : undefined;
        const views = (await handoff?.view()) ?? [];
        const credentials = planCredentials({
            approleMount: provision.approle.mount,
            // Remote Execution agents read Helm values, not the Deployment's
            // variables: provision cannot hand them credentials (see the plan).
            recipients: recipients(manifest).filter((r) => !views.some((v) => v.id === r.deploymentId && v.plan.action === 'skipped')),
            secretIds: state.secretIds,
            staleDeployments: new Set(views.filter((v) => v.plan.action === 'update').map((v) => v.id)),
            rotate: request.rotate,
            now: request.now?.() ?? Date.now()
        });
        report.steps = [...vault.steps, ...credentials.steps];
        report.deployments = views.map((v) => ({
            id: v.id,
            label: deploymentLabel(v.id, manifest.astro?.deployments[v.index]?.name ?? v.plan.name),
            planned: credentials.plans.some((p) => p.issue && p.recipient.deploymentId === v.id)
                ? 'update'
                : v.plan.action,
            status: 'unchanged',
            ...(v.plan.action === 'skipped' ? { reason: REMOTE_EXECUTION } : {})
        }));
        const unhanded = credentials.plans.find((p) => p.issue && p.recipient.deploymentId === '' && !request.handOff);
        if (unhanded) {
            report.problems.push(place((0,problems/* error */.z3)('provision-no-handoff', ['provision'], `a secret-id for role ${unhanded.recipient.role} would be issued (${unhanded.reason}), but without astro: it needs somewhere to go: pass --credentials-file FILE (written with mode 0600), or run it in the Action, which sets the masked role-id and secret-id outputs`)));
            return report;
        }
        if (request.planOnly || vault.conflicts.length > 0)
            return report;
        await applyProvision({
            request,
            report,
            admin,
            provision,
            manifest,
            credentials: credentials.plans,
            views,
            handoff
        });
        return report;
    }
    catch (cause) {
        if (cause instanceof transport/* VaultError */.hb || cause instanceof clients_astro/* AstroApiError */.a5) {
            report.remoteError = cause.message;
            return report;
        }
        throw cause;
    }
    finally {
        await session?.close();
    }
}
function deploymentLabel(id, name) {
    return name ? `${name} (${id})` : id;
}
const REMOTE_EXECUTION = 'Remote Execution: its agents read Helm values, not the Deployment’s variables, so no secret-id is handed over; give the agents role_id and secret_id in their Helm values';

// EXTERNAL MODULE: ./src/core/sync/desired.ts
var desired = __webpack_require__(9757);
;// CONCATENATED MODULE: ./src/core/provision/access.ts


const WRITES = ['create', 'update', 'patch', 'delete', 'sudo'];
const OUTSIDE_KEY = 'airflow-vault-sync-outside-check';
function accessChecks(manifest, kv) {
    const { mount } = manifest.vault;
    const data = (p) => kv === 2 ? `${mount}/data/${p}` : `${mount}/${p}`;
    const checks = [];
    const sections = [
        ['connection', manifest.vault.connections_path, manifest.connections],
        ['variable', manifest.vault.variables_path, manifest.variables],
        ['config', manifest.vault.config_path, manifest.config]
    ];
    for (const [kind, base, entries] of sections) {
        if (base === null)
            continue;
        for (const key of Object.keys(entries)) {
            checks.push({
                path: data((0,desired/* secretPath */.s6)(base, key)),
                expect: ['read', 'no-write'],
                label: `${kind} ${key}`
            });
        }
    }
    for (const base of managedBases(manifest)) {
        const folder = kv === 2 ? `${mount}/metadata/${base}` : `${mount}/${base}`;
        checks.push({
            path: `${folder.replace(/\/+$/, '')}/`,
            expect: ['no-list'],
            label: `folder ${base === '' ? '(top)' : base}/`
        });
    }
    if (!managedBases(manifest).includes('')) {
        checks.push({
            path: data(OUTSIDE_KEY),
            expect: ['no-read'],
            label: `a path outside the managed ones`
        });
    }
    return checks;
}
function evaluateAccess(checks, granted) {
    const findings = [];
    for (const check of checks) {
        const have = granted[check.path] ?? ['deny'];
        const can = (c) => !have.includes('deny') && (have.includes(c) || have.includes('root'));
        const problems = [];
        if (check.expect.includes('read') && !can('read'))
            problems.push('cannot read it');
        const writes = WRITES.filter(can);
        if (check.expect.includes('no-write') && writes.length > 0)
            problems.push(`may also ${writes.join(', ')}`);
        if (check.expect.includes('no-list') && can('list'))
            problems.push('may list it');
        if (check.expect.includes('no-read') && can('read'))
            problems.push('may read it');
        if (problems.length > 0)
            findings.push({ check, granted: have, problem: problems.join('; ') });
    }
    return findings;
}

// EXTERNAL MODULE: ./src/core/manifest/value-ref.ts
var value_ref = __webpack_require__(856);
;// CONCATENATED MODULE: ./src/provision/identities.ts



async function provisionedIdentities(manifest, admin) {
    const mount = manifest.provision?.approle.mount ?? 'approle';
    const out = [];
    const roles = new Map();
    for (const r of recipients(manifest))
        roles.set(r.role, [...(roles.get(r.role) ?? []), r.label]);
    for (const [role, labels] of roles) {
        const roleId = await admin.roleId(mount, role);
        // Not tagged managed-by: provision must never count it as a hand-off.
        const { secretId } = await admin.issueSecretId(mount, role, { purpose: 'check-access', 'issued-by': version/* TOOL_NAME */.l }, { ttl: '5m', num_uses: 1 });
        out.push({
            who: `AppRole ${role} (${labels.join(', ')})`,
            auth: { method: 'approle', roleId, secretId, mount }
        });
    }
    return out;
}
/** The identities the Deployments' kwargs give Airflow, deduplicated. */
function kwargsIdentities(manifest, read) {
    const astro = manifest.astro;
    if (!astro)
        return [];
    const seen = new Map();
    for (const d of astro.deployments) {
        const kw = { ...astro.backend_kwargs, ...(d.backend_kwargs ?? {}) };
        const value = (k) => {
            const v = kw[k];
            if ((0,value_ref/* isValueRef */.pV)(v))
                return read(v);
            return typeof v === 'string' ? v : undefined;
        };
        const type = value('auth_type') ?? 'token';
        const mount = value('auth_mount_point') ?? 'approle';
        let auth;
        const roleId = value('role_id');
        const secretId = value('secret_id');
        const token = value('token');
        if (type === 'approle' && roleId && secretId)
            auth = { method: 'approle', roleId, secretId, mount };
        if (type === 'token' && token)
            auth = { method: 'token', token };
        if (!auth)
            continue;
        const key = JSON.stringify(auth);
        const who = `the ${type} login of Deployment ${d.name ?? d.id}`;
        const prior = seen.get(key);
        seen.set(key, prior
            ? { ...prior, who: `${prior.who}, ${d.name ?? d.id}` }
            : { who, auth });
    }
    return [...seen.values()];
}

;// CONCATENATED MODULE: ./src/provision/check-access.ts











/** Logs in as Airflow and proves its access, without reading a secret. */
async function runCheckAccess(request) {
    const report = await checkAccess(request);
    return (0,secret_forms/* redactReport */.a5)(report, [
        ...report.secrets,
        ...(request.operator ? (0,vault_env/* connectionSecrets */.K$)(request.connection) : [])
    ]);
}
async function checkAccess(request) {
    const report = {
        manifestFile: request.validate.file,
        problems: [],
        identities: [],
        secrets: []
    };
    const prepared = prepare(request, report);
    if (!prepared)
        return report;
    const { manifest, place } = prepared;
    const usesProvision = manifest.provision !== undefined;
    if (!usesProvision &&
        kwargsIdentities(manifest, prepared.read).length === 0) {
        report.problems.push(place((0,problems/* error */.z3)('check-access-no-identity', [], 'nothing to check with: add a provision: section (check-access then logs in as each provisioned AppRole), or give the Deployments approle or token credentials in astro.backend_kwargs')));
        return report;
    }
    const namespace = manifest.vault.namespace ?? request.connection.namespace;
    const connection = { ...request.connection, namespace };
    let operator;
    try {
        let identities;
        if (usesProvision) {
            if (!request.operator)
                throw new transport/* VaultError */.hb('check-access logs in as each provisioned AppRole with a one-use secret-id, which needs an operator token: set VAULT_TOKEN (or AppRole/JWT credentials) allowed to issue secret-ids', undefined, 'auth');
            operator = await vault_session/* VaultSession */.b.open(connection);
            identities = await provisionedIdentities(manifest, new VaultAdmin(operator.http));
        }
        else {
            identities = kwargsIdentities(manifest, prepared.read);
        }
        request.onSecrets?.(identities.flatMap((i) => secretsOf(i)));
        report.secrets.push(...identities.flatMap((i) => secretsOf(i)));
        // The mount's version, asked once: by the operator, or by the first
        // identity that may ask (one without access falls back, a finding).
        let found = await operator?.detectKvVersion(manifest.vault.mount, manifest.vault.kv_version);
        for (const identity of identities) {
            const session = await vault_session/* VaultSession */.b.open({
                ...connection,
                auth: identity.auth
            });
            try {
                found ??= await session
                    .detectKvVersion(manifest.vault.mount, manifest.vault.kv_version)
                    .catch(() => undefined);
                const kv = found ?? manifest.vault.kv_version ?? 2;
                report.kvVersion = kv;
                const checks = accessChecks(manifest, kv);
                const granted = await session.capabilities(checks.map((c) => c.path));
                report.identities.push({
                    who: identity.who,
                    checked: checks.length,
                    findings: evaluateAccess(checks, granted)
                });
            }
            finally {
                await session.close();
            }
        }
        if (report.kvVersion &&
            report.identities.some((i) => i.findings.length > 0)) {
            report.fix = {
                name: readerPolicyName(manifest),
                hcl: readerPolicy(manifest, report.kvVersion)
            };
        }
        return report;
    }
    catch (cause) {
        if (!(cause instanceof transport/* VaultError */.hb))
            throw cause;
        report.remoteError = cause.message;
        return report;
    }
    finally {
        await operator?.close();
    }
}
function secretsOf(identity) {
    const a = identity.auth;
    if (a.method === 'approle')
        return [a.roleId, a.secretId];
    if (a.method === 'token')
        return [a.token];
    return [a.jwt];
}

// EXTERNAL MODULE: ./src/core/render/json.ts
var json = __webpack_require__(3964);
;// CONCATENATED MODULE: ./src/core/provision/report.ts

function provisionExitCode(report) {
    if (report.problems.some((p) => p.severity === 'error'))
        return 1;
    if (report.conflicts.length > 0 || report.remoteError)
        return 3;
    if (report.deployments.some((d) => d.status === 'failed'))
        return 3;
    return 0;
}
/** Whether a rerun would do anything: provision's own drift signal. */
function provisionChanges(report) {
    return (report.steps.filter((s) => s.action !== 'unchanged').length +
        report.deployments.filter((d) => d.planned === 'update').length);
}
function provisionJson(report) {
    return (0,json/* jsonReport */.L)('provision', report.problems, {
        ok: provisionExitCode(report) === 0,
        plan_only: report.planOnly,
        rotate: report.rotate,
        ...(report.remoteError ? { error: report.remoteError } : {}),
        ...(report.conflicts.length > 0 ? { conflicts: report.conflicts } : {}),
        vault: {
            address: report.address,
            kv_version: report.kvVersion,
            // Unknown when Vault could not be read at all.
            changes: report.remoteError && report.steps.length === 0
                ? null
                : provisionChanges(report),
            steps: report.steps.map((s) => ({
                kind: s.kind,
                name: s.name,
                path: s.path,
                action: s.action,
                details: s.details
            })),
            done: report.done,
            not_attempted: report.notAttempted
        },
        policies: report.policies,
        deployments: report.deployments,
        ...(report.handedOff ? { handed_off: report.handedOff } : {})
    });
}

;// CONCATENATED MODULE: ./src/core/provision/access-report.ts

function checkAccessExitCode(report) {
    if (report.problems.some((p) => p.severity === 'error'))
        return 1;
    if (report.remoteError)
        return 3;
    return report.identities.some((i) => i.findings.length > 0) ? 1 : 0;
}
function checkAccessJson(report) {
    return (0,json/* jsonReport */.L)('check-access', report.problems, {
        ok: checkAccessExitCode(report) === 0,
        ...(report.remoteError ? { error: report.remoteError } : {}),
        kv_version: report.kvVersion,
        identities: report.identities.map((i) => ({
            who: i.who,
            checked: i.checked,
            findings: i.findings.map((f) => ({
                path: f.check.path,
                what: f.check.label,
                problem: f.problem,
                capabilities: f.granted
            }))
        })),
        ...(report.fix ? { fix: report.fix } : {})
    });
}
function renderCheckAccessText(report) {
    const out = [];
    for (const i of report.identities) {
        if (i.findings.length === 0) {
            out.push(`${i.who}: ok: reads every managed secret; no write, no list, nothing outside (${i.checked} paths checked)\n`);
            continue;
        }
        out.push(`${i.who}: ${i.findings.length} of ${i.checked} checks fail:\n`);
        for (const f of i.findings)
            out.push(`  ${f.check.label} (${f.check.path}): ${f.problem}\n`);
    }
    const fix = report.fix;
    if (fix) {
        const unread = report.identities.some((i) => i.findings.some((f) => f.problem.includes('cannot read')));
        if (unread && report.kvVersion === 2) {
            out.push(`\nOn KV v2 every path has data/ after the mount: a rule on "secret/*" or on the mount without data/ does not reach these secrets.\n`);
        }
        out.push(`\nThe fix: give Airflow's role only this policy (\`airflow-vault-sync provision\` writes it as ${fix.name}):\n`);
        out.push(fix.hcl);
    }
    return out.join('');
}

// EXTERNAL MODULE: ./src/core/render/escape-markdown.ts
var escape_markdown = __webpack_require__(5371);
;// CONCATENATED MODULE: ./src/core/render/provision-markdown.ts


const ICON = {
    create: '➕',
    update: '✏️',
    issue: '🔑',
    unchanged: '·'
};
/** provision for the job summary: the plan, what was done, both policies. */
function renderProvisionMarkdown(report) {
    const parts = [];
    if (report.address)
        parts.push(`Vault ${(0,escape_markdown/* mdCode */.x)(report.address, false)}${report.kvVersion ? `, KV v${report.kvVersion}` : ''}`);
    if (report.steps.length > 0) {
        const rows = report.steps.map((s) => `| ${ICON[s.action] ?? ''} ${s.action} | ${s.kind} | ${(0,escape_markdown/* mdCode */.x)(s.name)} | ${(0,escape_markdown/* mdText */.b)(s.details.join('; '))} |`);
        parts.push(['| | what | name | details |', '|---|---|---|---|', ...rows].join('\n'));
    }
    if (report.deployments.length > 0) {
        parts.push(report.deployments
            .map((d) => `- Deployment ${(0,escape_markdown/* mdText */.b)(d.label)}: ${d.status === 'failed' ? `❌ ${(0,escape_markdown/* mdText */.b)(d.error ?? '')}` : d.status === 'updated' ? 'updated with new credentials' : d.planned === 'update' ? (report.planOnly ? 'would get new credentials' : 'not updated') : d.reason ? `${d.planned}: ${(0,escape_markdown/* mdText */.b)(d.reason)}` : d.planned}`)
            .join('\n'));
    }
    for (const c of report.conflicts)
        parts.push(`❌ ${(0,escape_markdown/* mdText */.b)(c)}`);
    if (!report.planOnly && report.done.length > 0)
        parts.push([
            '**Done:**',
            ...report.done.map((d) => `- ${d}`),
            ...report.notAttempted.map((n) => `- not attempted: ${n}`)
        ].join('\n'));
    if (report.handedOff)
        parts.push(`Credentials: ${report.handedOff}`);
    if (report.policies) {
        const { reader, sync, plan } = report.policies;
        parts.push(`<details><summary>Policy <code>${reader.name}</code> (Airflow, read-only)</summary>\n\n\`\`\`hcl\n${reader.hcl}\`\`\`\n</details>`);
        parts.push(`<details><summary>Policy <code>${sync.name}</code> (the CI sync identity${sync.written ? '' : ', printed only'})</summary>\n\n\`\`\`hcl\n${sync.hcl}\`\`\`\n</details>`);
        parts.push(`<details><summary>Policy <code>${plan.name}</code> (the CI plan identity, read-only${plan.written ? '' : ', printed only'})</summary>\n\n\`\`\`hcl\n${plan.hcl}\`\`\`\n</details>`);
    }
    if (report.remoteError)
        parts.push(`❌ ${(0,escape_markdown/* mdText */.b)(report.remoteError)}`);
    return parts.join('\n\n') + '\n';
}
/** check-access for the job summary: the findings as text, then the fix. */
function renderCheckAccessMarkdown(report) {
    const text = renderCheckAccessText(report);
    const parts = text ? [`\`\`\`\n${text}\`\`\``] : [];
    if (report.remoteError)
        parts.push(`❌ ${(0,escape_markdown/* mdText */.b)(report.remoteError)}`);
    return parts.join('\n\n') + '\n';
}

// EXTERNAL MODULE: ./src/core/render/markdown.ts + 1 modules
var markdown = __webpack_require__(7751);
// EXTERNAL MODULE: ./src/io/manifest-file.ts + 1 modules
var manifest_file = __webpack_require__(9341);
;// CONCATENATED MODULE: ./src/io/operator-connection.ts

/**
 * check-access may run with no Vault credentials of its own: it then logs
 * in only with the credentials in the manifest's kwargs. The address, TLS
 * and proxy settings still come from the environment.
 */
function operatorConnection(env, warn) {
    const hasCredentials = Boolean(env.VAULT_TOKEN || env.VAULT_ROLE_ID || env.VAULT_JWT_ROLE);
    // A stand-in token, never sent: every login below has its own.
    const connection = (0,vault_env/* connectionFromEnv */.WG)(hasCredentials ? env : { ...env, VAULT_TOKEN: 'none' }, { concurrency: 4 }, warn);
    return { connection, operator: hasCredentials };
}

// EXTERNAL MODULE: ./src/action/mask.ts
var mask = __webpack_require__(1368);
// EXTERNAL MODULE: ./src/action/report.ts
var action_report = __webpack_require__(1658);
// EXTERNAL MODULE: ./src/action/connections.ts + 1 modules
var connections = __webpack_require__(9004);
;// CONCATENATED MODULE: ./src/action/provision-step.ts













/**
 * provision and provision-plan. Without astro:, the new role_id and
 * secret_id become the masked outputs role-id and secret-id: registered
 * with the runner before they are set, so no later step can print them.
 */
async function runProvisionStep(settings, manifest) {
    const { connection, astro } = await (0,connections/* maskedConnections */.N)(settings, 4);
    const report = await runProvision({
        text: manifest.text,
        validate: (0,manifest_file/* validationInputs */.Rp)(manifest, settings.vaultEnv, settings.workspace),
        connection,
        astro,
        planOnly: settings.command === 'provision-plan',
        rotate: settings.rotateSecretId,
        onSecrets: (secrets) => secrets.forEach(mask/* maskSecret */.$),
        handOff: (c) => {
            (0,mask/* maskSecret */.$)(c.roleId);
            (0,mask/* maskSecret */.$)(c.secretId);
            core/* setOutput */.uH('role-id', c.roleId);
            core/* setOutput */.uH('secret-id', c.secretId);
            return `role_id and secret_id of role ${c.role} set as the step outputs role-id and secret-id (masked)`;
        }
    });
    const summary = (0,markdown/* renderProblemsMarkdown */.qE)(manifest.display, report.problems) +
        '\n' +
        renderProvisionMarkdown(report);
    (0,action_report/* publishReport */.S3)(provisionJson(report), report.problems, summary);
    core/* setOutput */.uH('changed', String(provisionChanges(report) > 0));
    const code = provisionExitCode(report);
    const why = report.remoteError ??
        (report.conflicts.length > 0
            ? `${report.conflicts.join('; ')}; nothing was written`
            : undefined);
    if (why) {
        (0,action_report/* failStep */.vy)(why);
    }
    else if (code === 1)
        core/* setFailed */.C1(`${manifest.display} has problems`);
    else if (code === 3)
        core/* setFailed */.C1('some Deployments were not updated; see the summary');
    return summary;
}
/** check-access: Airflow's identity, logged in once, proves its access. */
async function runCheckAccessStep(settings, manifest) {
    const { connection, operator } = operatorConnection(settings.vaultEnv, (w) => (0,action_report/* warnStep */.fc)(w));
    if (operator)
        (0,vault_env/* connectionSecrets */.K$)(connection).forEach(mask/* maskSecret */.$);
    const report = await runCheckAccess({
        text: manifest.text,
        validate: (0,manifest_file/* validationInputs */.Rp)(manifest, settings.vaultEnv, settings.workspace),
        connection,
        operator,
        onSecrets: (secrets) => secrets.forEach(mask/* maskSecret */.$)
    });
    const summary = (0,markdown/* renderProblemsMarkdown */.qE)(manifest.display, report.problems) +
        '\n' +
        renderCheckAccessMarkdown(report);
    (0,action_report/* publishReport */.S3)(checkAccessJson(report), report.problems, summary);
    const code = checkAccessExitCode(report);
    if (report.remoteError) {
        (0,action_report/* failStep */.vy)(report.remoteError);
    }
    else if (code !== 0) {
        core/* setFailed */.C1("Airflow's Vault identity does not have exactly the access it needs; see the summary");
    }
    return summary;
}


/***/ })

};
