export const id = 370;
export const ids = [370];
export const modules = {

/***/ 5370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runSyncStep: () => (/* binding */ runSyncStep)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
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

// EXTERNAL MODULE: ./src/core/validate/validate.ts + 21 modules
var validate = __webpack_require__(4191);
// EXTERNAL MODULE: ./src/core/sync/resolve.ts
var resolve = __webpack_require__(5663);
// EXTERNAL MODULE: ./src/core/sync/desired.ts
var sync_desired = __webpack_require__(9757);
// EXTERNAL MODULE: ./src/core/airflow/parse-conn-uri.ts + 8 modules
var parse_conn_uri = __webpack_require__(5966);
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
/** Key-order-free JSON of a secret: what its fingerprint is taken of. */
function canonicalData(data) {
    return canonical(data);
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/astro/fingerprint.ts
var fingerprint = __webpack_require__(8135);
;// CONCATENATED MODULE: ./src/core/sync/fingerprint.ts
/**
 * A fingerprint of each secret apply writes, kept in its KV v2
 * custom_metadata, so plan can say "unchanged" or "differs" without
 * reading the value: the plan identity (which pull requests get) reads
 * metadata only. Anyone who can read metadata sees it, and values may be
 * weak passwords, so it is the Astro fingerprint's slow salted scrypt
 * (core/astro/fingerprint.ts), with a random salt per write: equal values
 * never look equal, and a guess costs tens of milliseconds.
 *
 * The mark names the version it was made for: a version written by anyone
 * else (or a lost metadata write) leaves it stale, and plan then says it
 * cannot compare instead of trusting it.
 */



const FINGERPRINT_KEY = 'fingerprint';
/**
 * Recorded when the manifest provisions the plan role (github_jwt), the
 * identity that needs them: each costs ~35 ms of CPU per written secret,
 * which a manifest of thousands without that role should not pay.
 */
function recordsFingerprints(manifest) {
    return manifest.provision?.github_jwt !== undefined;
}
const saltFor = (salt) => `airflow-vault-sync:secret:${salt}`;
/** `v1:<secret version>:<salt>:<scrypt key>`, for custom_metadata. */
async function fingerprintMark(data, secretVersion) {
    const salt = (0,external_node_crypto_.randomBytes)(16).toString('base64url');
    const key = await (0,fingerprint/* slowKeyAsync */.Lr)(canonicalData(data), saltFor(salt));
    return [fingerprint/* FINGERPRINT_VERSION */.UZ, secretVersion, salt, key].join(':');
}
function parseMark(text) {
    const parts = text?.split(':') ?? [];
    if (parts.length !== 4 || parts[0] !== fingerprint/* FINGERPRINT_VERSION */.UZ)
        return undefined;
    const version = Number(parts[1]);
    if (!Number.isInteger(version))
        return undefined;
    return { version, salt: parts[2] ?? '', key: parts[3] ?? '' };
}
/** Whether the metadata holds a fingerprint of exactly this version. */
function hasCurrentMark(customMetadata, version) {
    const mark = parseMark(customMetadata?.[FINGERPRINT_KEY]);
    return mark !== undefined && mark.version === version;
}
/** The desired value against the fingerprint of the current version. */
async function compareByMark(data, customMetadata, version) {
    const mark = parseMark(customMetadata?.[FINGERPRINT_KEY]);
    if (!mark)
        return {
            verdict: 'unknown',
            reason: 'no fingerprint yet: apply records one with each write when the manifest has provision.github_jwt'
        };
    if (mark.version !== version)
        return {
            verdict: 'unknown',
            reason: `version ${version} was not written by this tool`
        };
    const key = await (0,fingerprint/* slowKeyAsync */.Lr)(canonicalData(data), saltFor(mark.salt));
    return { verdict: key === mark.key ? 'same' : 'differs' };
}

;// CONCATENATED MODULE: ./src/core/sync/plan-unread.ts
/** A secret this token may not read: its fingerprint says, or nothing does. */
function unreadChange(base, read, v2) {
    const c = read.comparison;
    if (c.verdict !== 'unknown') {
        if (c.verdict === 'differs')
            return differs(base, read.version, v2);
        return {
            ...base,
            action: 'unchanged',
            fields: [],
            cas: read.version,
            writeMarks: false
        };
    }
    return {
        ...base,
        action: 'update',
        fields: [{ field: 'cannot compare' }],
        cas: read.version,
        writeMarks: v2,
        note: `${c.reason}, and this token reads no values; apply compares it and writes only if it differs`,
        compared: false
    };
}
function differs(base, version, v2) {
    return {
        ...base,
        action: 'update',
        fields: [{ field: 'value (by fingerprint)' }],
        cas: version,
        writeMarks: v2,
        note: 'its fingerprint differs; which fields, only a token that reads values can tell'
    };
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
        if (read.state === 'unread')
            return unreadChange(base, read, v2);
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
        // Marks are current when ours and fingerprinting this very version.
        const marked = !v2 ||
            (isOwned(read.customMetadata, options.manifestFile) &&
                (!options.fingerprints ||
                    hasCurrentMark(read.customMetadata, read.version)));
        if (sameData(read.data, secret.data)) {
            const cas = read.version;
            return {
                ...base,
                action: 'unchanged',
                fields: [],
                cas,
                writeMarks: !marked
            };
        }
        const fields = changedFields(secret.kind, read.data, secret.data);
        // Every write gets a new fingerprint, so its marks are written too.
        return {
            ...base,
            action: 'update',
            fields,
            cas: read.version,
            writeMarks: options.fingerprints ? v2 : !marked
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

// EXTERNAL MODULE: ./src/clients/vault/transport.ts
var transport = __webpack_require__(5578);
;// CONCATENATED MODULE: ./src/sync/readable-paths.ts

/**
 * Which secrets the token may read, asked before reading any: the plan
 * identity reads none and compares fingerprints instead. A token that may
 * not ask (no default policy) is taken to read them all, as before.
 */
async function readablePaths(session, kv, paths) {
    if (paths.length === 0)
        return new Set();
    const full = (p) => kv.version === 2 ? `${kv.mount}/data/${p}` : `${kv.mount}/${p}`;
    let granted;
    try {
        granted = await session.capabilities(paths.map(full));
    }
    catch (cause) {
        if (cause instanceof transport/* VaultError */.hb && cause.status === 403)
            return new Set(paths);
        throw cause;
    }
    return new Set(paths.filter((p) => {
        const caps = granted[full(p)] ?? [];
        return (!caps.includes('deny') &&
            (caps.includes('read') || caps.includes('root')));
    }));
}

;// CONCATENATED MODULE: ./src/core/sync/drift.ts


function detectDrift(desired, state, manifestFile) {
    const items = [];
    for (const secret of desired) {
        const read = state.reads.get(secret.path) ?? { state: 'absent' };
        const base = { kind: secret.kind, key: secret.key, path: secret.path };
        if (read.state === 'absent')
            items.push({ ...base, drift: 'missing', fields: [] });
        else if (read.state === 'unread') {
            // Compared by fingerprint only: no field names, and said when not at all.
            const c = read.comparison;
            if (c.verdict !== 'same') {
                const field = c.verdict === 'unknown'
                    ? `cannot compare (${c.reason}; this token reads no values)`
                    : 'value (by fingerprint)';
                items.push({ ...base, drift: 'changed', fields: [{ field }] });
            }
        }
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

// EXTERNAL MODULE: ./src/clients/vault/session.ts + 7 modules
var vault_session = __webpack_require__(2791);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
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
        custom_metadata: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).nullable().optional(),
        versions: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ deletion_time: schemas/* string */.YjP(), destroyed: schemas/* boolean */.zMY() }))
            .optional()
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
            ? (0,transport/* encodePath */.O0)(this.mount, kind, key)
            : (0,transport/* encodePath */.O0)(this.mount, key);
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
            ? (0,transport/* encodePath */.O0)(this.mount, 'metadata', folder)
            : (0,transport/* encodePath */.O0)(this.mount, folder);
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
            customMetadata: data.custom_metadata ?? null,
            live: isLive(data.versions?.[String(data.current_version)])
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
    return (error instanceof transport/* VaultError */.hb &&
        error.status === 400 &&
        error.errors.some((e) => e.includes('check-and-set parameter did not match')));
}
/** A version Airflow can still read: not destroyed, not soft-deleted yet. */
function isLive(version) {
    if (!version)
        return true;
    if (version.destroyed)
        return false;
    return (version.deletion_time === '' ||
        Date.parse(version.deletion_time) > Date.now());
}

// EXTERNAL MODULE: ./src/clients/vault/token-keeper.ts
var token_keeper = __webpack_require__(5381);
// EXTERNAL MODULE: ./src/core/problems.ts
var problems = __webpack_require__(536);
// EXTERNAL MODULE: ./src/clients/net/cancellation.ts
var cancellation = __webpack_require__(9745);
;// CONCATENATED MODULE: ./src/sync/pool.ts

/**
 * Runs `work` over `items` with at most `limit` in flight, keeping order.
 * `stop()` from a callback lets no new item start (a dead server must not
 * be retried for every one of a thousand pending writes). A throw stops
 * it too.
 */
async function mapLimit(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    let stopped = false;
    const stop = () => {
        stopped = true;
    };
    // The first failure stops new work; what is in flight finishes before it
    // is rethrown, so no request outlives the call.
    let failure;
    const worker = async () => {
        // A cancelled run (SIGINT, SIGTERM) starts nothing new either.
        while (!stopped && !(0,cancellation/* cancelledBy */.tK)() && next < items.length) {
            const index = next++;
            try {
                results[index] = await work(items[index], stop);
            }
            catch (error) {
                stopped = true;
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure)
        throw failure.error;
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
 * A secret this token may not read (the plan identity): its metadata says
 * whether it is live, and its fingerprint whether it is current. KV v1
 * keeps neither, so there it cannot be compared.
 */
async function readUnread(kv, d) {
    if (kv.version === 1)
        return {
            state: 'unread',
            comparison: { verdict: 'unknown', reason: 'KV v1 keeps no fingerprint' }
        };
    const meta = await kv.readMetadata(d.path);
    if (!meta || meta.version === 0)
        return { state: 'absent' };
    if (!meta.live)
        return {
            state: 'deleted',
            version: meta.version,
            customMetadata: meta.customMetadata
        };
    return {
        state: 'unread',
        version: meta.version,
        comparison: await compareByMark(d.data, meta.customMetadata, meta.version)
    };
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
            const path = (0,sync_desired/* secretPath */.s6)(base, child);
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
    const readable = (await options.readable?.(toRead.map((d) => d.path))) ??
        new Set(toRead.map((d) => d.path));
    const reads = await mapLimit(toRead, options.concurrency, (d) => readable.has(d.path) ? kv.read(d.path) : readUnread(kv, d));
    const readMap = new Map();
    toRead.forEach((d, i) => readMap.set(d.path, reads[i] ?? { state: 'absent' }));
    const extras = options.extras
        ? (await mapLimit(unlisted, options.concurrency, async (u) => {
            const metadata = await kv.readMetadata(u.path);
            // A soft-deleted key still lists, but Airflow cannot read it: it
            // is pruned already, unless prune_mode destroy wants it gone whole.
            if (metadata?.live === false && manifest.vault.prune_mode === 'soft')
                return undefined;
            return { ...u, customMetadata: metadata?.customMetadata ?? null };
        })).filter((e) => e !== undefined)
        : unlisted.map((u) => ({ ...u, customMetadata: null }));
    return { kvVersion: kv.version, reads: readMap, extras, folders };
}

// EXTERNAL MODULE: ./src/sync/astro.ts
var sync_astro = __webpack_require__(6696);
// EXTERNAL MODULE: ./src/sync/astro-connection.ts
var astro_connection = __webpack_require__(9701);
// EXTERNAL MODULE: ./src/sync/secret-forms.ts
var secret_forms = __webpack_require__(1829);
// EXTERNAL MODULE: ./src/io/vault-env.ts + 1 modules
var vault_env = __webpack_require__(3145);
// EXTERNAL MODULE: ./src/core/render/address.ts
var address = __webpack_require__(3564);
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
        // Metadata exists once the data is written, so marks (with the new
        // fingerprint) are an update.
        if (kvVersion === 2 && change.writeMarks && change.action !== 'delete')
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
                const version = change.action === 'unchanged'
                    ? change.cas
                    : await writeData(kv, change);
                if (change.writeMarks && kv.version === 2)
                    await kv.writeMetadata(change.path, {
                        ...options.marks,
                        // What plan compares when it may not read values.
                        ...(options.fingerprints
                            ? {
                                [FINGERPRINT_KEY]: await fingerprintMark(change.data ?? {}, version ?? 0)
                            }
                            : {})
                    });
            }
            outcome.written.push(who);
        }
        catch (cause) {
            outcome.failed.push({ ...who, error: describeFailure(cause) });
            if (cause instanceof token_keeper/* TokenExpiredError */.B ||
                (cause instanceof transport/* VaultError */.hb &&
                    (cause.status === undefined || cause.status === 503)))
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
 * (no second version); anything else is a real conflict. Returns the
 * version written, for its fingerprint.
 */
async function writeData(kv, change) {
    const data = change.data ?? {};
    try {
        return await kv.write(change.path, data, change.cas);
    }
    catch (cause) {
        if (!isCasConflict(cause))
            throw cause;
        const now = await kv.read(change.path);
        if (now.state !== 'present' || !sameData(now.data, data))
            throw cause;
        return now.version;
    }
}
function describeFailure(cause) {
    if (isCasConflict(cause)) {
        return 'changed in Vault after the plan read it (check-and-set conflict); not overwritten: review it and run again';
    }
    return cause instanceof Error ? cause.message : String(cause);
}

;// CONCATENATED MODULE: ./src/sync/failure-account.ts
/**
 * The run lost its token: a static one expired, or logging in again
 * failed (logins are otherwise replaced, token-keeper.ts).
 */
function tokenLostMessage(lost, written) {
    const after = `after ${written} secret(s) were written`;
    if (!lost.staticToken) {
        return `${lost.message}; stopped ${after}. Run again once the login works: only what is missing is written`;
    }
    return (`the Vault token expired (or was revoked) mid-run ${after}; ` +
        'use a token with a longer TTL, or AppRole/JWT, which log in again. ' +
        'Run again with a valid token: only what is missing is written');
}
function who(d) {
    return d.name ? `${d.name} (${d.id})` : d.id;
}
/**
 * When any Deployment failed: which were updated and which were not, and
 * that Vault was complete first (Airflow reads the secrets from there).
 */
function astroAccount(results, command, outcome) {
    const failed = results.filter((d) => d.error);
    if (failed.length === 0)
        return undefined;
    // Each Deployment's own error is in its line of the report.
    const names = failed.map(who).join(', ');
    if (command !== 'apply') {
        return `the Astro step failed for ${names}, so the ${command} of the Deployments is incomplete`;
    }
    const updated = results.filter((d) => d.posted);
    const current = results.filter((d) => !d.posted && !d.error && !d.notAttempted);
    const missed = results.filter((d) => !d.posted && !current.includes(d));
    const written = outcome?.written.length ?? 0;
    const vault = written > 0
        ? `all ${written} secret change(s) were written to Vault first`
        : 'Vault already matched the manifest';
    const list = (ds) => ds.length > 0 ? ds.map(who).join(', ') : 'none';
    return (`the Astro step failed for ${names} after ${vault}. ` +
        `Updated: ${list(updated)}. ` +
        (current.length > 0 ? `Unchanged or skipped: ${list(current)}. ` : '') +
        `Not updated: ${list(missed)}. ` +
        'Once fixed, run apply again: it updates only the Deployments not yet pointed at Vault');
}

;// CONCATENATED MODULE: ./src/sync/apply-checked.ts





/**
 * apply, after sys/capabilities-self said the token may do all of it: a
 * token short of one capability writes nothing and gets the policy that
 * would grant it. A token lost mid-run is said with the exact account.
 */
async function applyChecked(session, kv, changes, opts) {
    const { manifest } = opts;
    const needed = neededAccess(changes, manifest.vault.mount, kv.version, manifest.vault.prune_mode);
    const missing = missingAccess(needed, await session.capabilities(needed.map((n) => n.path)));
    if (missing.length > 0) {
        return {
            remoteError: `this token cannot do what the plan needs; nothing was written. Missing:\n` +
                missing
                    .map((m) => `  ${m.path}: ${m.capabilities.join(', ')}`)
                    .join('\n') +
                `\nA policy that grants it:\n${policyFor(missing)}`
        };
    }
    const outcome = await applyChanges(kv, changes, {
        concurrency: opts.concurrency,
        marks: ownershipMarks(opts.file),
        fingerprints: recordsFingerprints(manifest),
        pruneMode: manifest.vault.prune_mode
    });
    const lost = session.tokenLost;
    return {
        outcome,
        remoteError: lost
            ? tokenLostMessage(lost, outcome.written.length)
            : undefined
    };
}

;// CONCATENATED MODULE: ./src/sync/run.ts




















/**
 * plan, apply and drift: validate, read every value, then talk to Vault.
 * Nothing is written unless everything before the first write succeeded.
 */
async function runSync(request) {
    // Servers may quote what we sent them (a login body holds the
    // credentials): every text leaves redacted.
    const report = await sync(request);
    const astroToken = request.astro?.token;
    return (0,secret_forms/* redactReport */.a5)(report, [
        ...report.secrets,
        ...(0,vault_env/* connectionSecrets */.K$)(request.connection),
        ...(astroToken ? [astroToken] : [])
    ]);
}
async function sync(request) {
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
    const resolved = (0,resolve/* resolveValues */.h)(manifest, request.validate.manifestDir, request.validate.values);
    base.secrets = resolved.secrets;
    if (resolved.problems.length > 0) {
        return {
            ...base,
            problems: [...base.problems, ...resolved.problems.map(validation.place)]
        };
    }
    const desired = (0,sync_desired/* desiredSecrets */.ci)(manifest, resolved.read);
    const astro = (0,astro_connection/* astroConnection */._)(manifest, request.astro);
    if ('problem' in astro) {
        return {
            ...base,
            problems: [...base.problems, validation.place(astro.problem)]
        };
    }
    request.onSecrets?.([
        ...resolved.secrets,
        ...(0,secret_forms/* urisWithSecrets */.Ho)(desired, resolved.secrets),
        // The kwargs JSON escapes what it holds; mask it whole, for either KV version.
        ...[1, 2].flatMap((v) => (0,sync_astro/* kwargsJsonFor */.BD)(manifest, v, resolved.read))
    ]);
    let session;
    try {
        // The manifest's namespace is where Airflow reads: it wins over the env.
        const namespace = manifest.vault.namespace ?? request.connection.namespace;
        session = await vault_session/* VaultSession */.b.open({ ...request.connection, namespace });
        const kvVersion = await session.detectKvVersion(manifest.vault.mount, manifest.vault.kv_version);
        const kv = new KvClient(session.http, manifest.vault.mount, kvVersion);
        const concurrency = request.connection.concurrency;
        const needExtras = command === 'drift' || manifest.vault.prune !== false;
        const state = await readVaultState(kv, manifest, desired, {
            concurrency,
            extras: needExtras && kvVersion === 2,
            readable: (paths) => readablePaths(session, kv, paths)
        });
        if (kvVersion === 1 && manifest.vault.prune === true) {
            base.problems.push(validation.place((0,problems/* warning */.$e)('prune-needs-kv2', ['vault', 'prune'], 'KV v1 keeps no metadata, so this tool cannot tell which secrets it wrote: nothing is pruned. Use `prune: all` to prune every unlisted secret')));
        }
        const changes = planChanges(desired, state, {
            manifestFile: file,
            fingerprints: recordsFingerprints(manifest),
            prune: pruneFor(manifest.vault.prune, kvVersion)
        });
        const vault = {
            address: (0,address/* shownAddress */.U)(request.connection.address),
            mount: manifest.vault.mount,
            kvVersion,
            changes,
            requests: 0,
            retries: 0,
            drift: command === 'drift' ? detectDrift(desired, state, file) : undefined
        };
        const report = { ...base, vault };
        if (command === 'apply') {
            const applied = await applyChecked(session, kv, changes, {
                manifest,
                file,
                concurrency
            });
            vault.outcome = applied.outcome;
            report.remoteError = applied.remoteError;
        }
        Object.assign(vault, session.http.stats);
        const vaultFailed = report.remoteError !== undefined ||
            (vault.outcome?.failed.length ?? 0) > 0;
        if (astro.connection && !vaultFailed) {
            // After the secrets are in Vault, never before: the kwargs point there.
            report.astro = await (0,sync_astro/* syncAstro */.$j)(manifest, kvVersion, resolved.read, command, astro.connection);
            report.remoteError = astroAccount(report.astro, command, vault.outcome);
        }
        return report;
    }
    catch (cause) {
        if (!(cause instanceof transport/* VaultError */.hb))
            throw cause;
        // Expired before the first write: nothing was written.
        const message = cause instanceof token_keeper/* TokenExpiredError */.B
            ? tokenLostMessage(cause, 0)
            : cause.message;
        return { ...base, remoteError: message };
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
                fields: c.fields.map((f) => f.field),
                // Said when plan could compare neither the value nor a fingerprint.
                ...(c.compared === false ? { compared: false, note: c.note } : {})
            })),
            written: vault.outcome?.written.length ?? 0,
            failed: failed.map((f) => ({ key: f.key, error: f.error })),
            not_attempted: (vault.outcome?.skipped ?? []).map((s) => s.key),
            requests: vault.requests,
            retries: vault.retries,
            relogins: vault.relogins ?? 0,
            renewals: vault.renewals ?? 0,
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
        action: d.error
            ? 'failed'
            : d.notAttempted
                ? 'not_attempted'
                : (d.plan?.action ?? 'unchanged'),
        updated: d.posted,
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

// EXTERNAL MODULE: ./src/core/redact.ts + 1 modules
var redact = __webpack_require__(5187);
;// CONCATENATED MODULE: ./src/core/render/sync-text.ts


const SIGN = { create: '+', update: '~', delete: '-', unchanged: ' ' };
/**
 * `host: a → b, password`: names always, values only for safe fields. A
 * safe field read from a secret (`login: { env: … }`) arrives redacted;
 * its old value, read from Vault, is then taken for a secret as well.
 */
function describeFields(fields) {
    return fields
        .map((f) => f.from !== undefined && !isRedacted(f.from) && !isRedacted(f.to)
        ? `${f.field}: ${f.from} → ${f.to}`
        : f.field)
        .join(', ');
}
const isRedacted = (value) => value?.includes(redact/* REDACTED */.XF) ?? false;
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
                { code: c.key },
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
        { code: d.key },
        describeFields(d.fields)
    ]);
    return `⚠️ **Drift:** ${items.length} difference(s) between the manifest and Vault.\n\n${(0,markdown/* table */.tp)(['Drift', 'Kind', 'Key', 'Fields'], rows, maxRows)}\n`;
}

