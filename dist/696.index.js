export const id = 696;
export const ids = [696];
export const modules = {

/***/ 3696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSyncStep: () => (/* binding */ runSyncStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/action/github-context.ts

/**
 * `@actions/github`'s `context` is built once at import; reading the same
 * variables here keeps each run (and each test) on its own event.
 */
function githubPlace(env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        return undefined;
    let pullRequest;
    if (env.GITHUB_EVENT_PATH && (0,external_node_fs_.existsSync)(env.GITHUB_EVENT_PATH)) {
        const payload = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        pullRequest = payload.pull_request?.number;
    }
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const runUrl = env.GITHUB_RUN_ID
        ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    return { owner, repo, pullRequest, runUrl };
}

;// CONCATENATED MODULE: ./src/action/pr-comment.ts

/** A PR comment is refused above this many characters. */
const MAX_COMMENT_CHARS = 65_536;
/** Hidden, per manifest: two manifests in one repo keep two comments. */
function commentMarker(manifest) {
    return `<!-- airflow-vault-sync:plan:${manifest} -->`;
}
/** The body, cut to fit: the summary first, a pointer when it is too long. */
function commentBody(marker, summary, runUrl) {
    const full = `${marker}\n${summary}`;
    if (full.length <= MAX_COMMENT_CHARS)
        return full;
    const pointer = `\n\n…the plan is too long for a comment${runUrl ? `: see [the run's summary](${runUrl})` : '; see the job summary'}.\n`;
    return full.slice(0, MAX_COMMENT_CHARS - pointer.length) + pointer;
}
/**
 * The sticky comment: found by its marker and updated in place, never
 * duplicated. Commenting never fails the step: a 403 becomes a warning
 * that names the permission, and a run outside a PR skips with a note.
 */
async function upsertPlanComment(octokit, place, manifest, summary, options) {
    if (options.mode === 'never')
        return 'skipped';
    if (place.pullRequest === undefined) {
        core/* info */.pq('Not a pull request run: no plan comment.');
        return 'skipped';
    }
    const issue = {
        owner: place.owner,
        repo: place.repo,
        issue_number: place.pullRequest
    };
    const marker = commentMarker(manifest);
    try {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            ...issue,
            per_page: 100
        });
        const mine = comments.find((c) => c.body?.includes(marker));
        // on-change: no new comment for a no-op plan, but an old one is
        // brought up to date so it never shows a stale plan.
        if (options.mode === 'on-change' && !options.changed && !mine)
            return 'skipped';
        const body = commentBody(marker, summary, place.runUrl);
        if (mine) {
            await octokit.rest.issues.updateComment({
                owner: place.owner,
                repo: place.repo,
                comment_id: mine.id,
                body
            });
            return 'updated';
        }
        await octokit.rest.issues.createComment({ ...issue, body });
        return 'created';
    }
    catch (cause) {
        const status = cause.status;
        core/* warning */.$e(status === 403
            ? 'Could not comment the plan on the pull request (403): give the job `permissions: pull-requests: write`.'
            : `Could not comment the plan on the pull request: ${cause instanceof Error ? cause.message : String(cause)}`);
        return 'skipped';
    }
}

;// CONCATENATED MODULE: ./src/action/drift-issue.ts


const DRIFT_LABEL = 'airflow-vault-sync-drift';
function driftMarker(manifest) {
    return `<!-- airflow-vault-sync:drift:${manifest} -->`;
}
/**
 * One issue per manifest tracks drift: opened (or updated) with the drift
 * table when a scheduled run finds drift, closed when a later run is clean.
 */
async function syncDriftIssue(octokit, place, manifest, summary, drifted) {
    const repo = { owner: place.owner, repo: place.repo };
    const marker = driftMarker(manifest);
    try {
        const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
            ...repo,
            state: 'open',
            labels: DRIFT_LABEL,
            per_page: 100
        });
        const mine = open.find((i) => i.body?.includes(marker));
        const body = commentBody(marker, summary, place.runUrl);
        if (drifted && mine) {
            await octokit.rest.issues.update({
                ...repo,
                issue_number: mine.number,
                body
            });
            return 'updated';
        }
        if (drifted) {
            await octokit.rest.issues.create({
                ...repo,
                title: `Drift between ${manifest} and Vault`,
                body,
                labels: [DRIFT_LABEL]
            });
            return 'opened';
        }
        if (mine) {
            const note = `Clean again: Vault matches \`${manifest}\`${place.runUrl ? ` ([run](${place.runUrl}))` : ''}.`;
            await octokit.rest.issues.createComment({
                ...repo,
                issue_number: mine.number,
                body: note
            });
            await octokit.rest.issues.update({
                ...repo,
                issue_number: mine.number,
                state: 'closed',
                state_reason: 'completed'
            });
            return 'closed';
        }
        return 'none';
    }
    catch (cause) {
        const status = cause.status;
        core/* warning */.$e(status === 403
            ? 'Could not open or update the drift issue (403): give the job `permissions: issues: write`.'
            : `Could not open or update the drift issue: ${cause instanceof Error ? cause.message : String(cause)}`);
        return 'none';
    }
}

// EXTERNAL MODULE: ./src/core/validate/validate.ts + 17 modules
var validate = __webpack_require__(2543);
// EXTERNAL MODULE: ./src/core/manifest/refs.ts
var refs = __webpack_require__(1115);
// EXTERNAL MODULE: ./src/core/manifest/value-ref.ts
var value_ref = __webpack_require__(856);
// EXTERNAL MODULE: ./src/core/problems.ts
var core_problems = __webpack_require__(536);
;// CONCATENATED MODULE: ./src/core/sync/resolve.ts



/**
 * Reads every reference before the first request, so a missing value stops
 * the run with its manifest location and nothing is written.
 */
function resolveValues(manifest, manifestDir, source) {
    const values = new Map();
    const problems = [];
    const keyOf = (ref) => JSON.stringify(ref);
    for (const { path, ref } of (0,refs/* collectRefs */.ny)(manifest)) {
        const value = (0,refs/* readRef */.sg)(ref, manifestDir, source);
        if (value === undefined) {
            problems.push((0,core_problems/* error */.z3)('value-missing', path, 'env' in ref
                ? `environment variable ${ref.env} is not set; set it for this run (from your CI's secrets)`
                : `${(0,value_ref/* describeRef */.Ro)(ref)} cannot be read; create it, or fix the path (relative to the manifest)`));
            continue;
        }
        values.set(keyOf(ref), value);
    }
    return {
        read: (ref) => {
            const value = values.get(keyOf(ref));
            if (value === undefined)
                throw new Error(`${(0,value_ref/* describeRef */.Ro)(ref)} was not resolved`);
            return value;
        },
        secrets: [...new Set(values.values())].filter((v) => v !== ''),
        problems
    };
}

// EXTERNAL MODULE: ./src/core/airflow/build-conn-uri.ts
var build_conn_uri = __webpack_require__(8692);
// EXTERNAL MODULE: ./src/core/airflow/parse-conn-uri.ts + 7 modules
var parse_conn_uri = __webpack_require__(5375);
// EXTERNAL MODULE: ./src/core/validate/rules/materialize.ts
var materialize = __webpack_require__(9339);
;// CONCATENATED MODULE: ./src/core/sync/desired.ts





function secretPath(base, key) {
    return base === '' ? key : `${base}/${key}`;
}
/** Every secret the manifest declares, with references already read. */
function desiredSecrets(manifest, read) {
    const { vault } = manifest;
    const out = [];
    if (vault.connections_path !== null) {
        for (const [id, entry] of Object.entries(manifest.connections)) {
            out.push({
                kind: 'connection',
                key: id,
                path: secretPath(vault.connections_path, id),
                data: connectionData(entry, vault.connection_format, read),
                at: ['connections', id]
            });
        }
    }
    const simple = [
        ['variable', vault.variables_path, manifest.variables, 'variables'],
        ['config', vault.config_path, manifest.config, 'config']
    ];
    for (const [kind, base, entries, section] of simple) {
        if (base === null)
            continue;
        for (const [key, value] of Object.entries(entries)) {
            out.push({
                kind,
                key,
                path: secretPath(base, key),
                data: { value: variableText(value, read) },
                at: [section, key]
            });
        }
    }
    return out;
}
/**
 * Airflow variables are strings: text as it is, numbers and booleans as
 * their YAML text, mappings and lists as JSON (Variable.get(...,
 * deserialize_json=True) reads them back).
 */
function variableText(value, read) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if ((0,value_ref/* isValueRef */.pV)(value))
        return read(value);
    return JSON.stringify(value);
}
function connectionData(entry, format, read) {
    if (entry.uri !== undefined) {
        const uri = typeof entry.uri === 'string' ? entry.uri : read(entry.uri);
        if (format === 'uri')
            return { conn_uri: uri };
        const parsed = (0,parse_conn_uri/* parseConnUri */.K)(uri);
        if (!parsed.ok)
            throw new Error(`unparsable uri: ${parsed.code}`);
        return fieldStyle(parsed.fields, entry.description);
    }
    const input = (0,materialize/* materializeConnection */.w)(entry, read);
    if (format === 'uri')
        return { conn_uri: (0,build_conn_uri/* buildConnUri */.vd)(input) };
    return fieldStyle((0,build_conn_uri/* connectionFieldsFromInput */.q6)(input), entry.description);
}
/** The field-style secret: only Connection's own keys, none empty (§4.6). */
function fieldStyle(fields, description) {
    const out = { conn_type: fields.conn_type };
    for (const key of [
        'host',
        'login',
        'password',
        'schema',
        'port',
        'extra'
    ]) {
        const value = fields[key];
        if (value !== null && value !== '')
            out[key] = value;
    }
    if (description)
        out.description = description;
    return out;
}

;// CONCATENATED MODULE: ./src/core/sync/changed-fields.ts

/** Fields whose old and new values may be shown: never a credential. */
const SHOWN_FIELDS = new Set([
    'conn_type',
    'host',
    'port',
    'schema',
    'login'
]);
/**
 * A connection as comparable fields: `conn_uri` parsed the way Airflow
 * parses it, or the field-style secret as it is; extra flattened to
 * `extra.<key>` so a plan says `extra.sslmode`, not just `extra`.
 */
function connectionFields(data) {
    let fields = data;
    if (typeof data.conn_uri === 'string' && data.conn_uri !== '') {
        const parsed = (0,parse_conn_uri/* parseConnUri */.K)(data.conn_uri);
        if (!parsed.ok)
            return null;
        fields = { ...parsed.fields };
    }
    const out = {};
    for (const [key, value] of Object.entries(fields)) {
        if (key === 'extra')
            Object.assign(out, flattenExtra(value));
        else if (value !== null && value !== '' && value !== undefined)
            out[key] = String(value);
    }
    return out;
}
function flattenExtra(extra) {
    let object = extra;
    if (typeof extra === 'string') {
        try {
            object = JSON.parse(extra);
        }
        catch {
            return { extra };
        }
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object)) {
        return object === null || object === ''
            ? {}
            : { extra: JSON.stringify(object) };
    }
    return Object.fromEntries(Object.entries(object).map(([k, v]) => [`extra.${k}`, JSON.stringify(v)]));
}
/** The names of what differs, in a stable order; values only when safe. */
function changedFields(kind, current, desired) {
    const a = kind === 'connection' ? connectionFields(current) : current;
    const b = kind === 'connection' ? connectionFields(desired) : desired;
    if (a === null || b === null)
        return [{ field: Object.keys(desired)[0] ?? 'value' }];
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys
        .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
        .map((field) => SHOWN_FIELDS.has(field)
        ? { field, from: show(a[field]), to: show(b[field]) }
        : { field });
}
function show(value) {
    return value === undefined ? '(none)' : String(value);
}
/** Same secret, whatever the key order: Vault returns keys sorted. */
function sameData(current, desired) {
    return canonical(current) === canonical(desired);
}
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/core/sync/ownership.ts

/**
 * KV v2 custom_metadata written with each secret: how a later run knows
 * which secrets it owns, so prune never deletes what someone else wrote.
 * KV v1 has no metadata, so there ownership is unknown.
 */
function ownershipMarks(manifestFile) {
    return { 'managed-by': version/* TOOL_NAME */.l, manifest: manifestFile.slice(0, 512) };
}
function isOwned(customMetadata, manifestFile) {
    const marks = ownershipMarks(manifestFile);
    return (customMetadata?.['managed-by'] === marks['managed-by'] &&
        customMetadata?.manifest === marks.manifest);
}

;// CONCATENATED MODULE: ./src/core/sync/plan.ts


/** What apply would do, from what the reads found: no request here. */
function planChanges(desired, state, options) {
    const v2 = state.kvVersion === 2;
    const changes = desired.map((secret) => {
        const read = state.reads.get(secret.path) ?? { state: 'absent' };
        const base = {
            kind: secret.kind,
            key: secret.key,
            path: secret.path,
            data: secret.data
        };
        if (read.state !== 'present') {
            const note = read.state === 'absent' ? undefined : `was ${read.state}`;
            const cas = v2 ? (read.state === 'absent' ? 0 : read.version) : undefined;
            return {
                ...base,
                action: 'create',
                fields: [],
                cas,
                writeMarks: v2,
                note
            };
        }
        const marked = !v2 || isOwned(read.customMetadata, options.manifestFile);
        if (sameData(read.data, secret.data)) {
            return { ...base, action: 'unchanged', fields: [], writeMarks: !marked };
        }
        const fields = changedFields(secret.kind, read.data, secret.data);
        return {
            ...base,
            action: 'update',
            fields,
            cas: read.version,
            writeMarks: !marked
        };
    });
    return [...changes, ...pruneChanges(desired, state, options)];
}
/** Secrets under managed paths the manifest no longer lists. */
function pruneChanges(desired, state, options) {
    if (options.prune === false)
        return [];
    const wanted = new Set(desired.map((d) => d.path));
    return state.extras
        .filter((extra) => !wanted.has(extra.path))
        .flatMap((extra) => {
        const owned = isOwned(extra.customMetadata, options.manifestFile);
        if (options.prune !== 'all' && !owned)
            return [];
        return [
            {
                kind: extra.kind,
                key: extra.key,
                path: extra.path,
                action: 'delete',
                fields: [],
                writeMarks: false,
                note: owned ? undefined : 'not written by this tool (prune: all)'
            }
        ];
    });
}
function plan_countActions(changes) {
    const counts = {
        create: 0,
        update: 0,
        delete: 0,
        unchanged: 0
    };
    for (const change of changes)
        counts[change.action]++;
    return counts;
}

;// CONCATENATED MODULE: ./src/core/sync/drift.ts


function detectDrift(desired, state, manifestFile) {
    const items = [];
    for (const secret of desired) {
        const read = state.reads.get(secret.path) ?? { state: 'absent' };
        const base = { kind: secret.kind, key: secret.key, path: secret.path };
        if (read.state === 'absent')
            items.push({ ...base, drift: 'missing', fields: [] });
        else if (read.state !== 'present')
            items.push({ ...base, drift: 'deleted', fields: [] });
        else if (!sameData(read.data, secret.data)) {
            const fields = changedFields(secret.kind, read.data, secret.data);
            items.push({ ...base, drift: 'changed', fields });
        }
    }
    const wanted = new Set(desired.map((d) => d.path));
    for (const extra of state.extras) {
        if (wanted.has(extra.path))
            continue;
        const drift = isOwned(extra.customMetadata, manifestFile)
            ? 'orphaned'
            : 'unmanaged';
        items.push({
            kind: extra.kind,
            key: extra.key,
            path: extra.path,
            drift,
            fields: []
        });
    }
    for (const folder of state.folders) {
        items.push({
            kind: folder.kind,
            key: folder.path,
            path: folder.path,
            drift: 'unmanaged',
            fields: []
        });
    }
    return items;
}

;// CONCATENATED MODULE: ./src/core/sync/capabilities.ts
function neededAccess(changes, mount, kvVersion, pruneMode) {
    const needs = new Map();
    const need = (path, capability) => {
        const set = needs.get(path) ?? new Set();
        set.add(capability);
        needs.set(path, set);
    };
    for (const change of changes) {
        const data = kvVersion === 2
            ? `${mount}/data/${change.path}`
            : `${mount}/${change.path}`;
        const metadata = `${mount}/metadata/${change.path}`;
        if (change.action === 'create')
            need(data, 'create');
        if (change.action === 'update')
            need(data, 'update');
        if (change.action === 'delete') {
            if (kvVersion === 2 && pruneMode === 'destroy')
                need(metadata, 'delete');
            else
                need(data, 'delete');
        }
        // Metadata exists once the data is written, so marks are an update.
        if (change.writeMarks && change.action !== 'delete')
            need(metadata, 'update');
    }
    return [...needs].map(([path, set]) => ({
        path,
        capabilities: [...set].sort()
    }));
}
/** The pairs a token lacks, given sys/capabilities-self's answer. */
function missingAccess(needed, granted) {
    return needed.flatMap(({ path, capabilities }) => {
        const have = new Set(granted[path] ?? []);
        if (have.has('root'))
            return [];
        const lacking = capabilities.filter((c) => !have.has(c) || have.has('deny'));
        return lacking.length > 0 ? [{ path, capabilities: lacking }] : [];
    });
}
/** HCL that would grant the missing pairs, to paste into a policy. */
function policyFor(missing) {
    return missing
        .map(({ path, capabilities }) => `path "${path}" { capabilities = [${capabilities.map((c) => `"${c}"`).join(', ')}] }`)
        .join('\n');
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
;// CONCATENATED MODULE: ./src/clients/vault/transport.ts
/** A non-2xx answer from Vault, or a connection that never got one. */
class VaultError extends Error {
    status;
    path;
    errors;
    body;
    constructor(message, status, path, errors = [], body = undefined) {
        super(message);
        this.status = status;
        this.path = path;
        this.errors = errors;
        this.body = body;
        this.name = 'VaultError';
    }
}
/** `{"errors": [...]}`, the shape of every Vault error body. */
function errorsOf(body) {
    if (body !== null && typeof body === 'object' && 'errors' in body) {
        const errors = body.errors;
        if (Array.isArray(errors))
            return errors.map(String);
    }
    return [];
}
/** Percent-encodes each segment: Vault routes on the decoded path. */
function encodePath(...segments) {
    return segments
        .flatMap((s) => s.split('/'))
        .filter((s) => s !== '')
        .map(encodeURIComponent)
        .join('/');
}

;// CONCATENATED MODULE: ./src/clients/vault/retry.ts

const DEFAULT_RETRY = {
    attempts: 6,
    baseDelayMs: 200,
    maxDelayMs: 5000,
    budgetMs: 60_000
};
const retry_sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Connection-level failures worth another try (reset, refused, timeout). */
const NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ERR_SOCKET_CONNECTION_TIMEOUT',
    'UND_ERR_SOCKET'
]);
function isNetworkError(cause) {
    const code = cause?.code;
    return typeof code === 'string' && NETWORK_CODES.has(code);
}
/**
 * 412 (a performance standby behind), 429 (quota), 5xx, and the 400 a new
 * KV v2 mount gives while it upgrades (vault-api.md §3.12). Other 4xx are
 * the caller's mistake and would fail again.
 */
function isRetryableStatus(response) {
    const { status } = response;
    if (status === 412 || status === 429 || status >= 500)
        return true;
    return (status === 400 &&
        errorsOf(response.body).some((e) => e.startsWith('Upgrading from non-versioned')));
}
/** Exponential backoff with full jitter, or what the server asked for. */
function backoffMs(policy, attempt, retryAfterSeconds) {
    if (retryAfterSeconds !== undefined)
        return Math.min(retryAfterSeconds * 1000, policy.maxDelayMs);
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

;// CONCATENATED MODULE: ./src/clients/vault/explain.ts
/**
 * Vault's own texts ("permission denied", "Status 404") do not say what to
 * change. These say which path and capability, in the words of a policy.
 */
function explainStatus(method, path, status, errors) {
    const said = errors.length > 0 ? ` (Vault: ${errors.join('; ').trim()})` : '';
    switch (status) {
        case 403: {
            const capability = capabilityFor(method);
            return (`permission denied: ${method} ${path} needs "${capability}" on "${path}"${said}. ` +
                `Grant it with: path "${path}" { capabilities = ["${capability}"] }`);
        }
        case 404:
            return `${method} ${path}: not found${said}; check the mount and path`;
        case 503:
            return `Vault answered 503 for ${method} ${path}${said}; is it sealed or in maintenance?`;
        default:
            return `Vault answered ${status} for ${method} ${path}${said}`;
    }
}
/** The capability a method needs (create or update for writes, §7.4). */
function capabilityFor(method) {
    switch (method) {
        case 'GET':
            return 'read';
        case 'DELETE':
            return 'delete';
        case 'PATCH':
            return 'patch';
        default:
            return 'create", "update';
    }
}
/** TLS failures, in the words of the setting that fixes them. */
const TLS_UNTRUSTED = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT'
]);
function explainNetwork(code) {
    if (code === undefined)
        return undefined;
    if (TLS_UNTRUSTED.has(code)) {
        return `certificate not trusted (${code}); set VAULT_CACERT (the vault-ca-cert input) to the CA that signed Vault's certificate`;
    }
    if (code === 'CERT_HAS_EXPIRED')
        return 'Vault’s TLS certificate has expired';
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
        return 'Vault’s TLS certificate does not name this host; use the address the certificate was issued for';
    }
    if (code === 'ECONNREFUSED')
        return 'connection refused; is VAULT_ADDR right and Vault running?';
    if (code === 'ENOTFOUND')
        return 'the host name does not resolve; check VAULT_ADDR';
    return undefined;
}

;// CONCATENATED MODULE: ./src/clients/vault/client.ts



/**
 * Requests with retries: every call goes through `send`, so backoff,
 * counting and error wording are the same for reads, writes and logins.
 */