// EXTERNAL MODULE: ./src/io/manifest-file.ts + 1 modules
var manifest_file = __webpack_require__(9341);
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

// EXTERNAL MODULE: ./src/action/connections.ts + 1 modules
var connections = __webpack_require__(9004);
// EXTERNAL MODULE: ./src/action/mask.ts
var mask = __webpack_require__(1368);
// EXTERNAL MODULE: ./src/action/report.ts
var action_report = __webpack_require__(1658);
// EXTERNAL MODULE: ./src/core/render/escape-markdown.ts
var escape_markdown = __webpack_require__(5371);
;// CONCATENATED MODULE: ./src/action/sync-step.ts















/** Rows per table in the summary: far under GitHub's 1 MiB. */
const MAX_ROWS = 1000;
/** plan, apply or drift; returns the summary markdown. */
async function runSyncStep(settings, manifest) {
    const command = settings.command;
    const { connection, astro } = await (0,connections/* maskedConnections */.N)(settings, settings.concurrency);
    const report = await runSync({
        command,
        text: manifest.text,
        validate: (0,manifest_file/* validationInputs */.Rp)(manifest, settings.vaultEnv, settings.workspace),
        connection,
        astro,
        prune: settings.prune,
        onSecrets: (secrets) => secrets.forEach(mask/* maskSecret */.$)
    });
    const json = reportJson(report);
    const changed = (report.vault?.changes ?? []).some((c) => c.action !== 'unchanged');
    const drifted = (report.vault?.drift?.length ?? 0) > 0;
    const summary = renderSummary(report, manifest.display);
    (0,action_report/* publishReport */.S3)(json, report.problems, summary);
    core/* setOutput */.uH('changed', String(changed));
    core/* setOutput */.uH('drifted', String(drifted));
    await reportOnGitHub(settings, manifest.display, summary, {
        changed,
        drifted
    });
    const code = syncExitCode(report);
    if (report.remoteError) {
        (0,action_report/* failStep */.vy)(report.remoteError);
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
        parts.push(`Vault ${(0,escape_markdown/* mdCode */.x)(vault.address, false)}, mount ${(0,escape_markdown/* mdCode */.x)(`${vault.mount}/`, false)} (KV v${vault.kvVersion})`);
        parts.push(report.command === 'drift'
            ? renderDriftMarkdown(vault.drift ?? [], MAX_ROWS)
            : renderChangesMarkdown(vault.changes, MAX_ROWS));
        const outcome = vault.outcome;
        if (outcome) {
            parts.push(`**Applied:** ${outcome.written.length} written, ${outcome.failed.length} failed, ${outcome.skipped.length} not attempted.`);
            for (const f of outcome.failed)
                parts.push(`- ❌ ${f.kind} ${(0,escape_markdown/* mdCode */.x)(f.key, false)}: ${(0,escape_markdown/* mdText */.b)(f.error)}`);
        }
    }
    if (report.astro && report.astro.length > 0)
        parts.push(renderAstroMarkdown(report.astro));
    if (report.remoteError)
        parts.push(`❌ ${(0,escape_markdown/* mdText */.b)(report.remoteError)}`);
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


/***/ })

};