class VaultHttp {
    transport;
    retry;
    sleep;
    stats = { requests: 0, retries: 0 };
    constructor(transport, retry = DEFAULT_RETRY, sleep = retry_sleep) {
        this.transport = transport;
        this.retry = retry;
        this.sleep = sleep;
    }
    setToken(token) {
        this.transport.setToken(token);
    }
    close() {
        this.transport.close();
    }
    /**
     * Sends with retries and returns any answer the caller may expect
     * (`accept`); anything else becomes a VaultError that says what to do.
     * `retry: false` is for logins: five failures lock an AppRole out.
     */
    async send(request, accept = [200, 204], retry = true) {
        const started = Date.now();
        for (let attempt = 1;; attempt++) {
            this.stats.requests++;
            let response;
            let failure;
            try {
                response = await this.transport.request(request);
            }
            catch (cause) {
                failure = cause;
            }
            if (response && accept.includes(response.status))
                return response;
            const again = retry &&
                attempt < this.retry.attempts &&
                Date.now() - started < this.retry.budgetMs &&
                (response ? isRetryableStatus(response) : isNetworkError(failure));
            if (!again)
                throw this.toError(request, response, failure);
            this.stats.retries++;
            await this.sleep(backoffMs(this.retry, attempt, response?.retryAfterSeconds));
        }
    }
    toError(request, response, failure) {
        const path = decodeURIComponent(request.path);
        if (!response) {
            const code = failure?.code;
            return new VaultError(`cannot reach Vault for ${request.method} ${path}: ${explainNetwork(code) ?? code ?? String(failure)}`, undefined, path);
        }
        const errors = errorsOf(response.body);
        return new VaultError(explainStatus(request.method, path, response.status, errors), response.status, path, errors, response.body);
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
;// CONCATENATED MODULE: ./src/clients/vault/node-vault-transport.ts



// node-vault is CommonJS without usable types (every call is Promise<any>).
const node_vault_transport_require = (0,external_node_module_.createRequire)(import.meta.url);
const nodeVault = node_vault_transport_require('node-vault');
/**
 * node-vault behind our transport. It is given every setting explicitly and
 * its own environment reading (VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE,
 * VAULT_PREFIX, VAULT_SKIP_VERIFY) is overridden, so a runner's stray
 * variables cannot redirect it. Keep-alive agents are ours: node-vault
 * would open a connection per request.
 */
function createNodeVaultTransport(settings) {
    const agentOptions = { keepAlive: true, maxSockets: settings.maxSockets };
    const httpAgent = new (external_node_http_default()).Agent(agentOptions);
    const httpsAgent = new (external_node_https_default()).Agent({
        ...agentOptions,
        ca: settings.caCert,
        rejectUnauthorized: !settings.skipVerify
    });
    const client = nodeVault({
        endpoint: settings.address,
        apiVersion: 'v1',
        rpDefaults: { strictSSL: !settings.skipVerify, timeout: settings.timeoutMs }
    });
    client.endpoint = settings.address.replace(/\/+$/, '');
    client.pathPrefix = '';
    client.token = settings.token;
    client.namespace = settings.namespace;
    return {
        setToken: (token) => {
            client.token = token;
        },
        close: () => {
            httpAgent.destroy();
            httpsAgent.destroy();
        },
        async request(request) {
            try {
                const body = await client.request({
                    path: `/${request.path}`,
                    method: request.method,
                    json: request.body,
                    headers: request.contentType
                        ? { 'Content-Type': request.contentType }
                        : {},
                    timeout: settings.timeoutMs,
                    httpAgent,
                    httpsAgent
                });
                // node-vault hands back the body only, never the headers, so a
                // Retry-After cannot be honoured here: 429/503 back off instead.
                return { status: body === '' || body === undefined ? 204 : 200, body };
            }
            catch (cause) {
                const failure = cause;
                if (failure.response) {
                    return {
                        status: failure.response.statusCode,
                        body: failure.response.body
                    };
                }
                throw cause;
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/clients/vault/session.ts




const LoginAnswer = schemas/* object */.Ikc({ auth: schemas/* object */.Ikc({ client_token: schemas/* string */.YjP() }) });
const MountAnswer = schemas/* object */.Ikc({
    data: schemas/* object */.Ikc({
        type: schemas/* string */.YjP(),
        options: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullable().optional()
    })
});
/** A logged-in client; `close` revokes a token the tool obtained itself. */
class VaultSession {
    http;
    obtainedToken;
    constructor(http, obtainedToken) {
        this.http = http;
        this.obtainedToken = obtainedToken;
    }
    static async open(connection) {
        const transport = createNodeVaultTransport({
            address: connection.address,
            namespace: connection.namespace,
            caCert: connection.caCert,
            skipVerify: connection.skipVerify,
            timeoutMs: connection.timeoutMs,
            maxSockets: connection.concurrency,
            token: connection.auth.method === 'token' ? connection.auth.token : undefined
        });
        const http = new VaultHttp(transport, connection.retry);
        const { auth } = connection;
        if (auth.method === 'token')
            return new VaultSession(http, false);
        const body = auth.method === 'approle'
            ? { role_id: auth.roleId, secret_id: auth.secretId }
            : { role: auth.role, jwt: auth.jwt };
        // Never retried: each failed login counts toward the lockout (§6.3).
        const response = await http
            .send({ method: 'POST', path: encodePath('auth', auth.mount, 'login'), body }, [200], false)
            .catch((cause) => {
            throw loginError(auth.method, auth.mount, cause);
        });
        const token = LoginAnswer.parse(response.body).auth.client_token;
        connection.onToken?.(token);
        http.setToken(token);
        return new VaultSession(http, true);
    }
    /**
     * The mount's KV version from sys/internal/ui/mounts, as the vault CLI
     * finds it. A token that may not read it falls back to the manifest's
     * kv_version; without one, the error says which policy is missing.
     */
    async detectKvVersion(mount, declared) {
        const path = encodePath('sys', 'internal', 'ui', 'mounts', mount);
        const response = await this.http.send({ method: 'GET', path }, [200, 403, 404]);
        if (response.status === 200) {
            const { data } = MountAnswer.parse(response.body);
            if (data.type !== 'kv' && data.type !== 'generic') {
                throw new VaultError(`mount "${mount}/" is a ${data.type} engine, not KV; set vault.mount to a KV mount`, 400, path);
            }
            return String(data.options?.version ?? '1') === '2' ? 2 : 1;
        }
        if (declared !== undefined)
            return declared;
        throw new VaultError(`cannot tell the KV version of mount "${mount}/": no such mount, or this token has no access under it. ` +
            `Enable it with \`vault secrets enable -path=${mount} kv-v2\`, grant access under "${mount}/", or set vault.kv_version in the manifest`, response.status, path);
    }
    /** sys/capabilities-self for many paths in one request (§7.6). */
    async capabilities(paths) {
        if (paths.length === 0)
            return {};
        const response = await this.http.send({
            method: 'POST',
            path: 'sys/capabilities-self',
            body: { paths }
        });
        const parsed = schemas/* object */.Ikc({ data: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()) })
            .parse(response.body);
        const result = {};
        for (const path of paths) {
            const value = parsed.data[path];
            result[path] = Array.isArray(value) ? value.map(String) : ['deny'];
        }
        return result;
    }
    async close() {
        try {
            if (this.obtainedToken) {
                await this.http.send({ method: 'POST', path: 'auth/token/revoke-self' }, [200, 204], false);
            }
        }
        catch {
            // The token expires on its own; a failed revoke must not fail the run.
        }
        finally {
            this.http.close();
        }
    }
}
function loginError(method, mount, cause) {
    const status = cause instanceof VaultError ? cause.status : undefined;
    const said = cause instanceof VaultError && cause.errors.length > 0
        ? cause.errors.join('; ')
        : String(cause);
    const hint = method === 'approle'
        ? 'check VAULT_ROLE_ID and VAULT_SECRET_ID (not retried: five failures lock the role for 15 minutes)'
        : 'check VAULT_JWT_ROLE, the token audience and the role’s bound_claims';
    return new VaultError(`${method} login at auth/${mount} failed: ${said}; ${hint}`, status, `auth/${mount}/login`);
}

;// CONCATENATED MODULE: ./src/clients/vault/kv.ts


const VersionMetadata = schemas/* object */.Ikc({
    version: schemas/* number */.aig(),
    deletion_time: schemas/* string */.YjP().optional(),
    destroyed: schemas/* boolean */.zMY().optional(),
    custom_metadata: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).nullable().optional()
});
const V2Read = schemas/* object */.Ikc({
    data: schemas/* object */.Ikc({
        data: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullable(),
        metadata: VersionMetadata
    })
});
const V1Read = schemas/* object */.Ikc({ data: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()) });
const WriteAnswer = schemas/* object */.Ikc({ data: schemas/* object */.Ikc({ version: schemas/* number */.aig() }) });
const ListAnswer = schemas/* object */.Ikc({ data: schemas/* object */.Ikc({ keys: schemas/* array */.YOg(schemas/* string */.YjP()) }) });
const MetadataAnswer = schemas/* object */.Ikc({
    data: schemas/* object */.Ikc({
        current_version: schemas/* number */.aig(),
        custom_metadata: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).nullable().optional()
    })
});
/** KV v1 and v2 behind one set of verbs; paths are relative to the mount. */
class KvClient {
    http;
    mount;
    version;
    constructor(http, mount, version) {
        this.http = http;
        this.mount = mount;
        this.version = version;
    }
    path(kind, key) {
        return this.version === 2
            ? encodePath(this.mount, kind, key)
            : encodePath(this.mount, key);
    }
    async read(key) {
        const response = await this.http.send({ method: 'GET', path: this.path('data', key) }, [200, 404]);
        if (this.version === 1) {
            if (response.status === 404)
                return { state: 'absent' };
            return { state: 'present', data: V1Read.parse(response.body).data };
        }
        // A soft-deleted or destroyed version is a 404 whose body still carries
        // the version metadata; a key never written is a 404 with no data.
        const parsed = V2Read.safeParse(response.body);
        if (!parsed.success)
            return { state: 'absent' };
        const { data, metadata } = parsed.data.data;
        const customMetadata = metadata.custom_metadata ?? null;
        if (response.status === 404 || data === null) {
            const state = metadata.destroyed ? 'destroyed' : 'deleted';
            return { state, version: metadata.version, customMetadata };
        }
        return { state: 'present', data, version: metadata.version, customMetadata };
    }
    /** Direct children, sorted (Vault lists in storage order); folders end in /. */
    async list(folder) {
        const base = this.version === 2
            ? encodePath(this.mount, 'metadata', folder)
            : encodePath(this.mount, folder);
        const response = await this.http.send({ method: 'GET', path: `${base}/?list=true` }, [200, 404]);
        if (response.status === 404)
            return [];
        return ListAnswer.parse(response.body).data.keys.sort();
    }
    /** KV v2: ownership marks and the current version, without the values. */
    async readMetadata(key) {
        if (this.version === 1)
            return null;
        const response = await this.http.send({ method: 'GET', path: this.path('metadata', key) }, [200, 404]);
        if (response.status === 404)
            return null;
        const { data } = MetadataAnswer.parse(response.body);
        return {
            version: data.current_version,
            customMetadata: data.custom_metadata ?? null
        };
    }
    /** Writes a secret; on KV v2 with `cas`, a concurrent change fails. */
    async write(key, data, cas) {
        if (this.version === 1) {
            await this.http.send({
                method: 'POST',
                path: this.path('data', key),
                body: data
            });
            return undefined;
        }
        const body = cas === undefined ? { data } : { data, options: { cas } };
        const response = await this.http.send({
            method: 'POST',
            path: this.path('data', key),
            body
        });
        return WriteAnswer.parse(response.body).data.version;
    }
    async writeMetadata(key, customMetadata) {
        if (this.version === 1)
            return;
        await this.http.send({
            method: 'POST',
            path: this.path('metadata', key),
            body: { custom_metadata: customMetadata }
        });
    }
    /** Soft delete keeps the versions (undelete restores them); destroy does not. */
    async remove(key, mode) {
        const kind = this.version === 2 && mode === 'destroy' ? 'metadata' : 'data';
        await this.http.send({ method: 'DELETE', path: this.path(kind, key) });
    }
}
function isCasConflict(error) {
    return (error instanceof VaultError &&
        error.status === 400 &&
        error.errors.some((e) => e.includes('check-and-set parameter did not match')));
}

;// CONCATENATED MODULE: ./src/sync/pool.ts
/**
 * Runs `work` over `items` with at most `limit` in flight, keeping order.
 * `stop()` from a callback lets no new item start (a dead server must not
 * be retried for every one of a thousand pending writes).
 */
async function mapLimit(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    let stopped = false;
    const stop = () => {
        stopped = true;
    };
    const worker = async () => {
        while (!stopped && next < items.length) {
            const index = next++;
            results[index] = await work(items[index], stop);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/sync/read-state.ts


/** The managed base paths, one per kind that is not set to null. */
function managedBases(manifest) {
    const { vault } = manifest;
    const bases = [
        { kind: 'connection', base: vault.connections_path },
        { kind: 'variable', base: vault.variables_path },
        { kind: 'config', base: vault.config_path }
    ];
    return bases.filter((b) => b.base !== null);
}
/**
 * One LIST per managed folder, then a GET only for the secrets that exist:
 * a secret the list does not show is created without being read.
 */
async function readVaultState(kv, manifest, desired, options) {
    const bases = managedBases(manifest);
    const listings = await Promise.all(bases.map(({ base }) => kv.list(base)));
    const existing = new Set();
    const folders = [];
    const unlisted = [];
    const wanted = new Set(desired.map((d) => d.path));
    bases.forEach(({ kind, base }, i) => {
        for (const child of listings[i] ?? []) {
            const path = secretPath(base, child);
            if (child.endsWith('/')) {
                // The mount root also lists the other kinds' folders: not extras.
                if (!bases.some((b) => `${b.base}/` === path))
                    folders.push({ kind, path });
            }
            else if (wanted.has(path))
                existing.add(path);
            else
                unlisted.push({ kind, key: child, path });
        }
    });
    const toRead = desired.filter((d) => existing.has(d.path));
    const reads = await mapLimit(toRead, options.concurrency, (d) => kv.read(d.path));
    const readMap = new Map();
    toRead.forEach((d, i) => readMap.set(d.path, reads[i] ?? { state: 'absent' }));
    const extras = options.extras
        ? (await mapLimit(unlisted, options.concurrency, async (u) => {
            const metadata = await kv.readMetadata(u.path);
            return { ...u, customMetadata: metadata?.customMetadata ?? null };
        })).filter((e) => e !== undefined)
        : unlisted.map((u) => ({ ...u, customMetadata: null }));
    return { kvVersion: kv.version, reads: readMap, extras, folders };
}

;// CONCATENATED MODULE: ./src/core/astro/model.ts
/**
 * The Astro API shapes we read and send (astro-api.md §1.1-1.2; v1 spec
 * `Deployment`, `Update*DeploymentRequest`). Responses are checked with
 * zod, strictly only where we use a field, and loose objects everywhere
 * else: the update must carry every writable field back, so nothing may be
 * stripped on the way in. Optional fields accept null as well as absent.
 */

const ENV_BACKEND = 'AIRFLOW__SECRETS__BACKEND';
const ENV_KWARGS = 'AIRFLOW__SECRETS__BACKEND_KWARGS';
/** Plain, so a run can tell without reading secrets whether KWARGS is current. */
const ENV_FINGERPRINT = 'AIRFLOW_VAULT_SYNC_FINGERPRINT';
const str = schemas/* string */.YjP().nullish();
const bool = schemas/* boolean */.zMY().nullish();
const model_int = schemas/* number */.aig().int();
const EnvVarSchema = schemas/* looseObject */._H3({
    key: schemas/* string */.YjP(),
    isSecret: schemas/* boolean */.zMY(),
    /** Left out for secrets (astro-api.md §2). */
    value: str,
    updatedAt: str
});
const WorkerQueueSchema = schemas/* looseObject */._H3({
    id: str,
    name: schemas/* string */.YjP(),
    isDefault: schemas/* boolean */.zMY(),
    astroMachine: str,
    nodePoolId: str,
    minWorkerCount: model_int,
    maxWorkerCount: model_int,
    workerConcurrency: model_int,
    podEphemeralStorage: str
});
const RemoteExecutionSchema = schemas/* looseObject */._H3({
    enabled: schemas/* boolean */.zMY(),
    allowedIpAddressRanges: schemas/* array */.YOg(schemas/* string */.YjP()).nullish(),
    taskLogBucket: str,
    taskLogUrlPattern: str
});
const ScalingSpecSchema = schemas/* looseObject */._H3({
    hibernationSpec: schemas/* looseObject */._H3({
        schedules: schemas/* array */.YOg(schemas/* looseObject */._H3({
            hibernateAtCron: schemas/* string */.YjP(),
            wakeAtCron: schemas/* string */.YjP(),
            isEnabled: schemas/* boolean */.zMY(),
            description: str
        }))
            .nullish(),
        override: schemas/* looseObject */._H3({ isHibernating: bool, overrideUntil: str })
            .nullish()
    })
        .nullish()
});
/**
 * `type` and `executor` stay strings: an unknown value must reach the
 * planner, which refuses it with a message, rather than fail parsing.
 */
const DeploymentSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP(),
    name: schemas/* string */.YjP(),
    workspaceId: schemas/* string */.YjP(),
    type: str,
    executor: str,
    status: str,
    description: str,
    isCicdEnforced: schemas/* boolean */.zMY(),
    isDagDeployEnabled: schemas/* boolean */.zMY(),
    isHighAvailability: bool,
    isDevelopmentMode: bool,
    schedulerSize: str,
    schedulerAu: model_int.nullish(),
    schedulerReplicas: model_int.nullish(),
    contactEmails: schemas/* array */.YOg(schemas/* string */.YjP()).nullish(),
    defaultTaskPodCpu: str,
    defaultTaskPodMemory: str,
    resourceQuotaCpu: str,
    resourceQuotaMemory: str,
    taskPodNodePoolId: str,
    workerQueues: schemas/* array */.YOg(WorkerQueueSchema).nullish(),
    scalingSpec: ScalingSpecSchema.nullish(),
    remoteExecution: RemoteExecutionSchema.nullish(),
    environmentVariables: schemas/* array */.YOg(EnvVarSchema).nullish()
});

// EXTERNAL MODULE: ./src/core/vault-backend/kwargs.ts
var vault_backend_kwargs = __webpack_require__(3138);
;// CONCATENATED MODULE: ./src/core/astro/kwargs.ts
/**
 * AIRFLOW__SECRETS__BACKEND_KWARGS for one Deployment (airflow.md §4.1-4.3).
 * mount_point, the three paths and kv_engine_version come from `vault:` so
 * Airflow reads exactly where the sync writes (validation already refuses
 * them in backend_kwargs); namespace too when `vault.namespace` is set.
 * A path set to null stays JSON null: VaultBackend then never asks Vault.
 * Keys come out in one canonical order, so equal kwargs give equal JSON
 * and therefore equal fingerprints.
 */

const LEADING = [...vault_backend_kwargs/* MANAGED_KWARGS */.S8, 'url', 'auth_type', 'auth_mount_point'];
const TRAILING = ['namespace'];
function rank(key) {
    const lead = LEADING.indexOf(key);
    if (lead >= 0)
        return [lead, ''];
    if (TRAILING.includes(key))
        return [LEADING.length + 1, key];
    return [LEADING.length, key];
}
/** Managed keys, url, auth_type, auth_mount_point, the rest A-Z, namespace. */
function orderKwargs(kwargs) {
    const keys = Object.keys(kwargs).sort((a, b) => {
        const [ra, ka] = rank(a);
        const [rb, kb] = rank(b);
        return ra !== rb ? ra - rb : ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    const out = {};
    for (const k of keys)
        out[k] = kwargs[k];
    return out;
}
/**
 * @param deploymentKwargs shared backend_kwargs merged with the
 *   Deployment's own, `{env}`/`{file}` values already resolved.
 */
function backendKwargs(vault, kvVersion, deploymentKwargs) {
    const managed = {
        mount_point: vault.mount,
        connections_path: vault.connections_path,
        variables_path: vault.variables_path,
        config_path: vault.config_path,
        kv_engine_version: kvVersion
    };
    if (vault.namespace !== undefined)
        managed.namespace = vault.namespace;
    for (const [key, value] of Object.entries(deploymentKwargs)) {
        if (typeof value === 'number' && !Number.isFinite(value)) {
            // JSON has no Infinity/NaN; JSON.stringify would write null.
            throw new Error(`backend_kwargs ${key} is not a finite number`);
        }
    }
    return orderKwargs({ ...deploymentKwargs, ...managed });
}
/** The exact string stored in AIRFLOW__SECRETS__BACKEND_KWARGS. */
function canonicalKwargsJson(kwargs) {
    return JSON.stringify(orderKwargs(kwargs));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/astro/fingerprint.ts
/**
 * AIRFLOW_VAULT_SYNC_FINGERPRINT: a plain env var that tells a later run
 * whether the secret KWARGS it cannot read is still current (astro-api.md
 * §2: GET never returns secret values), so an unchanged run makes no POST
 * and no restart. Anyone who can read the Deployment sees it, and kwargs
 * may hold low-entropy secrets (an LDAP password), so it is a slow salted
 * KDF, not a hash: scrypt N=2^14 (~16 MiB, tens of ms per guess), salted
 * per Deployment so equal kwargs on two Deployments don't look equal.
 */


/** Bump with any change to the derivation; old values then just mismatch. */
const FINGERPRINT_VERSION = 'v1';
const FINGERPRINT_PARAMS = { N: 2 ** 14, r: 8, p: 1 };
function fingerprint(kwargs, deploymentId) {
    const key = (0,external_node_crypto_.scryptSync)(canonicalKwargsJson(kwargs), `airflow-vault-sync:${deploymentId}`, 32, FINGERPRINT_PARAMS);
    return `${FINGERPRINT_VERSION}:${key.toString('base64url')}`;
}

;// CONCATENATED MODULE: ./src/core/astro/plan-error.ts
/**
 * A Deployment we must not update as it stands: the GET lacks something the
 * update needs (environmentVariables, a required field) or has a type we
 * don't know. Updating anyway would drop the customer's settings.
 */
class PlanError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PlanError';
    }
}

;// CONCATENATED MODULE: ./src/core/astro/body.ts

const TASK_POD = [
    'defaultTaskPodCpu',
    'defaultTaskPodMemory',
    'resourceQuotaCpu',
    'resourceQuotaMemory'
];
/** Drops undefined and null: optional fields are absent, never null. */
function present(o) {
    const out = {};
    for (const [k, v] of Object.entries(o))
        if (v !== undefined && v !== null)
            out[k] = v;
    return out;
}
function need(d, field, v) {
    if (v === undefined || v === null) {
        throw new PlanError(`Deployment ${d.id}: the GET response has no ${field}, which the update requires; the token may not be allowed to see it`);
    }
    return v;
}
function queue(q, hybrid) {
    return present({
        id: q.id,
        name: q.name,
        isDefault: q.isDefault,
        minWorkerCount: q.minWorkerCount,
        maxWorkerCount: q.maxWorkerCount,
        workerConcurrency: q.workerConcurrency,
        astroMachine: hybrid ? undefined : q.astroMachine,
        nodePoolId: hybrid ? q.nodePoolId : undefined,
        podEphemeralStorage: q.podEphemeralStorage
    });
}
function scalingSpec(d) {
    if (!d.scalingSpec)
        return undefined;
    const hs = d.scalingSpec.hibernationSpec;
    if (!hs)
        return {};
    const o = hs.override;
    const override = o && (o.isHibernating != null || o.overrideUntil != null)
        ? present({
            isHibernating: o.isHibernating,
            overrideUntil: o.overrideUntil
        })
        : undefined;
    const schedules = hs.schedules?.map((s) => present({
        hibernateAtCron: s.hibernateAtCron,
        wakeAtCron: s.wakeAtCron,
        isEnabled: s.isEnabled,
        description: s.description
    }));
    return { hibernationSpec: present({ schedules, override }) };
}
function remote(d) {
    const r = d.remoteExecution;
    if (!r)
        return undefined;
    return present({
        enabled: r.enabled,
        allowedIpAddressRanges: r.allowedIpAddressRanges,
        taskLogBucket: r.taskLogBucket,
        taskLogUrlPattern: r.taskLogUrlPattern
    });
}
function buildUpdateBody(d, environmentVariables) {
    const type = d.type;
    if (type !== 'STANDARD' && type !== 'DEDICATED' && type !== 'HYBRID') {
        throw new PlanError(`Deployment ${d.id}: type ${JSON.stringify(type ?? null)} is not STANDARD, DEDICATED or HYBRID, so its update body is unknown`);
    }
    const hybrid = type === 'HYBRID';
    const queues = d.workerQueues?.map((q) => queue(q, hybrid));
    const common = present({
        name: d.name,
        workspaceId: d.workspaceId,
        executor: need(d, 'executor', d.executor),
        isCicdEnforced: d.isCicdEnforced,
        isDagDeployEnabled: d.isDagDeployEnabled,
        description: d.description,
        contactEmails: d.contactEmails,
        // minItems 1 in the spec: an empty list is left out, not sent.
        workerQueues: queues?.length ? queues : undefined,
        environmentVariables
    });
    if (hybrid) {
        const scheduler = {
            au: need(d, 'schedulerAu', d.schedulerAu),
            replicas: need(d, 'schedulerReplicas', d.schedulerReplicas)
        };
        const extra = present({ taskPodNodePoolId: d.taskPodNodePoolId });
        return { type, ...common, scheduler, ...extra };
    }
    const remoteExecution = remote(d);
    const taskPod = {};
    for (const f of TASK_POD) {
        const v = d[f];
        // "Required if Remote Execution is disabled" (v1 spec, §1.2).
        if (remoteExecution?.enabled) {
            if (v != null)
                taskPod[f] = v;
        }
        else
            taskPod[f] = need(d, f, v);
    }
    return {
        type,
        ...common,
        schedulerSize: need(d, 'schedulerSize', d.schedulerSize),
        isHighAvailability: need(d, 'isHighAvailability', d.isHighAvailability),
        ...present({
            isDevelopmentMode: d.isDevelopmentMode,
            scalingSpec: scalingSpec(d),
            remoteExecution
        }),
        ...taskPod
    };
}

;// CONCATENATED MODULE: ./src/core/astro/env-vars.ts
/**
 * The Deployment's new `environmentVariables`. The list replaces the
 * stored one (astro-api.md TL;DR), so every other variable goes back as it
 * is: plain ones with their value, secrets with no `value`, which keeps
 * them (sending "" would wipe them, §2). Our three are upserted in place;
 * a secret is never turned into a plain variable.
 */


/** As the GET gave it: secrets without value; a plain one keeps its value. */
function carry(v) {
    if (v.isSecret)
        return { key: v.key, isSecret: true };
    // Go's omitempty may leave out an empty plain value; "" is what it was.
    return { key: v.key, isSecret: false, value: v.value ?? '' };
}
function mergeEnvVars(current, desired) {
    const find = (key) => current.find((v) => v.key === key);
    const backend = find(ENV_BACKEND);
    const kwargs = find(ENV_KWARGS);
    const print = find(ENV_FINGERPRINT);
    const warnings = [];
    if (print?.isSecret) {
        warnings.push(`${ENV_FINGERPRINT} is a secret variable, so no run can compare it and every run updates the Deployment; delete it in Astro and the next run recreates it as a plain variable`);
    }
    const printMatches = print !== undefined &&
        !print.isSecret &&
        print.value === desired.fingerprint;
    // A plain KWARGS is rewritten as a secret even if the fingerprint matches.
    const kwargsCurrent = kwargs?.isSecret === true && printMatches;
    const backendPlainOk = backend !== undefined &&
        !backend.isSecret &&
        backend.value === vault_backend_kwargs/* BACKEND_CLASS */.cz;
    // A secret BACKEND cannot be read; it is trusted while the fingerprint
    // (written in the same update) matches, and rewritten with KWARGS.
    const backendCurrent = backendPlainOk || (backend?.isSecret === true && kwargsCurrent);
    const wanted = new Map([
        [
            ENV_BACKEND,
            {
                next: {
                    key: ENV_BACKEND,
                    isSecret: backend?.isSecret === true,
                    value: vault_backend_kwargs/* BACKEND_CLASS */.cz
                },
                exists: backend !== undefined,
                current: backendCurrent
            }
        ],
        [
            ENV_KWARGS,
            {
                next: { key: ENV_KWARGS, isSecret: true, value: desired.kwargsJson },
                exists: kwargs !== undefined,
                current: kwargsCurrent
            }
        ],
        [
            ENV_FINGERPRINT,
            {
                next: {
                    key: ENV_FINGERPRINT,
                    isSecret: print?.isSecret === true,
                    value: desired.fingerprint
                },
                exists: print !== undefined,
                current: printMatches
            }
        ]
    ]);
    const anyChange = [...wanted.values()].some((w) => !w.current);
    const managed = [];
    const resolve = (w, old) => {
        // When anything changes, a secret BACKEND is written again too.
        const write = !w.current || (anyChange && w.next.key === ENV_BACKEND && w.next.isSecret);
        const action = !w.exists ? 'create' : write ? 'update' : 'unchanged';
        managed.push({ key: w.next.key, action });
        return write || !old ? w.next : carry(old);
    };
    const seen = new Set();
    const variables = current.map((v) => {
        const w = wanted.get(v.key);
        if (!w || seen.has(v.key))
            return carry(v);
        seen.add(v.key);
        return resolve(w, v);
    });
    for (const [key, w] of wanted)
        if (!seen.has(key))
            variables.push(resolve(w, undefined));
    const order = [...wanted.keys()];
    managed.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    return { variables, managed, warnings };
}

;// CONCATENATED MODULE: ./src/core/astro/helm.ts
/**
 * Remote Execution agents run tasks in the customer's cluster and take their
 * secrets backend from the agent Helm chart's values.yaml, not from
 * Deployment env vars (astro-api.md §6), so for those Deployments we print
 * a values snippet instead of POSTing. The kwargs hold credentials, so the
 * snippet never contains them: it references a Kubernetes Secret the user
 * creates, and lists only the kwargs' key names.
 */


/** One line, printable, so a name can't break out of a YAML comment. */
function oneLine(text) {
    return text.replace(/[^\x20-\x7e]+/g, ' ').trim();
}
function helmValuesSnippet(o) {
    const secretName = o.secretName ?? 'airflow-vault-sync-backend-kwargs';
    const secretKey = o.secretKey ?? 'backend_kwargs';
    const keys = o.kwargsKeys.filter((k) => /^[A-Za-z0-9_.-]+$/.test(k));
    const label = o.deploymentName
        ? `${oneLine(o.deploymentName)} (${oneLine(o.deploymentId)})`
        : oneLine(o.deploymentId);
    return [
        `# airflow-vault-sync: values for the Remote Execution agent of ${label}`,
        '# Agents run tasks in your cluster and do not receive Deployment',
        '# environment variables set through the Astro API, so the Vault secrets',
        '# backend is configured here (chart astronomer/astro-remote-execution-agent).',
        '#',
        '# The backend kwargs contain credentials and are not printed. Create a',
        "# Kubernetes Secret in the agents' namespace holding them as JSON, with",
        `# the keys: ${keys.join(', ')}`,
        `#   kubectl create secret generic ${secretName} -n <agent namespace> \\`,
        `#     --from-file=${secretKey}=<file with the kwargs JSON>`,
        '#',
        '# Merge commonEnv into the list already in your values.yaml (it holds',
        '# ASTRO_ORGANIZATION_ID and friends); do not replace it. Check both key',
        '# names against your chart version; changing commonEnv rolls the agents.',
        `secretBackend: ${vault_backend_kwargs/* BACKEND_CLASS */.cz}`,
        'commonEnv:',
        `  - name: ${ENV_BACKEND}`,
        `    value: ${vault_backend_kwargs/* BACKEND_CLASS */.cz}`,
        `  - name: ${ENV_KWARGS}`,
        '    valueFrom:',
        '      secretKeyRef:',
        `        name: ${secretName}`,
        `        key: ${secretKey}`,
        ''
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/core/astro/plan.ts
/**
 * What to do with one Deployment, from its GET and the desired kwargs:
 * `update` with the full body, `unchanged` (no POST: every update restarts
 * Airflow, astro-api.md §1.2), or `skipped` for Remote Execution, which
 * gets a Helm values snippet instead (§6).
 *
 * The body holds the kwargs secret, so it is a non-enumerable property:
 * JSON.stringify(plan), util.inspect and test snapshots never show it,
 * while `plan.body` still works for the code that POSTs it.
 */




const REMOTE_EXECUTION_REASON = 'Remote Execution: tasks run on agents in your cluster, which do not get Deployment environment variables from the Astro API, so nothing was sent; put the Helm values below into the agent chart (or set push_remote_execution to update the Deployment anyway)';
function planDeployment(current, desired, opts = {}) {
    if (!current.environmentVariables) {
        // Sending a list without the existing keys would delete them (§3).
        throw new PlanError(`Deployment ${current.id}: the GET response has no environmentVariables; the token may not be allowed to see them, and updating would delete every variable`);
    }
    const merged = mergeEnvVars(current.environmentVariables, desired);
    const plan = {
        id: current.id,
        name: current.name,
        action: 'unchanged',
        variables: merged.managed,
        warnings: merged.warnings
    };
    if (current.remoteExecution?.enabled && !opts.pushRemoteExecution) {
        const keys = Object.keys(JSON.parse(desired.kwargsJson));
        plan.action = 'skipped';
        plan.reason = REMOTE_EXECUTION_REASON;
        plan.helmValues = helmValuesSnippet({
            deploymentId: current.id,
            deploymentName: current.name,
            kwargsKeys: keys
        });
        return plan;
    }
    if (merged.managed.every((v) => v.action === 'unchanged')) {
        plan.reason = 'backend, kwargs fingerprint and variables already current';
        return plan;
    }
    plan.action = 'update';
    Object.defineProperty(plan, 'body', {
        value: buildUpdateBody(current, merged.variables),
        enumerable: false
    });
    return plan;
}

;// CONCATENATED MODULE: ./src/core/astro/index.ts
/**
 * Pointing Astro Deployments at Vault (issue 5): pure logic only. The HTTP
 * side is src/clients/astro; the front ends wire the two together.
 */









;// CONCATENATED MODULE: ./src/clients/astro/errors.ts
class AstroApiError extends Error {
    status;
    operation;
    attempts;
    serverMessage;
    requestId;
    fieldErrors;
    constructor(message, 
    /** HTTP status; undefined for network errors and timeouts. */
    status, operation, attempts, serverMessage, requestId, fieldErrors = []) {
        super(message);
        this.status = status;
        this.operation = operation;
        this.attempts = attempts;
        this.serverMessage = serverMessage;
        this.requestId = requestId;
        this.fieldErrors = fieldErrors;
        this.name = 'AstroApiError';
    }
}
/** Token kinds and roles that may update a Deployment (astro-api.md §3). */
const WHO_CAN_UPDATE = 'a Deployment API token for this Deployment, a Workspace API token with the Workspace Operator or Workspace Owner role, or an Organization API token with the Organization Owner role';
function what(ctx) {
    const d = ctx.deploymentId ? `Deployment ${ctx.deploymentId}` : '';
    if (ctx.operation === 'update')
        return `update ${d}`;
    if (ctx.operation === 'get')
        return `read ${d}`;
    return `list Deployments of organization ${ctx.organizationId}`;
}
/** The "what to fix" part for a final status. */
function hintFor(status, ctx) {
    switch (status) {
        case 401:
            return 'The Astro API token was not accepted: use a current (not expired or revoked) Organization, Workspace or Deployment API token; legacy Deployment API keys are not supported.';
        case 403:
            return `The token may not ${what(ctx)}. Updating environment variables needs ${WHO_CAN_UPDATE}; Workspace Author and Member roles cannot.`;
        case 404:
            return ctx.deploymentId
                ? `Deployment ${ctx.deploymentId} was not found in organization ${ctx.organizationId}: check the Deployment id and the organization id (by default, the token's organization).`
                : `Organization ${ctx.organizationId} was not found: check the organization id.`;
        case 400:
            return `Astro rejected the request to ${what(ctx)}.`;
        case 429:
            return 'Astro kept answering 429 (rate limited; 10 POST and 25 GET requests per second per token). Retry later, or run fewer jobs with the same token.';
        case undefined:
            return 'The Astro API could not be reached: check the API URL and the network.';
        default:
            return status >= 500
                ? `Astro answered ${status} on every attempt; it may be having an outage. Retry later.`
                : `Astro answered ${status} to the request to ${what(ctx)}.`;
    }
}
/** Replaces each secret (4+ characters) with [redacted]. */
function redact(text, secrets) {
    let out = text;
    for (const s of secrets) {
        if (s.length >= 4)
            out = out.split(s).join('[redacted]');
    }
    return out;
}
/** A server message: one line, bounded, secrets redacted. */
function tidy(text, secrets) {
    const line = redact(text, secrets).replace(/\s+/g, ' ').trim();
    return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

;// CONCATENATED MODULE: ./src/clients/astro/parse.ts

function parseBody(schema, text, c) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new AstroApiError(`The Astro API answered the request to ${c.operation} with something that is not JSON`, 200, c.operation, 1);
    }
    const r = schema.safeParse(json);
    if (r.success)
        return r.data;
    const where = r.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new AstroApiError(`Unexpected response from the Astro API (${c.operation}): ${where.join('; ')}`, 200, c.operation, 1);
}

;// CONCATENATED MODULE: ./src/clients/astro/retry.ts
const retry_DEFAULT_RETRY = {
    maxAttempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxTotalMs: 60_000
};
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function retry_isRetryableStatus(status) {
    return status === 429 || (status >= 500 && status <= 599);
}
/**
 * Retry-After in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable.
 */
function parseRetryAfter(header, now) {
    if (!header)
        return undefined;
    const text = header.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const at = Date.parse(text);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
function retry_backoffMs(opts, attempt, random, retryAfterMs) {
    const step = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
    const jittered = Math.round(step / 2 + (random() * step) / 2);
    return Math.max(jittered, retryAfterMs ?? 0);
}

;// CONCATENATED MODULE: ./src/clients/astro/request.ts
/**
 * One Astro API call with retries: plain fetch, a timeout per attempt,
 * 429/5xx/network failures retried (retry.ts), and a final failure turned
 * into an AstroApiError from the spec's Error body (message, requestId,
 * fieldErrors) or from a text body (gateways answer text, astro-api.md §3).
 */


async function attempt(t, url, init) {
    try {
        const res = await t.fetch(url, {
            ...init,
            signal: AbortSignal.timeout(t.timeoutMs)
        });
        const text = await res.text();
        if (res.ok)
            return { ok: true, status: res.status, text };
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), t.now());
        return { ok: false, status: res.status, text, retryAfterMs };
    }
    catch (e) {
        const err = e;
        const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
        const detail = timedOut
            ? `no answer within ${t.timeoutMs} ms`
            : (err.cause?.code ?? err.cause?.message ?? err.message);
        return { ok: false, text: detail };
    }
}
/** Sends and returns the 2xx body text; throws AstroApiError otherwise. */
async function send(t, url, init, ctx, secrets = []) {
    const started = t.now();
    for (let n = 1;; n++) {
        const out = await attempt(t, url, init);
        if (out.ok)
            return out.text;
        const retryable = out.status === undefined || retry_isRetryableStatus(out.status);
        if (retryable && n < t.retry.maxAttempts) {
            const delay = retry_backoffMs(t.retry, n, t.random, out.retryAfterMs);
            if (t.now() - started + delay <= t.retry.maxTotalMs) {
                await t.sleep(delay);
                continue;
            }
        }
        throw toError(out, ctx, n, [...t.secrets, ...secrets]);
    }
}
function toError(out, ctx, attempts, secrets) {
    let serverMessage;
    let requestId;
    let fieldErrors = [];
    try {
        const body = JSON.parse(out.text);
        if (typeof body.message === 'string')
            serverMessage = body.message;
        if (typeof body.requestId === 'string')
            requestId = body.requestId;
        if (Array.isArray(body.fieldErrors))
            fieldErrors = body.fieldErrors.map((f) => ({
                field: tidy(String(f.field), secrets),
                code: tidy(String(f.code), secrets),
                message: tidy(String(f.message), secrets)
            }));
    }
    catch {
        serverMessage = out.text || undefined;
    }
    if (serverMessage !== undefined)
        serverMessage = tidy(serverMessage, secrets);
    const parts = [hintFor(out.status, ctx)];
    const said = out.status === undefined ? 'Cause' : `Astro said (${out.status})`;
    if (serverMessage)
        parts.push(`${said}: ${serverMessage}`);
    for (const f of fieldErrors)
        parts.push(`${f.field}: ${f.message}`);
    if (requestId)
        parts.push(`request id ${requestId}`);
    if (attempts > 1)
        parts.push(`${attempts} attempts`);
    return new AstroApiError(parts.join(' | '), out.status, ctx.operation, attempts, serverMessage, requestId, fieldErrors);
}

;// CONCATENATED MODULE: ./src/clients/astro/client.ts
/**
 * The Astro API client (astro-api.md §1): read, update and list
 * Deployments. Settings come in as arguments; nothing here reads the
 * environment or talks to @actions/*. Responses are zod-checked as loose
 * objects so every field survives to be sent back in the update body.
 */






const PageSchema = schemas/* looseObject */._H3({
    deployments: schemas/* array */.YOg(DeploymentSchema),
    totalCount: schemas/* number */.aig().int()
});
function createAstroClient(opts) {
    const token = opts.token.trim().replace(/^Bearer\s+/i, '');
    if (!/^[\x21-\x7e]+$/.test(token)) {
        // fetch would reject the header and quote it, token and all.
        throw new Error('The Astro API token is empty or has characters an HTTP header cannot carry');
    }
    const base = opts.baseUrl.replace(/\/+$/, '');
    const org = encodeURIComponent(opts.organizationId);
    const t = {
        fetch: opts.fetch ?? globalThis.fetch,
        headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            'User-Agent': `${version/* TOOL_NAME */.l}/${version/* VERSION */.x}`,
            'x-astro-client-identifier': version/* TOOL_NAME */.l,
            'x-astro-client-version': version/* VERSION */.x
        },
        retry: { ...retry_DEFAULT_RETRY, ...opts.retry },
        timeoutMs: opts.timeoutMs ?? 30_000,
        sleep: opts.sleep ?? realSleep,
        now: opts.now ?? Date.now,
        random: opts.random ?? Math.random,
        secrets: [token]
    };
    const ctx = (operation, deploymentId) => ({
        operation,
        organizationId: opts.organizationId,
        deploymentId
    });
    const deploymentUrl = (id) => `${base}/organizations/${org}/deployments/${encodeURIComponent(id)}`;
    return {
        organizationId: opts.organizationId,
        async getDeployment(id) {
            const c = ctx('get', id);
            const text = await send(t, deploymentUrl(id), { method: 'GET', headers: t.headers }, c);
            return parseBody(DeploymentSchema, text, c);
        },
        async updateDeployment(id, body) {
            const c = ctx('update', id);
            const secrets = body.environmentVariables.flatMap((v) => v.isSecret && v.value ? [v.value] : []);
            const init = {
                method: 'POST',
                headers: { ...t.headers, 'Content-Type': 'application/json' },
                body: JSON.stringify(body)
            };
            const text = await send(t, deploymentUrl(id), init, c, secrets);
            return parseBody(DeploymentSchema, text, c);
        },
        async listDeployments(filter = {}) {
            const c = ctx('list');
            const out = [];
            for (let offset = 0;;) {
                const q = new URLSearchParams({ offset: String(offset), limit: '100' });
                for (const [k, values] of Object.entries(filter))
                    for (const v of values)
                        q.append(k, v);
                const url = `${base}/organizations/${org}/deployments?${q}`;
                const page = parseBody(PageSchema, await send(t, url, { method: 'GET', headers: t.headers }, c), c);
                out.push(...page.deployments);
                offset += page.deployments.length;
                if (page.deployments.length === 0 || offset >= page.totalCount)
                    return out;
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/clients/astro/token.ts
/**
 * The organization an Astro API token belongs to, read the way astro-cli
 * does (astro-api.md §3; astro-cli cmd/cloud/setup.go checkAPIToken): the
 * JWT payload is decoded without verifying the signature and its
 * `permissions` claim holds `organizationId:<id>`. The `org_id` claim is
 * the auth service's id, not the Astro organization id, so it is not used.
 */
function organizationIdFromToken(token) {
    const raw = token.trim().replace(/^Bearer\s+/i, '');
    const parts = raw.split('.');
    if (parts.length !== 3 || !parts[1])
        return undefined;
    let payload;
    try {
        payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
    const permissions = payload?.permissions;
    if (!Array.isArray(permissions))
        return undefined;
    for (const p of permissions) {
        if (typeof p !== 'string')
            continue;
        const i = p.indexOf(':');
        if (i > 0 && p.slice(0, i) === 'organizationId' && i < p.length - 1) {
            return p.slice(i + 1);
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/clients/astro/wait.ts

class AstroWaitTimeout extends Error {
    deploymentId;
    lastStatus;
    waitedMs;
    constructor(deploymentId, lastStatus, waitedMs) {
        super(`Deployment ${deploymentId} was not HEALTHY after ${Math.round(waitedMs / 1000)} s (last status ${lastStatus ?? 'unknown'}); check it in the Astro UI`);
        this.deploymentId = deploymentId;
        this.lastStatus = lastStatus;
        this.waitedMs = waitedMs;
        this.name = 'AstroWaitTimeout';
    }
}
async function waitForHealthy(client, id, opts = {}) {
    const timeoutMs = opts.timeoutMs ?? 600_000;
    const intervalMs = opts.intervalMs ?? 10_000;
    const sleep = opts.sleep ?? realSleep;
    const now = opts.now ?? Date.now;
    const started = now();
    for (let polls = 1;; polls++) {
        const deployment = await client.getDeployment(id);
        const waitedMs = now() - started;
        if (deployment.status === 'HEALTHY')
            return { deployment, polls, waitedMs };
        if (waitedMs + intervalMs > timeoutMs) {
            throw new AstroWaitTimeout(id, deployment.status ?? undefined, waitedMs);
        }
        await sleep(intervalMs);
    }
}

;// CONCATENATED MODULE: ./src/clients/astro/index.ts
/** The Astro API client (astro-api.md); pure logic is in src/core/astro. */






;// CONCATENATED MODULE: ./src/sync/astro.ts



/** The kwargs Airflow will get on one Deployment, references read. */
function deploymentKwargs(manifest, index, kvVersion, read) {
    const astro = manifest.astro;
    if (!astro)
        return {};
    const merged = {
        ...astro.backend_kwargs,
        ...(astro.deployments[index]?.backend_kwargs ?? {})
    };
    const values = {};
    for (const [key, value] of Object.entries(merged)) {
        values[key] = (0,value_ref/* isValueRef */.pV)(value)
            ? read(value)
            : value;
    }
    return backendKwargs(manifest.vault, kvVersion, values);
}
/**
 * Points each Deployment at Vault: GET, plan, and on apply one POST of the
 * whole body when anything differs (every update restarts Airflow, so an
 * unchanged Deployment is never posted). One failing Deployment does not
 * stop the others; each result says what happened.
 */
async function syncAstro(manifest, kvVersion, read, command, connection) {
    const astro = manifest.astro;
    if (!astro)
        return [];
    const client = createAstroClient({
        baseUrl: connection.baseUrl,
        token: connection.token,
        organizationId: connection.organizationId,
        retry: connection.retry
    });
    const results = [];
    for (const [index, deployment] of astro.deployments.entries()) {
        const result = {
            id: deployment.id,
            name: deployment.name,
            posted: false
        };
        results.push(result);
        try {
            const kwargs = deploymentKwargs(manifest, index, kvVersion, read);
            const desired = {
                kwargsJson: canonicalKwargsJson(kwargs),
                fingerprint: fingerprint(kwargs, deployment.id)
            };
            const current = await client.getDeployment(deployment.id);
            const plan = planDeployment(current, desired);
            result.plan = plan;
            result.name ??= plan.name;
            if (command !== 'apply' || plan.action !== 'update' || !plan.body)
                continue;
            await client.updateDeployment(deployment.id, plan.body);
            result.posted = true;
            if ((deployment.wait ?? astro.wait) === 'healthy') {
                const waited = await waitForHealthy(client, deployment.id, {
                    intervalMs: connection.waitIntervalMs
                });
                result.waited = {
                    status: waited.deployment.status ?? 'HEALTHY',
                    seconds: Math.round(waited.waitedMs / 1000)
                };
            }
        }
        catch (cause) {
            result.error = cause instanceof Error ? cause.message : String(cause);
        }
    }
    return results;
}
/** Each Deployment's kwargs JSON: a secret as a whole, for the Action's mask. */
function kwargsJsonFor(manifest, kvVersion, read) {
    return (manifest.astro?.deployments ?? []).map((_, i) => canonicalKwargsJson(deploymentKwargs(manifest, i, kvVersion, read)));
}

;// CONCATENATED MODULE: ./src/sync/astro-connection.ts


/**
 * The Astro connection a manifest with `astro:` needs: a token, and the
 * organization from the manifest, ASTRO_ORGANIZATION_ID or the token's
 * claims, as the Astro CLI finds it.
 */
function astroConnection(manifest, env) {
    if (!manifest.astro)
        return {};
    if (!env?.token) {
        return {
            problem: (0,core_problems/* error */.z3)('astro-token-missing', ['astro'], 'astro: lists Deployments, but ASTRO_API_TOKEN is not set; create a Deployment or Workspace API token with the Operator role and set it')
        };
    }
    const organizationId = manifest.astro.organization_id ??
        env.organizationId ??
        organizationIdFromToken(env.token);
    if (!organizationId) {
        return {
            problem: (0,core_problems/* error */.z3)('astro-organization-missing', ['astro'], 'no Astro organization id: set astro.organization_id, or ASTRO_ORGANIZATION_ID')
        };
    }
    return {
        connection: {
            baseUrl: env.baseUrl,
            token: env.token,
            organizationId,
            retry: env.retry,
            waitIntervalMs: env.waitIntervalMs
        }
    };
}

;// CONCATENATED MODULE: ./src/sync/secret-forms.ts
/** Each conn_uri that embeds a secret: the Action masks it whole. */
function urisWithSecrets(desired, secrets) {
    return desired.flatMap((d) => {
        const uri = d.data.conn_uri;
        if (typeof uri !== 'string')
            return [];
        const decoded = safeDecode(uri);
        return secrets.some((s) => decoded.includes(s) || uri.includes(s))
            ? [uri]
            : [];
    });
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ./src/sync/apply.ts




/**
 * Writes only what the plan says differs. A failure does not hide the
 * others' results; Vault going away stops new writes, and the outcome
 * lists exactly what was and was not written, so a rerun converges.
 */
async function applyChanges(kv, changes, options) {
    const work = changes.filter((c) => c.action !== 'unchanged' || c.writeMarks);
    const outcome = { written: [], failed: [], skipped: [] };
    const done = new Set();
    await mapLimit(work, options.concurrency, async (change, stop) => {
        const who = { kind: change.kind, key: change.key, path: change.path };
        try {
            if (change.action === 'delete') {
                await kv.remove(change.path, options.pruneMode);
            }
            else {
                if (change.action !== 'unchanged')
                    await writeData(kv, change);
                if (change.writeMarks)
                    await kv.writeMetadata(change.path, options.marks);
            }
            outcome.written.push(who);
        }
        catch (cause) {
            outcome.failed.push({ ...who, error: describeFailure(cause) });
            if (cause instanceof VaultError &&
                (cause.status === undefined || cause.status === 503))
                stop();
        }
        finally {
            done.add(change);
        }
    });
    outcome.skipped = work
        .filter((c) => !done.has(c))
        .map((c) => ({ kind: c.kind, key: c.key, path: c.path }));
    return outcome;
}
/**
 * A write whose answer was lost (a reset connection) is retried; if the
 * first attempt had landed, check-and-set now refuses the retry. Reading
 * the secret back tells the two apart: our own data means it is written
 * (no second version); anything else is a real conflict.
 */
async function writeData(kv, change) {
    const data = change.data ?? {};
    try {
        await kv.write(change.path, data, change.cas);
    }
    catch (cause) {
        if (!isCasConflict(cause))
            throw cause;
        const now = await kv.read(change.path);
        if (now.state !== 'present' || !sameData(now.data, data))
            throw cause;
    }
}
function describeFailure(cause) {
    if (isCasConflict(cause)) {
        return 'changed in Vault after the plan read it (check-and-set conflict); not overwritten: review it and run again';
    }
    return cause instanceof Error ? cause.message : String(cause);
}

;// CONCATENATED MODULE: ./src/sync/run.ts
















/**
 * plan, apply and drift: validate, read every value, then talk to Vault.
 * Nothing is written unless everything before the first write succeeded.
 */
async function runSync(request) {
    const { command } = request;
    const file = request.validate.file;
    const validation = (0,validate/* validateManifest */.y)(request.text, request.validate);
    const base = {
        command,
        manifestFile: file,
        problems: validation.problems,
        secrets: []
    };
    const manifest = validation.manifest;
    if (!manifest || validation.problems.some((p) => p.severity === 'error'))
        return base;
    if (request.prune !== undefined)
        manifest.vault.prune = request.prune;
    const resolved = resolveValues(manifest, request.validate.manifestDir, request.validate.values);
    base.secrets = resolved.secrets;
    if (resolved.problems.length > 0) {
        return {
            ...base,
            problems: [...base.problems, ...resolved.problems.map(validation.place)]
        };
    }
    const desired = desiredSecrets(manifest, resolved.read);
    const astro = astroConnection(manifest, request.astro);
    if ('problem' in astro) {
        return {
            ...base,
            problems: [...base.problems, validation.place(astro.problem)]
        };
    }
    request.onSecrets?.([
        ...resolved.secrets,
        ...urisWithSecrets(desired, resolved.secrets),
        // The kwargs JSON escapes what it holds; mask it whole, for either KV version.
        ...[1, 2].flatMap((v) => kwargsJsonFor(manifest, v, resolved.read))
    ]);
    let session;
    try {
        // The manifest's namespace is where Airflow reads: it wins over the env.
        const namespace = manifest.vault.namespace ?? request.connection.namespace;
        session = await VaultSession.open({ ...request.connection, namespace });
        const kvVersion = await session.detectKvVersion(manifest.vault.mount, manifest.vault.kv_version);
        const kv = new KvClient(session.http, manifest.vault.mount, kvVersion);
        const concurrency = request.connection.concurrency;
        const needExtras = command === 'drift' || manifest.vault.prune !== false;
        const state = await readVaultState(kv, manifest, desired, {
            concurrency,
            extras: needExtras && kvVersion === 2
        });
        if (kvVersion === 1 && manifest.vault.prune === true) {
            base.problems.push(validation.place((0,core_problems/* warning */.$e)('prune-needs-kv2', ['vault', 'prune'], 'KV v1 keeps no metadata, so this tool cannot tell which secrets it wrote: nothing is pruned. Use `prune: all` to prune every unlisted secret')));
        }
        const changes = planChanges(desired, state, {
            manifestFile: file,
            prune: pruneFor(manifest.vault.prune, kvVersion)
        });
        const vault = {
            address: request.connection.address,
            mount: manifest.vault.mount,
            kvVersion,
            changes,
            requests: 0,
            retries: 0,
            drift: command === 'drift' ? detectDrift(desired, state, file) : undefined
        };
        const report = { ...base, vault };
        if (command === 'apply') {
            const needed = neededAccess(changes, manifest.vault.mount, kvVersion, manifest.vault.prune_mode);
            const missing = missingAccess(needed, await session.capabilities(needed.map((n) => n.path)));
            if (missing.length > 0) {
                report.remoteError =
                    `this token cannot do what the plan needs; nothing was written. Missing:\n` +
                        missing
                            .map((m) => `  ${m.path}: ${m.capabilities.join(', ')}`)
                            .join('\n') +
                        `\nA policy that grants it:\n${policyFor(missing)}`;
            }
            else {
                vault.outcome = await applyChanges(kv, changes, {
                    concurrency,
                    marks: ownershipMarks(file),
                    pruneMode: manifest.vault.prune_mode
                });
            }
        }
        Object.assign(vault, session.http.stats);
        const vaultFailed = report.remoteError !== undefined ||
            (vault.outcome?.failed.length ?? 0) > 0;
        if (astro.connection && !vaultFailed) {
            // After the secrets are in Vault, never before: the kwargs point there.
            report.astro = await syncAstro(manifest, kvVersion, resolved.read, command, astro.connection);
        }
        return report;
    }
    catch (cause) {
        if (!(cause instanceof VaultError))
            throw cause;
        return { ...base, remoteError: cause.message };
    }
    finally {
        await session?.close();
    }
}
/**
 * KV v1 keeps no metadata, so ownership is unknown there: `prune: true`
 * would have to guess, and deletes nothing; `prune: all` is explicit.
 */
function pruneFor(prune, kvVersion) {
    return kvVersion === 1 && prune === true ? false : prune;
}

// EXTERNAL MODULE: ./src/core/render/json.ts
var json = __webpack_require__(3964);
;// CONCATENATED MODULE: ./src/sync/report.ts

/** The `--json` shape of plan, apply and drift (issue contract). */
function reportJson(report) {
    const vault = report.vault;
    const failed = vault?.outcome?.failed ?? [];
    // validate's shape, extended; ok also covers Vault and drift here.
    return (0,json/* jsonReport */.L)(report.command, report.problems, {
        ok: syncExitCode(report) === 0,
        ...(report.remoteError ? { error: report.remoteError } : {}),
        vault: vault && {
            address: vault.address,
            mount: vault.mount,
            kv_version: vault.kvVersion,
            changes: vault.changes.map((c) => ({
                kind: c.kind,
                key: c.key,
                path: c.path,
                action: c.action,
                fields: c.fields.map((f) => f.field)
            })),
            written: vault.outcome?.written.length ?? 0,
            failed: failed.map((f) => ({ key: f.key, error: f.error })),
            not_attempted: (vault.outcome?.skipped ?? []).map((s) => s.key),
            requests: vault.requests,
            retries: vault.retries,
            ...(vault.drift
                ? {
                    drift: vault.drift.map((d) => ({
                        kind: d.kind,
                        key: d.key,
                        path: d.path,
                        drift: d.drift,
                        fields: d.fields.map((f) => f.field)
                    }))
                }
                : {})
        },
        ...(report.astro
            ? { astro: { deployments: report.astro.map(astroJson) } }
            : {}),
        ...(report.command === 'drift' ? { drift: drifted(report) } : {})
    });
}
function astroJson(d) {
    return {
        id: d.id,
        name: d.name,
        action: d.error ? 'failed' : (d.plan?.action ?? 'unchanged'),
        variables: (d.plan?.variables ?? []).map((v) => ({
            key: v.key,
            action: v.action
        })),
        ...(d.plan?.reason ? { reason: d.plan.reason } : {}),
        ...(d.error ? { error: d.error } : {}),
        ...(d.plan?.helmValues ? { helm_values: d.plan.helmValues } : {}),
        ...(d.waited ? { waited: d.waited } : {})
    };
}
/** Vault differs from the manifest, or a Deployment is not pointed at it. */
function drifted(report) {
    return ((report.vault?.drift?.length ?? 0) > 0 ||
        (report.astro ?? []).some((d) => d.plan?.action === 'update'));
}
/** 0 done or clean; 1 problems or drift; 3 Vault failed or refused. */
function syncExitCode(report) {
    if (report.remoteError || (report.vault?.outcome?.failed.length ?? 0) > 0)
        return 3;
    if ((report.astro ?? []).some((d) => d.error))
        return 3;
    if (report.problems.some((p) => p.severity === 'error'))
        return 1;
    if (report.command === 'drift' && drifted(report))
        return 1;
    return 0;
}

;// CONCATENATED MODULE: ./src/core/render/sync-text.ts

const SIGN = { create: '+', update: '~', delete: '-', unchanged: ' ' };
/** `host: a → b, password`: names always, values only for safe fields. */
function describeFields(fields) {
    return fields
        .map((f) => f.from !== undefined ? `${f.field}: ${f.from} → ${f.to}` : f.field)
        .join(', ');
}
/** One line per change that does something; unchanged ones are counted. */
function renderChangesText(changes) {
    const lines = changes
        .filter((c) => c.action !== 'unchanged')
        .map((c) => {
        const detail = c.action === 'update' ? describeFields(c.fields) : c.path;
        const note = c.note ? ` (${c.note})` : '';
        return `  ${SIGN[c.action]} ${c.kind} ${c.key}: ${detail}${note}`;
    });
    const n = countActions(changes);
    lines.push(`Plan: ${n.create} to create, ${n.update} to update, ${n.delete} to delete, ${n.unchanged} unchanged.`);
    return lines.join('\n') + '\n';
}
const DRIFT_WORDS = {
    missing: 'missing from Vault',
    deleted: 'deleted in Vault',
    changed: 'changed in Vault',
    orphaned: 'written by this tool, no longer in the manifest',
    unmanaged: 'not in the manifest (left alone)'
};
function renderDriftText(items) {
    if (items.length === 0)
        return 'No drift: Vault matches the manifest.\n';
    const lines = items.map((d) => {
        const fields = d.fields.length > 0 ? `: ${describeFields(d.fields)}` : '';
        return `  ! ${d.kind} ${d.key} ${DRIFT_WORDS[d.drift]}${fields}`;
    });
    lines.push(`Drift: ${items.length} difference(s) between the manifest and Vault.`);
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/core/render/markdown.ts + 1 modules
var markdown = __webpack_require__(7751);
;// CONCATENATED MODULE: ./src/core/render/sync-markdown.ts



const KINDS = [
    ['connection', 'Connections'],
    ['variable', 'Variables'],
    ['config', 'Config']
];
const ICON = {
    create: '➕ create',
    update: '✏️ update',
    delete: '🗑️ delete',
    unchanged: 'unchanged'
};
/**
 * The plan as the job summary and PR comment show it: one table per kind,
 * changes first, with field names and never a value (beyond safe fields).
 */
function renderChangesMarkdown(changes, maxRows) {
    const n = plan_countActions(changes);
    const parts = [
        `**Plan:** ${n.create} to create, ${n.update} to update, ${n.delete} to delete, ${n.unchanged} unchanged.`
    ];
    for (const [kind, title] of KINDS) {
        const mine = changes.filter((c) => c.kind === kind && c.action !== 'unchanged');
        const same = changes.filter((c) => c.kind === kind && c.action === 'unchanged').length;
        if (mine.length === 0 && same === 0)
            continue;
        parts.push(`### ${title}`);
        if (mine.length > 0) {
            const rows = mine.map((c) => [
                ICON[c.action],
                `\`${c.key}\``,
                c.action === 'update' ? describeFields(c.fields) : (c.note ?? '')
            ]);
            parts.push((0,markdown/* table */.tp)(['Action', 'Key', 'Fields'], rows, maxRows));
        }
        if (same > 0)
            parts.push(`${same} unchanged.`);
    }
    return parts.join('\n\n') + '\n';
}
function renderDriftMarkdown(items, maxRows) {
    if (items.length === 0)
        return '✅ **No drift:** Vault matches the manifest.\n';
    const rows = items.map((d) => [
        d.drift,
        d.kind,
        `\`${d.key}\``,
        describeFields(d.fields)
    ]);
    return `⚠️ **Drift:** ${items.length} difference(s) between the manifest and Vault.\n\n${(0,markdown/* table */.tp)(['Drift', 'Kind', 'Key', 'Fields'], rows, maxRows)}\n`;
}

// EXTERNAL MODULE: ./src/io/manifest-file.ts
var manifest_file = __webpack_require__(9258);
;// CONCATENATED MODULE: ./src/io/vault-env.ts

/** A wrong or missing setting: a usage error (exit 2), not a Vault failure. */
class SettingsError extends Error {
}
/**
 * The vault CLI's environment: VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE,
 * VAULT_CACERT, VAULT_SKIP_VERIFY; AppRole with VAULT_ROLE_ID and
 * VAULT_SECRET_ID; JWT with VAULT_JWT_ROLE and VAULT_JWT.
 */
function connectionFromEnv(env, options, warn) {
    const address = (env.VAULT_ADDR || 'http://127.0.0.1:8200').trim();
    if (!/^https?:\/\/[^/]+/.test(address)) {
        throw new SettingsError(`VAULT_ADDR "${address}" is not an http(s) address, such as https://vault.example.com:8200`);
    }
    if (/^http:\/\//i.test(address) && !isLoopback(address)) {
        warn(`VAULT_ADDR ${address} is plain http and not this machine: tokens and secrets cross the network unencrypted; use https`);
    }
    const skipVerify = env.VAULT_SKIP_VERIFY !== undefined &&
        env.VAULT_SKIP_VERIFY !== '' &&
        env.VAULT_SKIP_VERIFY !== 'false' &&
        env.VAULT_SKIP_VERIFY !== '0';
    if (skipVerify)
        warn('VAULT_SKIP_VERIFY is set: the Vault server’s TLS certificate is not checked');
    return {
        address,
        namespace: options.namespace ?? (env.VAULT_NAMESPACE || undefined),
        caCert: env.VAULT_CACERT ? readCaCert(env.VAULT_CACERT) : undefined,
        skipVerify,
        auth: authFromEnv(env, options.jwt),
        timeoutMs: options.timeoutMs ?? 30_000,
        concurrency: options.concurrency
    };
}
function readCaCert(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        throw new SettingsError(`VAULT_CACERT: cannot read ${file}`);
    }
}
function authFromEnv(env, jwt) {
    const mount = env.VAULT_AUTH_MOUNT;
    if (env.VAULT_ROLE_ID) {
        if (!env.VAULT_SECRET_ID)
            throw new SettingsError('VAULT_ROLE_ID is set but VAULT_SECRET_ID is not');
        return {
            method: 'approle',
            roleId: env.VAULT_ROLE_ID,
            secretId: env.VAULT_SECRET_ID,
            mount: mount || 'approle'
        };
    }
    if (env.VAULT_JWT_ROLE) {
        const token = jwt ?? env.VAULT_JWT;
        if (!token)
            throw new SettingsError('VAULT_JWT_ROLE is set but there is no token: set VAULT_JWT');
        return {
            method: 'jwt',
            role: env.VAULT_JWT_ROLE,
            jwt: token,
            mount: mount || 'jwt'
        };
    }
    if (!env.VAULT_TOKEN) {
        throw new SettingsError('no Vault credentials: set VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID (AppRole), or VAULT_JWT_ROLE and VAULT_JWT (JWT)');
    }
    return { method: 'token', token: env.VAULT_TOKEN };
}
/** Every credential in the settings, for masking. */
function connectionSecrets(connection) {
    const { auth } = connection;
    switch (auth.method) {
        case 'token':
            return [auth.token];
        case 'approle':
            return [auth.secretId];
        case 'jwt':
            return [auth.jwt];
    }
}
function isLoopback(address) {
    const host = new URL(address).hostname.replace(/^\[|\]$/g, '');
    return (host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host));
}

;// CONCATENATED MODULE: ./src/io/astro-env.ts
const DEFAULT_ASTRO_API_URL = 'https://api.astronomer.io/v1';
/**
 * ASTRO_API_TOKEN, ASTRO_ORGANIZATION_ID and ASTRO_API_URL (for the
 * v1beta1 API, a proxy, or the project's test server).
 */
function astroFromEnv(env) {
    return {
        baseUrl: (env.ASTRO_API_URL || DEFAULT_ASTRO_API_URL).replace(/\/+$/, ''),
        token: env.ASTRO_API_TOKEN || undefined,
        organizationId: env.ASTRO_ORGANIZATION_ID || undefined
    };
}

;// CONCATENATED MODULE: ./src/core/render/astro-text.ts
function describeDeployment(d) {
    const who = d.name ? `${d.name} (${d.id})` : d.id;
    if (d.error)
        return `Deployment ${who}: failed: ${d.error}`;
    const plan = d.plan;
    if (!plan)
        return `Deployment ${who}: not reached`;
    const vars = plan.variables
        .filter((v) => v.action !== 'unchanged')
        .map((v) => `${v.key} (${v.action})`)
        .join(', ');
    switch (plan.action) {
        case 'unchanged':
            return `Deployment ${who}: unchanged`;
        case 'skipped':
            return `Deployment ${who}: skipped: ${plan.reason ?? ''}`;
        case 'update': {
            const done = d.posted ? 'updated' : 'would update';
            const waited = d.waited
                ? `; ${d.waited.status} after ${d.waited.seconds} s`
                : '';
            return `Deployment ${who}: ${done} ${vars}${waited}`;
        }
    }
}
function renderAstroText(deployments) {
    if (deployments.length === 0)
        return '';
    const lines = ['Astro:'];
    for (const d of deployments) {
        lines.push(`  ${describeDeployment(d)}`);
        for (const w of d.plan?.warnings ?? [])
            lines.push(`    warning: ${w}`);
        if (d.plan?.helmValues)
            lines.push(d.plan.helmValues.replace(/^/gm, '    '));
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/core/render/astro-markdown.ts


/** One line per Deployment, and the Helm values where they are needed. */
function renderAstroMarkdown(deployments) {
    const parts = ['### Astro Deployments'];
    for (const d of deployments) {
        parts.push(`- ${(0,markdown/* cell */.Hn)(describeDeployment(d))}`);
        for (const w of d.plan?.warnings ?? [])
            parts.push(`  - ⚠️ ${(0,markdown/* cell */.Hn)(w)}`);
        if (d.plan?.helmValues) {
            parts.push(`\n<details><summary>Helm values for ${d.id}</summary>\n\n\`\`\`yaml\n${d.plan.helmValues}\n\`\`\`\n</details>\n`);
        }
    }
    return parts.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/core/airflow/python-quote.ts
var python_quote = __webpack_require__(9925);
;// CONCATENATED MODULE: ./src/core/redact.ts

/**
 * Shorter values are not redacted from output: a two-letter secret would
 * blank out every word containing it. GitHub's own masking has the same
 * trade-off; such values are still never printed by construction.
 */
const MIN_REDACTED_LENGTH = 4;
const REDACTED = '***';
/** Every form a value can take in output: raw, each line, percent-encoded. */
function secretForms(secret) {
    const forms = new Set([secret, ...secret.split(/\r?\n/)]);
    for (const form of [...forms]) {
        for (const encode of [encodeURIComponent, python_quote/* quote */.hD, python_quote/* quotePlus */.n_]) {
            try {
                forms.add(encode(form));
            }
            catch {
                // A lone surrogate cannot be encoded; the raw form is still there.
            }
        }
    }
    return [...forms].filter((f) => f.length >= MIN_REDACTED_LENGTH);
}
/** A function that replaces every known secret form in a text. */
function makeRedactor(secrets) {
    const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
    if (forms.length === 0)
        return (text) => text;
    return (text) => {
        let out = text;
        for (const form of forms)
            out = out.split(form).join(REDACTED);
        return out;
    };
}

;// CONCATENATED MODULE: ./src/action/mask.ts


/**
 * Registers a secret with the runner before anything could print it: each
 * line of a multi-line value (the runner masks line by line) and its
 * percent-encoded forms, as they appear inside a conn_uri.
 */
function maskSecret(value) {
    if (value === '')
        return;
    core/* setSecret */.Pq(value);
    for (const form of secretForms(value))
        core/* setSecret */.Pq(form);
}

// EXTERNAL MODULE: ./src/action/report.ts
var action_report = __webpack_require__(1658);
;// CONCATENATED MODULE: ./src/action/sync-step.ts















/** Rows per table in the summary: far under GitHub's 1 MiB. */
const MAX_ROWS = 1000;
/** plan, apply or drift; returns the summary markdown. */
async function runSyncStep(settings, manifest) {
    const command = settings.command;
    const jwt = await oidcToken(settings);
    const connection = connectionFromEnv(settings.vaultEnv, { concurrency: settings.concurrency, jwt }, (w) => core/* warning */.$e(w));
    connectionSecrets(connection).forEach(maskSecret);
    const astro = astroFromEnv(settings.vaultEnv);
    if (astro.token)
        maskSecret(astro.token);
    connection.onToken = maskSecret;
    const report = await runSync({
        command,
        text: manifest.text,
        validate: {
            file: manifest.display,
            manifestDir: manifest.directory,
            repoRoot: settings.workspace,
            values: (0,manifest_file/* localValueSource */.YV)(settings.vaultEnv, settings.workspace)
        },
        connection,
        astro,
        prune: settings.prune,
        onSecrets: (secrets) => secrets.forEach(maskSecret)
    });
    (0,action_report/* annotate */.fz)(report.problems);
    const json = reportJson(report);
    const changed = (report.vault?.changes ?? []).some((c) => c.action !== 'unchanged');
    const drifted = (report.vault?.drift?.length ?? 0) > 0;
    core/* setOutput */.uH('ok', String(json.ok));
    core/* setOutput */.uH('changed', String(changed));
    core/* setOutput */.uH('drifted', String(drifted));
    core/* setOutput */.uH('plan', JSON.stringify(json));
    core/* setOutput */.uH('problems', JSON.stringify(json.problems));
    const summary = renderSummary(report, manifest.display);
    core/* setOutput */.uH('summary', summary);
    await reportOnGitHub(settings, manifest.display, summary, {
        changed,
        drifted
    });
    const code = syncExitCode(report);
    if (report.remoteError) {
        core/* setOutput */.uH('error-message', report.remoteError);
        core/* setFailed */.C1(report.remoteError);
    }
    else if (code === 1 && !(command === 'drift' && !settings.failOnDrift)) {
        core/* setFailed */.C1(command === 'drift'
            ? 'drift found between the manifest and Vault'
            : `${manifest.display} has problems`);
    }
    else if ((report.vault?.outcome?.failed.length ?? 0) > 0) {
        core/* setFailed */.C1('some secrets were not written; see the summary');
    }
    return summary;
}
function renderSummary(report, file) {
    const parts = [(0,markdown/* renderProblemsMarkdown */.qE)(file, report.problems, MAX_ROWS)];
    const vault = report.vault;
    if (vault) {
        parts.push(`Vault \`${vault.address}\`, mount \`${vault.mount}/\` (KV v${vault.kvVersion})`);
        parts.push(report.command === 'drift'
            ? renderDriftMarkdown(vault.drift ?? [], MAX_ROWS)
            : renderChangesMarkdown(vault.changes, MAX_ROWS));
        const outcome = vault.outcome;
        if (outcome) {
            parts.push(`**Applied:** ${outcome.written.length} written, ${outcome.failed.length} failed, ${outcome.skipped.length} not attempted.`);
            for (const f of outcome.failed)
                parts.push(`- ❌ ${f.kind} \`${f.key}\`: ${f.error}`);
        }
    }
    if (report.astro && report.astro.length > 0)
        parts.push(renderAstroMarkdown(report.astro));
    if (report.remoteError)
        parts.push(`❌ ${report.remoteError}`);
    return parts.join('\n\n') + '\n';
}
/** The sticky plan comment on a PR, and the drift issue, when asked for. */
async function reportOnGitHub(settings, manifest, summary, state) {
    const wantsComment = settings.command !== 'drift' && settings.commentOnPr !== 'never';
    const wantsIssue = settings.command === 'drift' && settings.driftIssue;
    if (!wantsComment && !wantsIssue)
        return;
    const place = githubPlace(settings.vaultEnv);
    if (!place || !settings.githubToken) {
        core/* info */.pq('No repository or github-token: no PR comment or drift issue.');
        return;
    }
    // @actions/github reads GITHUB_API_URL once, at import; GHES and tests
    // need the value of this run.
    const octokit = (0,github/* getOctokit */.Q)(settings.githubToken, {
        baseUrl: settings.vaultEnv.GITHUB_API_URL || 'https://api.github.com'
    });
    if (wantsComment) {
        await upsertPlanComment(octokit, place, manifest, summary, {
            mode: settings.commentOnPr,
            changed: state.changed
        });
    }
    else {
        await syncDriftIssue(octokit, place, manifest, summary, state.drifted);
    }
}
/** GitHub's OIDC token for a JWT login, when no token was given. */
async function oidcToken(settings) {
    if (!settings.vaultEnv.VAULT_JWT_ROLE || settings.vaultEnv.VAULT_JWT)
        return undefined;
    try {
        return await core/* getIDToken */.V9(settings.jwtAudience);
    }
    catch (cause) {
        throw new Error(`cannot get GitHub's OIDC token for the Vault JWT login: ${cause instanceof Error ? cause.message : String(cause)}. The workflow needs \`permissions: id-token: write\``, { cause });
    }
}


/***/ })

};
