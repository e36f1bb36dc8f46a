export const id = 841;
export const ids = [841];
export const modules = {

/***/ 9004:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N: () => (/* binding */ maskedConnections)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./src/io/vault-env.ts + 1 modules
var vault_env = __webpack_require__(3145);
// EXTERNAL MODULE: ./src/core/render/address.ts
var address = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/io/proxy-env.ts
var proxy_env = __webpack_require__(8610);
;// CONCATENATED MODULE: ./src/io/astro-env.ts



const DEFAULT_ASTRO_API_URL = 'https://api.astronomer.io/v1';
/**
 * ASTRO_API_TOKEN, ASTRO_ORGANIZATION_ID and ASTRO_API_URL (for the
 * v1beta1 API, a gateway, or the project's test server). Also gives the
 * Astro client HTTPS_PROXY, HTTP_PROXY and NO_PROXY (proxy-env.ts).
 */
function astroFromEnv(env, warn = () => undefined) {
    (0,proxy_env/* applyProxyEnv */.m)(env);
    const given = (env.ASTRO_API_URL || DEFAULT_ASTRO_API_URL)
        .trim()
        .replace(/\/+$/, '');
    // fetch refuses a URL with credentials (and quotes it whole), and the
    // API takes the token anyway; the front ends mask them (urlCredentials).
    const baseUrl = (0,address/* shownAddress */.U)(given);
    if (baseUrl !== given)
        warn('ASTRO_API_URL carries credentials (user:password@), which are not sent: the Astro API is called with ASTRO_API_TOKEN');
    if (/^http:\/\//i.test(baseUrl) && !(0,vault_env/* isLoopback */.U9)(baseUrl))
        warn(`ASTRO_API_URL ${baseUrl} is plain http and not this machine: the API token crosses the network unencrypted; use https`);
    return {
        baseUrl,
        token: env.ASTRO_API_TOKEN || undefined,
        organizationId: env.ASTRO_ORGANIZATION_ID || undefined
    };
}

// EXTERNAL MODULE: ./src/io/url-credentials.ts
var url_credentials = __webpack_require__(550);
// EXTERNAL MODULE: ./src/action/mask.ts
var mask = __webpack_require__(1368);
// EXTERNAL MODULE: ./src/action/report.ts
var report = __webpack_require__(1658);
;// CONCATENATED MODULE: ./src/action/connections.ts






/**
 * The Vault and Astro settings of a step, with every credential registered
 * with the runner before the first request, and every token a login
 * obtains registered as it arrives.
 */
async function maskedConnections(settings, concurrency) {
    const jwt = await oidcToken(settings);
    const connection = (0,vault_env/* connectionFromEnv */.WG)(settings.vaultEnv, { concurrency, jwt }, report/* warnStep */.fc);
    (0,vault_env/* connectionSecrets */.K$)(connection).forEach(mask/* maskSecret */.$);
    connection.onToken = mask/* maskSecret */.$;
    // A long run outlives GitHub's ID token: a re-login asks for a new one.
    if (jwt)
        connection.refreshJwt = () => core/* getIDToken */.V9(settings.jwtAudience);
    (0,url_credentials/* urlCredentials */.O)(settings.vaultEnv.ASTRO_API_URL).forEach(mask/* maskSecret */.$);
    const astro = astroFromEnv(settings.vaultEnv, report/* warnStep */.fc);
    if (astro.token)
        (0,mask/* maskSecret */.$)(astro.token);
    return { connection, astro };
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


/***/ }),

/***/ 2384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a5: () => (/* reexport */ AstroApiError),
  nY: () => (/* reexport */ createAstroClient),
  Qv: () => (/* reexport */ organizationIdFromToken),
  SE: () => (/* reexport */ waitForHealthy)
});

// UNUSED EXPORTS: AstroWaitTimeout, DEFAULT_RETRY, backoffMs, hintFor, parseRetryAfter, redact

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/core/astro/model.ts
var model = __webpack_require__(7506);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
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
const DEFAULT_RETRY = {
    maxAttempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxTotalMs: 60_000
};
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function isRetryableStatus(status) {
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
function backoffMs(opts, attempt, random, retryAfterMs) {
    const step = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
    const jittered = Math.round(step / 2 + (random() * step) / 2);
    return Math.max(jittered, retryAfterMs ?? 0);
}

// EXTERNAL MODULE: ./src/clients/net/proxy-tunnel.ts
var proxy_tunnel = __webpack_require__(2755);
// EXTERNAL MODULE: ./src/clients/net/redirect-policy.ts
var redirect_policy = __webpack_require__(8477);
;// CONCATENATED MODULE: ./src/clients/net/same-origin-fetch.ts
/**
 * fetch that follows a redirect only on the same origin. fetch's own
 * following drops Authorization on a cross-origin hop but keeps every
 * other header and a 307's body, and will go from https to http; so it is
 * turned off (`redirect: 'manual'`) and the policy of redirect-policy.ts
 * applies, as it does to the Vault client.
 */

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
async function fetchSameOrigin(fetcher, server, url, init) {
    let target = url;
    for (let hop = 0;; hop++) {
        const res = await fetcher(target, { ...init, redirect: 'manual' });
        const location = res.headers.get('location');
        if (!REDIRECTS.has(res.status) || location === null)
            return res;
        await res.body?.cancel();
        const next = new URL(location, target).href;
        (0,redirect_policy/* checkRedirect */.n8)(server, target, next);
        if (hop + 1 >= redirect_policy/* MAX_REDIRECTS */.NX)
            throw new redirect_policy/* RedirectRefusedError */.jw(server, (0,redirect_policy/* shownUrl */.zA)(url), `${(0,redirect_policy/* shownUrl */.zA)(next)} (more than ${redirect_policy/* MAX_REDIRECTS */.NX} redirects)`);
        target = next;
    }
}

// EXTERNAL MODULE: ./src/clients/net/request-log.ts
var request_log = __webpack_require__(6890);
// EXTERNAL MODULE: ./src/clients/net/cancellation.ts
var cancellation = __webpack_require__(9745);
;// CONCATENATED MODULE: ./src/clients/astro/request.ts
/**
 * One Astro API call with retries: plain fetch, a timeout per attempt,
 * 429/5xx/network failures retried (retry.ts), and a final failure turned
 * into an AstroApiError from the spec's Error body (message, requestId,
 * fieldErrors) or from a text body (gateways answer text, astro-api.md §3).
 */







async function attempt(t, url, init) {
    const cancelled = (0,cancellation/* cancelledBy */.tK)();
    // Astro comes after Vault: a cancelled run does not start on it.
    if (cancelled)
        return {
            ok: false,
            text: new cancellation/* CancelledError */.cc(cancelled).message,
            final: true
        };
    try {
        const res = await fetchSameOrigin(t.fetch, 'the Astro API', url, {
            ...init,
            signal: AbortSignal.timeout(t.timeoutMs)
        });
        const text = await res.text();
        (0,request_log/* logRequest */.a)('Astro', init.method ?? 'GET', url, res.status);
        if (res.ok)
            return { ok: true, status: res.status, text };
        const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), t.now());
        return { ok: false, status: res.status, text, retryAfterMs };
    }
    catch (e) {
        if (e instanceof redirect_policy/* RedirectRefusedError */.jw)
            return { ok: false, text: e.message, final: true };
        const err = e;
        const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
        (0,request_log/* logRequest */.a)('Astro', init.method ?? 'GET', url, err.cause?.code ?? 'no answer');
        const detail = timedOut
            ? `no answer within ${t.timeoutMs} ms`
            : (err.cause?.code ?? err.cause?.message ?? err.message);
        return { ok: false, text: detail, final: err.cause instanceof proxy_tunnel/* ProxyError */.T };
    }
}
/** Sends and returns the 2xx body text; throws AstroApiError otherwise. */
async function send(t, url, init, ctx, secrets = []) {
    const started = t.now();
    for (let n = 1;; n++) {
        const out = await attempt(t, url, init);
        if (out.ok)
            return out.text;
        const retryable = !out.final && (out.status === undefined || isRetryableStatus(out.status));
        if (retryable && n < t.retry.maxAttempts) {
            const delay = backoffMs(t.retry, n, t.random, out.retryAfterMs);
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/clients/net/agents.ts + 1 modules
var agents = __webpack_require__(3358);
// EXTERNAL MODULE: ./src/clients/net/proxy-settings.ts
var proxy_settings = __webpack_require__(1540);
;// CONCATENATED MODULE: ./src/clients/net/proxied-fetch.ts
/**
 * fetch for an API behind a proxy. Node's fetch ignores HTTPS_PROXY, and
 * a dispatcher would need undici's own proxy code with its own NO_PROXY
 * rules; this sends through the same agents as the Vault client instead.
 * It covers what the Astro client uses: a method, string headers and body,
 * a signal, and the body read whole. Failures take fetch's shape
 * (TypeError "fetch failed" with the reason as `cause`).
 */





/** globalThis.fetch, or one through the proxy the settings give for it. */
function fetchFor(baseUrl, settings = (0,proxy_settings/* proxySettings */.EM)()) {
    if (!(0,proxy_settings/* proxyFor */.iJ)(new URL(baseUrl), settings))
        return globalThis.fetch;
    return fetchThrough((0,agents/* agentsFor */.m)(baseUrl, { maxSockets: 4, timeoutMs: 30_000, proxy: settings }));
}
const NO_BODY = new Set([204, 205, 304]);
function fetchThrough(agents) {
    return (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const secure = url.protocol === 'https:';
        return new Promise((resolve, reject) => {
            const failed = (cause) => reject(cause.name === 'AbortError'
                ? cause
                : new TypeError('fetch failed', { cause }));
            const request = (secure ? (external_node_https_default()) : (external_node_http_default())).request(url, {
                method: init?.method ?? 'GET',
                headers: Object.fromEntries(new Headers(init?.headers)),
                agent: secure ? agents.httpsAgent : agents.httpAgent,
                signal: init?.signal ?? undefined
            }, (res) => {
                const chunks = [];
                res.on('data', (chunk) => chunks.push(chunk));
                res.on('error', failed);
                res.on('end', () => {
                    const status = res.statusCode ?? 502;
                    if (status === 407 && agents.proxy) {
                        failed(new proxy_tunnel/* ProxyError */.T(`the proxy ${(0,proxy_settings/* proxyLabel */.LE)(agents.proxy)} answered 407 (authentication required); put its credentials in the proxy URL, or list the host in NO_PROXY`));
                        return;
                    }
                    const headers = new Headers();
                    for (const [name, value] of Object.entries(res.headers)) {
                        for (const one of [value ?? []].flat())
                            headers.append(name, one);
                    }
                    const body = NO_BODY.has(status) ? null : Buffer.concat(chunks);
                    resolve(new Response(body, { status, headers }));
                });
            });
            request.on('error', failed);
            if (init?.body != null && typeof init.body !== 'string')
                request.destroy(new Error('only string bodies are sent this way'));
            else
                request.end(init?.body ?? undefined);
        });
    };
}

;// CONCATENATED MODULE: ./src/clients/astro/client.ts
/**
 * The Astro API client (astro-api.md §1): read, update and list
 * Deployments. Settings come in as arguments; nothing here reads the
 * environment or talks to @actions/*. Responses are zod-checked as loose
 * objects so every field survives to be sent back in the update body.
 */







const PageSchema = schemas/* looseObject */._H3({
    deployments: schemas/* array */.YOg(model/* DeploymentSchema */.f5),
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
        fetch: opts.fetch ?? fetchFor(base),
        headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            'User-Agent': `${version/* TOOL_NAME */.l}/${version/* VERSION */.x}`,
            'x-astro-client-identifier': version/* TOOL_NAME */.l,
            'x-astro-client-version': version/* VERSION */.x
        },
        retry: { ...DEFAULT_RETRY, ...opts.retry },
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
            return parseBody(model/* DeploymentSchema */.f5, text, c);
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
            return parseBody(model/* DeploymentSchema */.f5, text, c);
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







/***/ }),

/***/ 3358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ agentsFor)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./src/clients/net/proxy-tunnel.ts
var proxy_tunnel = __webpack_require__(2755);
// EXTERNAL MODULE: ./src/clients/net/proxy-settings.ts
var proxy_settings = __webpack_require__(1540);
;// CONCATENATED MODULE: ./src/clients/net/proxy-agents.ts
/**
 * node:http agents that go through an HTTP proxy. HTTPS targets are
 * tunnelled with CONNECT, so TLS (and VAULT_CACERT) stays end to end and
 * the proxy sees only host and port; plain http targets are forwarded in
 * absolute form, as curl does, since many proxies allow CONNECT to 443
 * only. Both keep sockets alive and pool them like the plain agents.
 */






/** https through a CONNECT tunnel; TLS options are the agent's. */
class TunnelAgent extends (external_node_https_default()).Agent {
    proxy;
    connectTimeoutMs;
    constructor(proxy, options, connectTimeoutMs) {
        super(options);
        this.proxy = proxy;
        this.connectTimeoutMs = connectTimeoutMs;
    }
    createConnection(options, callback) {
        (0,proxy_tunnel/* openTunnel */.X)(this.proxy, options, this.connectTimeoutMs).then((socket) => {
            // servername and ca come from the agent: the check is Vault's cert.
            const secure = external_node_tls_default().connect({ ...options, socket });
            // The pool unrefs idle sockets so they never hold the process
            // open; over a tunnel, only the TCP socket underneath can.
            secure.ref = () => (socket.ref(), secure);
            secure.unref = () => (socket.unref(), secure);
            callback(null, secure);
        }, (cause) => callback(cause, undefined));
        return undefined;
    }
}
const baseAddRequest = (external_node_http_default()).Agent.prototype
    .addRequest;
/** http forwarded to the proxy, request line in absolute form. */
class ForwardAgent extends (external_node_http_default()).Agent {
    proxy;
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    /** Before the headers are written: the proxy needs the whole URL. */
    addRequest(req, options) {
        const host = external_node_net_default().isIPv6(req.host) ? `[${req.host}]` : req.host;
        const port = options.port ? `:${options.port}` : '';
        req.path = `http://${host}${port}${req.path}`;
        const auth = (0,proxy_settings/* proxyAuthorization */.YB)(this.proxy);
        if (auth)
            req.setHeader('Proxy-Authorization', auth);
        baseAddRequest.call(this, req, options);
    }
    createConnection(_options, callback) {
        const socket = external_node_net_default().connect({
            host: this.proxy.hostname.replace(/^\[|\]$/g, ''),
            port: Number(this.proxy.port || 80)
        });
        const failed = (cause) => {
            socket.destroy();
            callback(new proxy_tunnel/* ProxyError */.T(`cannot connect to the proxy ${(0,proxy_settings/* proxyLabel */.LE)(this.proxy)} (${cause.code ?? cause.message}); check HTTP_PROXY, or list the host in NO_PROXY`), socket);
        };
        socket.once('error', failed);
        socket.once('connect', () => {
            socket.off('error', failed);
            callback(null, socket);
        });
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/clients/net/agents.ts
/**
 * The keep-alive agents for one server (Vault, or the Astro API): direct,
 * or through the proxy the settings give for that address. The Vault and
 * Astro clients both take theirs from here, so NO_PROXY means one thing.
 */




function agentsFor(address, settings) {
    const proxy = (0,proxy_settings/* proxyFor */.iJ)(new URL(address), settings.proxy);
    const pool = { keepAlive: true, maxSockets: settings.maxSockets };
    const tlsOptions = {
        ca: settings.caCert,
        rejectUnauthorized: !settings.skipVerify
    };
    const httpAgent = proxy ? new ForwardAgent(proxy, pool) : new (external_node_http_default()).Agent(pool);
    const httpsAgent = proxy
        ? new TunnelAgent(proxy, { ...pool, ...tlsOptions }, settings.timeoutMs)
        : new (external_node_https_default()).Agent({ ...pool, ...tlsOptions });
    return {
        httpAgent,
        httpsAgent,
        proxy,
        destroy: () => {
            httpAgent.destroy();
            httpsAgent.destroy();
        }
    };
}


/***/ }),

/***/ 1540:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EM: () => (/* binding */ proxySettings),
/* harmony export */   LE: () => (/* binding */ proxyLabel),
/* harmony export */   YB: () => (/* binding */ proxyAuthorization),
/* harmony export */   iJ: () => (/* binding */ proxyFor),
/* harmony export */   vz: () => (/* binding */ useProxySettings),
/* harmony export */   zb: () => (/* binding */ parseNoProxy)
/* harmony export */ });
/* unused harmony export NO_PROXY_SETTINGS */
const NO_PROXY_SETTINGS = { noProxy: [] };
/**
 * NO_PROXY as curl and undici read it: comma- or space-separated; `*`
 * alone matches everything; `example.com`, `.example.com` and
 * `*.example.com` all match example.com and every host under it; an IP
 * matches only itself (no CIDR ranges); `host:port` only that port.
 * Loopback is not special: list `localhost,127.0.0.1` to bypass it.
 */
function parseNoProxy(value) {
    return (value ?? '')
        .split(/[\s,]+/)
        .filter((entry) => entry !== '')
        .map((entry) => {
        const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
        if (bracketed)
            return { host: bracketed[1], port: bracketed[2] };
        const withPort = /^([^:]+):(\d+)$/.exec(entry);
        const host = withPort ? withPort[1] : entry;
        const domain = host === '*' ? '*' : host.replace(/^\*?\.?/, '');
        return { host: domain.toLowerCase(), port: withPort?.[2] };
    })
        .filter((entry) => entry.host !== '');
}
/** The proxy for `target`, or undefined to connect directly. */
function proxyFor(target, settings) {
    const proxy = target.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
    if (!proxy)
        return undefined;
    const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = target.port || (target.protocol === 'https:' ? '443' : '80');
    const bypass = settings.noProxy.some((entry) => entry.host === '*' ||
        ((host === entry.host || host.endsWith(`.${entry.host}`)) &&
            (entry.port === undefined || entry.port === port)));
    return bypass ? undefined : proxy;
}
/** How a proxy is named in messages: never with its credentials. */
function proxyLabel(proxy) {
    return `${proxy.protocol}//${proxy.host}`;
}
/** The Proxy-Authorization header for credentials in the proxy's URL. */
function proxyAuthorization(proxy) {
    if (!proxy.username && !proxy.password)
        return undefined;
    const user = decodeURIComponent(proxy.username);
    const password = decodeURIComponent(proxy.password);
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
let current = NO_PROXY_SETTINGS;
/**
 * Set by the front ends' settings parsing, once per run: the Vault and
 * Astro clients of this process use it, since neither may read the
 * environment itself (the CLI runs on an environment it is given).
 */
function useProxySettings(settings) {
    current = settings;
}
function proxySettings() {
    return current;
}


/***/ }),

/***/ 2755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ ProxyError),
/* harmony export */   X: () => (/* binding */ openTunnel)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _proxy_settings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1540);
/**
 * The CONNECT handshake with an HTTP proxy. Failures are ProxyErrors that
 * name the proxy (never its credentials) and what to check, so a refused
 * tunnel is not mistaken for Vault or Astro being down.
 */


/**
 * A failure of the proxy itself. It has no `code`, so it is not retried
 * like a reset connection, and prints as its message alone, since the
 * caller already says which request failed.
 */
class ProxyError extends Error {
    name = 'ProxyError';
    toString() {
        return this.message;
    }
}
/** Up to the end of the proxy's answer head: a small, bounded read. */
const MAX_HEAD_BYTES = 16 * 1024;
function openTunnel(proxy, target, timeoutMs) {
    const host = (target.host ?? 'localhost').replace(/^\[|\]$/g, '');
    const authority = `${node_net__WEBPACK_IMPORTED_MODULE_0___default().isIPv6(host) ? `[${host}]` : host}:${target.port ?? 443}`;
    const label = (0,_proxy_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyLabel */ .LE)(proxy);
    return new Promise((resolve, reject) => {
        const socket = node_net__WEBPACK_IMPORTED_MODULE_0___default().connect({
            host: proxy.hostname.replace(/^\[|\]$/g, ''),
            port: Number(proxy.port || 80)
        });
        let head = Buffer.alloc(0);
        const fail = (why) => {
            socket.destroy();
            reject(new ProxyError(`the proxy ${label} ${why}; check HTTPS_PROXY (and its credentials), or list the host in NO_PROXY`));
        };
        const onData = (chunk) => {
            head = Buffer.concat([head, chunk]);
            const end = head.indexOf('\r\n\r\n');
            if (end < 0) {
                if (head.length > MAX_HEAD_BYTES)
                    fail('sent an endless answer');
                return;
            }
            socket.off('data', onData);
            socket.off('error', onError);
            socket.setTimeout(0);
            socket.pause();
            const statusLine = head.subarray(0, head.indexOf('\r\n')).toString();
            const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
            if (status !== '200') {
                fail(`refused the tunnel to ${authority}: "${statusLine}"`);
                return;
            }
            const rest = head.subarray(end + 4);
            if (rest.length > 0)
                socket.unshift(rest);
            resolve(socket);
        };
        const onError = (cause) => fail(`cannot be reached (${cause.code ?? cause.message})`);
        socket.on('data', onData);
        socket.once('error', onError);
        socket.setTimeout(timeoutMs, () => fail(`did not answer CONNECT within ${timeoutMs} ms`));
        socket.once('connect', () => {
            const auth = (0,_proxy_settings_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyAuthorization */ .YB)(proxy);
            socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n` +
                (auth ? `Proxy-Authorization: ${auth}\r\n` : '') +
                '\r\n');
        });
    });
}


/***/ }),

/***/ 2791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ VaultSession)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./src/clients/vault/transport.ts
var transport = __webpack_require__(5578);
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
        (0,transport/* errorsOf */.Bp)(response.body).some((e) => e.startsWith('Upgrading from non-versioned')));
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
/**
 * TLS failures, in the words of the setting that fixes them. Which code a
 * missing CA gives depends on the server: a leaf alone gives
 * UNABLE_TO_VERIFY_LEAF_SIGNATURE, a leaf sent with its CA gives
 * SELF_SIGNED_CERT_IN_CHAIN, an intermediate without its root one of the
 * ISSUER codes, a self-signed leaf DEPTH_ZERO_SELF_SIGNED_CERT.
 */
const TLS_UNTRUSTED = new Set([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'CERT_UNTRUSTED',
    'CERT_SIGNATURE_FAILURE',
    'INVALID_CA'
]);
/** A TLS client talking to a plain-http listener (or the reverse). */
const TLS_MISMATCH = new Set(['EPROTO', 'ERR_SSL_WRONG_VERSION_NUMBER']);
function explainNetwork(code) {
    if (code === undefined)
        return undefined;
    if (TLS_UNTRUSTED.has(code)) {
        return `certificate not trusted (${code}); set VAULT_CACERT (the vault-ca-cert input) to the CA that signed Vault's certificate`;
    }
    if (code === 'CERT_HAS_EXPIRED')
        return 'Vault’s TLS certificate has expired';
    if (code === 'CERT_NOT_YET_VALID') {
        return 'Vault’s TLS certificate is not valid yet; check this machine’s clock';
    }
    if (TLS_MISMATCH.has(code)) {
        return `the TLS handshake failed (${code}); does VAULT_ADDR say https:// for a server that speaks plain http?`;
    }
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
 * A token Vault does not know (unknown, expired or revoked, §6.2). Vault
 * says "invalid token"; OpenBao answers the bare "permission denied" it
 * gives for no token. A valid token that lacks a capability gets the
 * wrapped "1 error occurred: permission denied" from both, so the bare
 * text means the token (we always send one).
 */
function isInvalidToken(response) {
    if (response.status !== 403)
        return false;
    const errors = (0,transport/* errorsOf */.Bp)(response.body);
    return (errors.some((e) => e.includes('invalid token')) ||
        (errors.length === 1 && errors[0] === 'permission denied'));
}
/**
 * Requests with retries: every call goes through `send`, so backoff,
 * counting and error wording are the same for reads, writes and logins.
 */
class VaultHttp {
    transport;
    retry;
    sleep;
    stats = {
        requests: 0,
        retries: 0,
        relogins: 0,
        renewals: 0
    };
    /** Set once logged in; logins and revoke-self (`retry: false`) skip it. */
    guard;
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
        const guard = retry ? this.guard : undefined;
        const path = decodeURIComponent(request.path);
        for (let attempt = 1;; attempt++) {
            const generation = (await guard?.before()) ?? 0;
            this.stats.requests++;
            let response;
            let failure;
            try {
                response = await this.transport.request(request);
            }
            catch (cause) {
                failure = cause;
            }
            if (guard && response) {
                // Refused requests did nothing, so sending again is safe.
                if (isInvalidToken(response)) {
                    if (await guard.refused(generation, path)) {
                        attempt--;
                        continue;
                    }
                }
                else if (response.status < 429)
                    guard.ok(generation);
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
            return new transport/* VaultError */.hb(`cannot reach Vault for ${request.method} ${path}: ${explainNetwork(code) ?? code ?? String(failure)}`, undefined, path);
        }
        const errors = (0,transport/* errorsOf */.Bp)(response.body);
        // "permission denied" alone would send people to their policies.
        const message = isInvalidToken(response)
            ? `Vault does not accept the token for ${request.method} ${path}: it is unknown, expired or revoked; check VAULT_TOKEN or the login settings`
            : explainStatus(request.method, path, response.status, errors);
        return new transport/* VaultError */.hb(message, response.status, path, errors, response.body);
    }
}

// EXTERNAL MODULE: ./node_modules/node-vault/src/index.js
var src = __webpack_require__(8096);
var src_default = /*#__PURE__*/__webpack_require__.n(src);
// EXTERNAL MODULE: ./node_modules/axios/dist/node/axios.cjs
var axios = __webpack_require__(7269);
var axios_default = /*#__PURE__*/__webpack_require__.n(axios);
// EXTERNAL MODULE: ./src/clients/net/agents.ts + 1 modules
var net_agents = __webpack_require__(3358);
// EXTERNAL MODULE: ./src/clients/net/proxy-tunnel.ts
var proxy_tunnel = __webpack_require__(2755);
// EXTERNAL MODULE: ./src/clients/net/redirect-policy.ts
var redirect_policy = __webpack_require__(8477);
// EXTERNAL MODULE: ./src/clients/net/request-log.ts
var request_log = __webpack_require__(6890);
// EXTERNAL MODULE: ./node_modules/debug/src/index.js
var debug_src = __webpack_require__(2830);
var debug_src_default = /*#__PURE__*/__webpack_require__.n(debug_src);
;// CONCATENATED MODULE: ./src/clients/net/silence-debug.ts
/**
 * node-vault logs every request body, and follow-redirects (under axios)
 * every request's options, headers and X-Vault-Token included, through
 * the `debug` package, which turns itself on from DEBUG when it loads. That
 * text is escaped by util.inspect, a form no mask covers. So in our
 * process `debug` is off, and cannot be turned on again: not by DEBUG,
 * which it reads only when it loads, nor by a later enable().
 * Our own debug output is request-log.ts.
 */

debug_src_default().disable();
(debug_src_default()).enable = () => undefined;
(debug_src_default()).enabled = () => false;
/** For node-vault's `debug` setting: a logger that says nothing. */
const silentDebug = () => undefined;

// EXTERNAL MODULE: ./src/clients/net/cancellation.ts
var cancellation = __webpack_require__(9745);
// EXTERNAL MODULE: ./src/clients/net/proxy-settings.ts
var proxy_settings = __webpack_require__(1540);
;// CONCATENATED MODULE: ./src/clients/vault/node-vault-transport.ts

// The very file node-vault requires (its CommonJS build), so these are
// the defaults of node-vault's axios, not those of axios's ESM twin.








// node-vault's types are Promise<any> throughout; this is what we use.
// Imported, not required at run time, so that ncc bundles it into dist/.
const nodeVault = (src_default());
// node-vault's axios would otherwise read HTTPS_PROXY from process.env (not
// the environment we were given) and stack its proxy on top of our agents,
// which do the proxying. node-vault does not pass a per-request `proxy`,
// and its instance takes the defaults when it is created, so: here, once.
(axios_default()).defaults.proxy = false;
// follow-redirects would take X-Vault-Token and a login body to any host
// (only Authorization and Cookie are dropped); each hop must stay on the
// origin of the one before it (redirect-policy.ts).
(axios_default()).defaults.maxRedirects = redirect_policy/* MAX_REDIRECTS */.NX;
(axios_default()).defaults.beforeRedirect = (next, _response, previous) => (0,redirect_policy/* checkRedirect */.n8)('Vault', previous.url, next.href);
/**
 * node-vault behind our transport. It is given every setting explicitly and
 * its own environment reading (VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE,
 * VAULT_PREFIX, VAULT_SKIP_VERIFY) is overridden, so a runner's stray
 * variables cannot redirect it. Keep-alive agents are ours: node-vault
 * would open a connection per request.
 */
function createNodeVaultTransport(settings) {
    const agents = (0,net_agents/* agentsFor */.m)(settings.address, {
        ...settings,
        proxy: settings.proxy ?? (0,proxy_settings/* proxySettings */.EM)()
    });
    const { httpAgent, httpsAgent, proxy } = agents;
    const client = nodeVault({
        debug: silentDebug,
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
        close: () => agents.destroy(),
        async request(request) {
            // Cancelled: only revoking our own token still goes out.
            (0,cancellation/* checkMaySend */.Io)(request.path === 'auth/token/revoke-self');
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
                const status = body === '' || body === undefined ? 204 : 200;
                (0,request_log/* logRequest */.a)('Vault', request.method, `/v1/${request.path}`, status);
                return { status, body };
            }
            catch (cause) {
                const failure = cause;
                (0,request_log/* logRequest */.a)('Vault', request.method, `/v1/${request.path}`, failure.response?.statusCode ?? failure.code ?? 'no answer');
                if (failure.cause instanceof proxy_tunnel/* ProxyError */.T)
                    throw failure.cause;
                const refused = (0,redirect_policy/* redirectRefusal */.Hu)(cause);
                if (refused)
                    throw refused;
                if (failure.response?.statusCode === 407 && proxy) {
                    throw new proxy_tunnel/* ProxyError */.T(`the proxy ${(0,proxy_settings/* proxyLabel */.LE)(proxy)} answered 407 (authentication required); put its credentials in HTTP_PROXY, or list the host in NO_PROXY`);
                }
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

;// CONCATENATED MODULE: ./src/clients/vault/login.ts


const LoginAnswer = schemas/* object */.Ikc({
    auth: schemas/* object */.Ikc({
        client_token: schemas/* string */.YjP(),
        lease_duration: schemas/* number */.aig().optional(),
        renewable: schemas/* boolean */.zMY().optional()
    })
});
/**
 * One AppRole or JWT login; the new token is installed on `http`. Never
 * retried: each failed login counts toward the lockout (§6.3). `again`
 * words the error for a login that replaces an expired token.
 */
async function login(http, auth, again = false) {
    const body = auth.method === 'approle'
        ? { role_id: auth.roleId, secret_id: auth.secretId }
        : { role: auth.role, jwt: auth.jwt };
    const response = await http
        .send({ method: 'POST', path: (0,transport/* encodePath */.O0)('auth', auth.mount, 'login'), body }, [200], false)
        .catch((cause) => {
        throw loginError(auth.method, auth.mount, cause, again);
    });
    const answer = LoginAnswer.parse(response.body).auth;
    http.setToken(answer.client_token);
    return {
        token: answer.client_token,
        lease: {
            ttlSeconds: answer.lease_duration ?? 0,
            renewable: answer.renewable ?? false
        }
    };
}
function loginError(method, mount, cause, again) {
    const status = cause instanceof transport/* VaultError */.hb ? cause.status : undefined;
    const said = cause instanceof transport/* VaultError */.hb && cause.errors.length > 0
        ? cause.errors.join('; ')
        : String(cause);
    const hint = method === 'approle'
        ? again
            ? 'a secret_id limited to one use cannot log in twice: give it more uses, or the role a token_ttl longer than the run'
            : 'check VAULT_ROLE_ID and VAULT_SECRET_ID (not retried: five failures lock the role for 15 minutes)'
        : again
            ? 'the OIDC token may have expired too: give the Vault role a token_ttl longer than the run'
            : 'check VAULT_JWT_ROLE, the token audience and the role’s bound_claims';
    const what = again
        ? `the Vault token expired mid-run and logging in again (${method} at auth/${mount})`
        : `${method} login at auth/${mount}`;
    return new transport/* VaultError */.hb(`${what} failed: ${said}; ${hint}`, status, `auth/${mount}/login`);
}

// EXTERNAL MODULE: ./src/clients/vault/token-keeper.ts
var token_keeper = __webpack_require__(5381);
;// CONCATENATED MODULE: ./src/clients/vault/token-calls.ts
/**
 * The token self-service calls the keeper needs (vault-api.md §6.5), and
 * fresh credentials for logging in again.
 */


const TokenLookup = schemas/* object */.Ikc({
    data: schemas/* object */.Ikc({
        ttl: schemas/* number */.aig().optional(),
        creation_ttl: schemas/* number */.aig().optional(),
        renewable: schemas/* boolean */.zMY().optional()
    })
});
/**
 * A static token's TTL, to renew it in time. Unknown when the token may
 * not look itself up or Vault cannot be reached: the next request says so.
 */
async function lookupSelf(http) {
    try {
        const response = await http.send({ method: 'GET', path: 'auth/token/lookup-self' }, [200], false);
        const { data } = TokenLookup.parse(response.body);
        return {
            ttlSeconds: data.ttl ?? 0,
            fullSeconds: data.creation_ttl,
            renewable: data.renewable ?? false
        };
    }
    catch {
        return undefined;
    }
}
async function renewSelf(http) {
    const response = await http.send({ method: 'POST', path: 'auth/token/renew-self' }, [200], false);
    const { auth } = schemas/* object */.Ikc({
        auth: schemas/* object */.Ikc({ lease_duration: schemas/* number */.aig(), renewable: schemas/* boolean */.zMY() })
    })
        .parse(response.body);
    return { ttlSeconds: auth.lease_duration, renewable: auth.renewable };
}
/** The credentials for logging in again: a new OIDC token when we can get one. */
async function freshAuth(auth, connection) {
    if (auth.method !== 'jwt' || !connection.refreshJwt)
        return auth;
    try {
        const jwt = await connection.refreshJwt();
        connection.onToken?.(jwt);
        return { ...auth, jwt };
    }
    catch (cause) {
        throw new transport/* VaultError */.hb(`the Vault token expired mid-run and a new OIDC token could not be fetched: ${cause instanceof Error ? cause.message : String(cause)}`, undefined, `auth/${auth.mount}/login`);
    }
}

;// CONCATENATED MODULE: ./src/clients/vault/session.ts







/** Paths per sys/capabilities-self request: well under Vault's 1,000 strings. */
const CAPABILITY_BATCH = 500;
const MountAnswer = schemas/* object */.Ikc({
    data: schemas/* object */.Ikc({
        type: schemas/* string */.YjP(),
        options: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullable().optional()
    })
});
/** A logged-in client; `close` revokes a token the tool obtained itself. */
class VaultSession {
    http;
    keeper;
    obtainedToken;
    constructor(http, keeper, obtainedToken) {
        this.http = http;
        this.keeper = keeper;
        this.obtainedToken = obtainedToken;
    }
    /** Set when the token stopped working mid-run and could not be replaced. */
    get tokenLost() {
        return this.keeper.lost;
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
        const base = {
            renew: () => renewSelf(http),
            now: connection.clock ?? Date.now,
            counts: http.stats
        };
        if (auth.method === 'token') {
            const keeper = new token_keeper/* TokenKeeper */.i(base);
            const lease = await lookupSelf(http);
            if (lease) {
                // It worked just now: a later refusal means it expired mid-run.
                keeper.setLease(lease);
                keeper.ok(0);
            }
            http.guard = keeper;
            return new VaultSession(http, keeper, false);
        }
        const logIn = async (again) => {
            const fresh = again ? await freshAuth(auth, connection) : auth;
            const { token, lease } = await login(http, fresh, again);
            connection.onToken?.(token);
            return lease;
        };
        const keeper = new token_keeper/* TokenKeeper */.i({ ...base, login: () => logIn(true) });
        keeper.setLease(await logIn(false));
        http.guard = keeper;
        return new VaultSession(http, keeper, true);
    }
    /**
     * The mount's KV version from sys/internal/ui/mounts, as the vault CLI
     * finds it. A token that may not read it falls back to the manifest's
     * kv_version; without one, the error says which policy is missing.
     */
    async detectKvVersion(mount, declared) {
        const path = (0,transport/* encodePath */.O0)('sys', 'internal', 'ui', 'mounts', mount);
        const response = await this.http.send({ method: 'GET', path }, [200, 403, 404]);
        if (response.status === 200) {
            const { data } = MountAnswer.parse(response.body);
            if (data.type !== 'kv' && data.type !== 'generic') {
                throw new transport/* VaultError */.hb(`mount "${mount}/" is a ${data.type} engine, not KV; set vault.mount to a KV mount`, 400, path);
            }
            return String(data.options?.version ?? '1') === '2' ? 2 : 1;
        }
        if (declared !== undefined)
            return declared;
        throw new transport/* VaultError */.hb(`cannot tell the KV version of mount "${mount}/": no such mount, or this token has no access under it. ` +
            `Enable it with \`vault secrets enable -path=${mount} kv-v2\`, grant access under "${mount}/", or set vault.kv_version in the manifest`, response.status, path);
    }
    /**
     * sys/capabilities-self for many paths (§7.6), in batches: Vault refuses
     * a body of more than 1,000 strings ("high complexity"), so one request
     * for a 2,000-secret manifest would fail before the first write.
     */
    async capabilities(paths) {
        const result = {};
        for (let i = 0; i < paths.length; i += CAPABILITY_BATCH) {
            const batch = paths.slice(i, i + CAPABILITY_BATCH);
            const response = await this.http.send({
                method: 'POST',
                path: 'sys/capabilities-self',
                body: { paths: batch }
            });
            const parsed = schemas/* object */.Ikc({ data: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()) })
                .parse(response.body);
            for (const path of batch) {
                const value = parsed.data[path];
                result[path] = Array.isArray(value) ? value.map(String) : ['deny'];
            }
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


/***/ }),

/***/ 5381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ TokenExpiredError),
/* harmony export */   i: () => (/* binding */ TokenKeeper)
/* harmony export */ });
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5578);

/**
 * The run has no usable token: a static one expired (or was revoked), or
 * logging in again failed. Every later request fails at once with it.
 */
class TokenExpiredError extends _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .VaultError */ .hb {
    staticToken;
    constructor(message, path, 
    /** True for a static token, which nothing can replace. */
    staticToken, status = 403) {
        super(message, status, path);
        this.staticToken = staticToken;
        this.name = 'TokenExpiredError';
    }
}
class TokenKeeper {
    options;
    generation = 0;
    expiresAt = 0;
    fullMs = 0;
    renewable = false;
    /** The current token has served a request: a refusal means it expired. */
    accepted = false;
    /** Renewing no longer extends the lease (max TTL), or failed. */
    stuck = false;
    loginFailure;
    pending;
    /** Set once the run has no usable token. */
    lost;
    constructor(options) {
        this.options = options;
    }
    /** What Vault said about the token, at login or from lookup-self. */
    setLease(lease) {
        const now = this.options.now();
        this.expiresAt = lease.ttlSeconds > 0 ? now + lease.ttlSeconds * 1000 : 0;
        this.fullMs = (lease.fullSeconds || lease.ttlSeconds) * 1000;
        this.renewable = lease.renewable;
    }
    async before() {
        if (this.lost)
            throw this.lost;
        if (this.pending)
            await this.pending.catch(() => undefined);
        else if (this.due())
            await this.refresh().catch(() => undefined);
        return this.generation;
    }
    ok(generation) {
        if (generation === this.generation)
            this.accepted = true;
    }
    /** True when a new token is in place to retry with; throws when none can be. */
    async refused(generation, path) {
        if (this.pending)
            await this.pending.catch(() => undefined);
        if (generation !== this.generation)
            return true;
        if (this.lost)
            throw this.lost;
        // Refused before it ever worked: wrong from the start, or a fresh login
        // refused at once. Another login would only loop.
        if (!this.accepted)
            return false;
        if (this.options.login && !this.loginFailure) {
            await this.refresh().catch(() => undefined);
            if (generation !== this.generation)
                return true;
        }
        this.lost =
            this.loginFailure ??
                new TokenExpiredError('Vault no longer accepts the token: it expired or was revoked', path, !this.options.login);
        throw this.lost;
    }
    due() {
        if (this.expiresAt === 0 || this.stuck)
            return false;
        if (!this.options.login && !this.renewable)
            return false;
        return this.options.now() >= this.expiresAt - this.fullMs / 3;
    }
    /** One refresh at a time: concurrent requests wait for the same one. */
    refresh() {
        const { login } = this.options;
        this.pending ??= (login ? this.relogin(login) : this.renewSelf()).finally(() => {
            this.pending = undefined;
        });
        return this.pending;
    }
    async relogin(login) {
        try {
            this.setLease(await login());
        }
        catch (cause) {
            // Never a second try: failed logins count toward the lockout.
            const error = cause instanceof _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .VaultError */ .hb ? cause : undefined;
            this.loginFailure = new TokenExpiredError(error?.message ?? String(cause), error?.path ?? 'login', false, error?.status);
            this.stuck = true;
            throw cause;
        }
        this.options.counts.relogins++;
        this.generation++;
        this.accepted = false;
    }
    async renewSelf() {
        const before = this.expiresAt;
        try {
            this.setLease(await this.options.renew());
            this.options.counts.renewals++;
        }
        catch {
            this.stuck = true;
            return;
        }
        // Capped by its max TTL: renewing again would not help.
        if (this.expiresAt <= before + 1000)
            this.stuck = true;
    }
}


/***/ }),

/***/ 5578:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bp: () => (/* binding */ errorsOf),
/* harmony export */   O0: () => (/* binding */ encodePath),
/* harmony export */   hb: () => (/* binding */ VaultError)
/* harmony export */ });
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


/***/ }),

/***/ 8135:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lr: () => (/* binding */ slowKeyAsync),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   UZ: () => (/* binding */ FINGERPRINT_VERSION)
/* harmony export */ });
/* unused harmony exports FINGERPRINT_PARAMS, slowKey */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _kwargs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(300);
/**
 * AIRFLOW_VAULT_SYNC_FINGERPRINT: a plain env var that tells a later run
 * whether the secret KWARGS it cannot read is still current (astro-api.md
 * §2: GET never returns secret values), so an unchanged run makes no POST
 * and no restart. Anyone who can read the Deployment sees it, and kwargs
 * may hold low-entropy secrets (an LDAP password), so it is a slow salted
 * KDF, not a hash: scrypt N=2^14 (~16 MiB, tens of ms per guess), salted
 * per Deployment so equal kwargs on two Deployments don't look equal.
 * The same derivation fingerprints Vault secrets (core/sync/fingerprint).
 */


/** Bump with any change to the derivation; old values then just mismatch. */
const FINGERPRINT_VERSION = 'v1';
const FINGERPRINT_PARAMS = { N: 2 ** 14, r: 8, p: 1 };
/** The slow, salted key of `text`, base64url; never reversible. */
function slowKey(text, salt) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.scryptSync)(text, salt, 32, FINGERPRINT_PARAMS).toString('base64url');
}
/** slowKey on libuv's pool, so many secrets use every core. */
function slowKeyAsync(text, salt) {
    return new Promise((resolve, reject) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.scrypt)(text, salt, 32, FINGERPRINT_PARAMS, (error, key) => error ? reject(error) : resolve(key.toString('base64url'))));
}
function fingerprint(kwargs, deploymentId) {
    const key = slowKey((0,_kwargs_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalKwargsJson */ .MT)(kwargs), `airflow-vault-sync:${deploymentId}`);
    return `${FINGERPRINT_VERSION}:${key}`;
}


/***/ }),

/***/ 2665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SU: () => (/* reexport */ kwargs/* backendKwargs */.SU),
  MT: () => (/* reexport */ kwargs/* canonicalKwargsJson */.MT),
  Rj: () => (/* reexport */ fingerprint/* fingerprint */.Rj),
  HN: () => (/* reexport */ planDeployment)
});

// UNUSED EXPORTS: DeploymentSchema, ENV_BACKEND, ENV_FINGERPRINT, ENV_KWARGS, FINGERPRINT_PARAMS, FINGERPRINT_VERSION, PlanError, REMOTE_EXECUTION_REASON, buildUpdateBody, helmValuesSnippet, mergeEnvVars, orderKwargs

// EXTERNAL MODULE: ./src/core/astro/model.ts
var model = __webpack_require__(7506);
// EXTERNAL MODULE: ./src/core/astro/kwargs.ts
var kwargs = __webpack_require__(300);
// EXTERNAL MODULE: ./src/core/astro/fingerprint.ts
var fingerprint = __webpack_require__(8135);
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

// EXTERNAL MODULE: ./src/core/vault-backend/kwargs.ts
var vault_backend_kwargs = __webpack_require__(3138);
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
function mergeEnvVars(current, desired, 
/** Rewrite KWARGS even if the fingerprint matches (a new secret-id). */
forceKwargs = false) {
    const find = (key) => current.find((v) => v.key === key);
    const backend = find(model/* ENV_BACKEND */.VZ);
    const kwargs = find(model/* ENV_KWARGS */.KH);
    const print = find(model/* ENV_FINGERPRINT */.zw);
    const warnings = [];
    if (print?.isSecret) {
        warnings.push(`${model/* ENV_FINGERPRINT */.zw} is a secret variable, so no run can compare it and every run updates the Deployment; delete it in Astro and the next run recreates it as a plain variable`);
    }
    const printMatches = print !== undefined &&
        !print.isSecret &&
        print.value === desired.fingerprint;
    // A plain KWARGS is rewritten as a secret even if the fingerprint matches.
    const kwargsCurrent = !forceKwargs && kwargs?.isSecret === true && printMatches;
    const backendPlainOk = backend !== undefined &&
        !backend.isSecret &&
        backend.value === vault_backend_kwargs/* BACKEND_CLASS */.cz;
    // A secret BACKEND cannot be read; it is trusted while the fingerprint
    // (written in the same update) matches, and rewritten with KWARGS.
    const backendCurrent = backendPlainOk || (backend?.isSecret === true && kwargsCurrent);
    const wanted = new Map([
        [
            model/* ENV_BACKEND */.VZ,
            {
                next: {
                    key: model/* ENV_BACKEND */.VZ,
                    isSecret: backend?.isSecret === true,
                    value: vault_backend_kwargs/* BACKEND_CLASS */.cz
                },
                exists: backend !== undefined,
                current: backendCurrent
            }
        ],
        [
            model/* ENV_KWARGS */.KH,
            {
                next: { key: model/* ENV_KWARGS */.KH, isSecret: true, value: desired.kwargsJson },
                exists: kwargs !== undefined,
                current: kwargsCurrent
            }
        ],
        [
            model/* ENV_FINGERPRINT */.zw,
            {
                next: {
                    key: model/* ENV_FINGERPRINT */.zw,
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
        const write = !w.current || (anyChange && w.next.key === model/* ENV_BACKEND */.VZ && w.next.isSecret);
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
        `  - name: ${model/* ENV_BACKEND */.VZ}`,
        `    value: ${vault_backend_kwargs/* BACKEND_CLASS */.cz}`,
        `  - name: ${model/* ENV_KWARGS */.KH}`,
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
    const merged = mergeEnvVars(current.environmentVariables, desired, opts.forceKwargs);
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










/***/ }),

/***/ 300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ canonicalKwargsJson),
/* harmony export */   SU: () => (/* binding */ backendKwargs)
/* harmony export */ });
/* unused harmony export orderKwargs */
/* harmony import */ var _vault_backend_kwargs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3138);
/**
 * AIRFLOW__SECRETS__BACKEND_KWARGS for one Deployment (airflow.md §4.1-4.3).
 * mount_point, the three paths and kv_engine_version come from `vault:` so
 * Airflow reads exactly where the sync writes (validation already refuses
 * them in backend_kwargs); namespace too when `vault.namespace` is set.
 * A path set to null stays JSON null: VaultBackend then never asks Vault.
 * Keys come out in one canonical order, so equal kwargs give equal JSON
 * and therefore equal fingerprints.
 */

const LEADING = [..._vault_backend_kwargs_js__WEBPACK_IMPORTED_MODULE_0__/* .MANAGED_KWARGS */ .S8, 'url', 'auth_type', 'auth_mount_point'];
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


/***/ }),

/***/ 7506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KH: () => (/* binding */ ENV_KWARGS),
/* harmony export */   VZ: () => (/* binding */ ENV_BACKEND),
/* harmony export */   f5: () => (/* binding */ DeploymentSchema),
/* harmony export */   zw: () => (/* binding */ ENV_FINGERPRINT)
/* harmony export */ });
/* unused harmony exports EnvVarSchema, WorkerQueueSchema, RemoteExecutionSchema, ScalingSpecSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
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
const str = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish();
const bool = zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().nullish();
const int = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int();
const EnvVarSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    isSecret: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    /** Left out for secrets (astro-api.md §2). */
    value: str,
    updatedAt: str
});
const WorkerQueueSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    id: str,
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    isDefault: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    astroMachine: str,
    nodePoolId: str,
    minWorkerCount: int,
    maxWorkerCount: int,
    workerConcurrency: int,
    podEphemeralStorage: str
});
const RemoteExecutionSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    enabled: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    allowedIpAddressRanges: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).nullish(),
    taskLogBucket: str,
    taskLogUrlPattern: str
});
const ScalingSpecSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    hibernationSpec: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
        schedules: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
            hibernateAtCron: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
            wakeAtCron: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
            isEnabled: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
            description: str
        }))
            .nullish(),
        override: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ isHibernating: bool, overrideUntil: str })
            .nullish()
    })
        .nullish()
});
/**
 * `type` and `executor` stay strings: an unknown value must reach the
 * planner, which refuses it with a message, rather than fail parsing.
 */
const DeploymentSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    workspaceId: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    type: str,
    executor: str,
    status: str,
    description: str,
    isCicdEnforced: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    isDagDeployEnabled: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    isHighAvailability: bool,
    isDevelopmentMode: bool,
    schedulerSize: str,
    schedulerAu: int.nullish(),
    schedulerReplicas: int.nullish(),
    contactEmails: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).nullish(),
    defaultTaskPodCpu: str,
    defaultTaskPodMemory: str,
    resourceQuotaCpu: str,
    resourceQuotaMemory: str,
    taskPodNodePoolId: str,
    workerQueues: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(WorkerQueueSchema).nullish(),
    scalingSpec: ScalingSpecSchema.nullish(),
    remoteExecution: RemoteExecutionSchema.nullish(),
    environmentVariables: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(EnvVarSchema).nullish()
});


/***/ }),

/***/ 3269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kj: () => (/* binding */ provisionedKwargs),
/* harmony export */   X8: () => (/* binding */ publicKwargs)
/* harmony export */ });
/* unused harmony export PROVISIONED */
const PROVISIONED = '(handed over by airflow-vault-sync provision)';
/** The auth kwargs provision owns; undefined without `provision:`. */
function provisionedKwargs(manifest, credentials) {
    const provision = manifest.provision;
    if (!provision || !manifest.astro)
        return undefined;
    const kwargs = {
        auth_type: 'approle',
        role_id: credentials?.roleId ?? PROVISIONED,
        secret_id: credentials?.secretId ?? PROVISIONED
    };
    // hvac's approle default mount is "approle".
    if (provision.approle.mount !== 'approle')
        kwargs.auth_mount_point = provision.approle.mount;
    return kwargs;
}
/** The same kwargs with the credentials replaced by the stand-in. */
function publicKwargs(kwargs) {
    return { ...kwargs, role_id: PROVISIONED, secret_id: PROVISIONED };
}


/***/ }),

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ shownAddress)
/* harmony export */ });
/**
 * A server address as every report shows it: without the userinfo
 * (`https://user:password@vault:8200` is shown as `https://vault:8200`).
 * The credentials are still sent where the client sends them; they are
 * also registered as secrets (src/io/url-credentials.ts), so text that
 * quotes the address whole is redacted as well.
 */
function shownAddress(address) {
    // Textual, so an address URL would refuse is shown as it was given,
    // minus anything before an `@` in its authority.
    return address.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
}


/***/ }),

/***/ 9757:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ci: () => (/* binding */ desiredSecrets),
/* harmony export */   s6: () => (/* binding */ secretPath)
/* harmony export */ });
/* unused harmony export variableText */
/* harmony import */ var _manifest_value_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(856);
/* harmony import */ var _airflow_build_conn_uri_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8692);
/* harmony import */ var _airflow_parse_conn_uri_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5966);
/* harmony import */ var _validate_rules_materialize_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9339);





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
    if ((0,_manifest_value_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .isValueRef */ .pV)(value))
        return read(value);
    return JSON.stringify(value);
}
function connectionData(entry, format, read) {
    if (entry.uri !== undefined) {
        const uri = typeof entry.uri === 'string' ? entry.uri : read(entry.uri);
        if (format === 'uri')
            return { conn_uri: uri };
        const parsed = (0,_airflow_parse_conn_uri_js__WEBPACK_IMPORTED_MODULE_2__/* .parseConnUri */ .K)(uri);
        if (!parsed.ok)
            throw new Error(`unparsable uri: ${parsed.code}`);
        return fieldStyle(parsed.fields, entry.description);
    }
    const input = (0,_validate_rules_materialize_js__WEBPACK_IMPORTED_MODULE_3__/* .materializeConnection */ .w)(entry, read);
    if (format === 'uri')
        return { conn_uri: (0,_airflow_build_conn_uri_js__WEBPACK_IMPORTED_MODULE_1__/* .buildConnUri */ .vd)(input) };
    return fieldStyle((0,_airflow_build_conn_uri_js__WEBPACK_IMPORTED_MODULE_1__/* .connectionFieldsFromInput */ .q6)(input), entry.description);
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


/***/ }),

/***/ 5663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ resolveValues)
/* harmony export */ });
/* harmony import */ var _manifest_refs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1115);
/* harmony import */ var _manifest_value_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(856);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(536);



/**
 * Reads every reference before the first request, so a missing value stops
 * the run with its manifest location and nothing is written.
 */
function resolveValues(manifest, manifestDir, source, 
/** Only these locations (provision reads the Astro kwargs, no secrets). */
only = () => true) {
    const values = new Map();
    const problems = [];
    const keyOf = (ref) => JSON.stringify(ref);
    for (const { path, ref } of (0,_manifest_refs_js__WEBPACK_IMPORTED_MODULE_0__/* .collectRefs */ .ny)(manifest)) {
        if (!only(path))
            continue;
        const value = (0,_manifest_refs_js__WEBPACK_IMPORTED_MODULE_0__/* .readRef */ .sg)(ref, manifestDir, source);
        if (value === undefined) {
            problems.push((0,_problems_js__WEBPACK_IMPORTED_MODULE_2__/* .error */ .z3)('value-missing', path, 'env' in ref
                ? `environment variable ${ref.env} is not set; set it for this run (from your CI's secrets)`
                : `${(0,_manifest_value_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .describeRef */ .Ro)(ref)} cannot be read; create it, or fix the path (relative to the manifest)`));
            continue;
        }
        values.set(keyOf(ref), value);
    }
    return {
        read: (ref) => {
            const value = values.get(keyOf(ref));
            if (value === undefined)
                throw new Error(`${(0,_manifest_value_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .describeRef */ .Ro)(ref)} was not resolved`);
            return value;
        },
        secrets: [...new Set(values.values())].filter((v) => v !== ''),
        problems
    };
}


/***/ }),

/***/ 8610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ applyProxyEnv)
/* harmony export */ });
/* unused harmony export proxyFromEnv */
/* harmony import */ var _clients_net_proxy_settings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1540);
/* harmony import */ var _settings_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6528);


/**
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY, lowercase first as curl and undici
 * read them. A proxy without a scheme is http://, as in curl; only http
 * proxies are supported (TLS to the target still runs end to end through
 * CONNECT). Credentials in the URL are sent to the proxy, never printed.
 */
function proxyFromEnv(env) {
    return {
        httpsProxy: proxyUrl(env, 'https_proxy', 'HTTPS_PROXY'),
        httpProxy: proxyUrl(env, 'http_proxy', 'HTTP_PROXY'),
        noProxy: (0,_clients_net_proxy_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .parseNoProxy */ .zb)(env.no_proxy || env.NO_PROXY)
    };
}
/** Parses the proxy settings and gives them to this process's clients. */
function applyProxyEnv(env) {
    (0,_clients_net_proxy_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .useProxySettings */ .vz)(proxyFromEnv(env));
}
function proxyUrl(env, lower, upper) {
    const name = env[lower] ? lower : upper;
    const value = env[name]?.trim();
    if (!value)
        return undefined;
    let url;
    try {
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    }
    catch {
        url = undefined;
    }
    // Say what is wrong without echoing a value that may hold a password.
    if (!url || !url.hostname) {
        throw new _settings_error_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingsError */ .G(`${name} is not a proxy address; use http://host:port (or http://user:password@host:port)`);
    }
    if (url.protocol !== 'http:') {
        throw new _settings_error_js__WEBPACK_IMPORTED_MODULE_1__/* .SettingsError */ .G(`${name}: only http:// proxies are supported, not ${url.protocol}// (${(0,_clients_net_proxy_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .proxyLabel */ .LE)(url)})`);
    }
    return url;
}


/***/ }),

/***/ 550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ urlCredentials)
/* harmony export */ });
/**
 * The secrets inside a URL's userinfo (VAULT_ADDR, ASTRO_API_URL), for
 * masking and redaction: the userinfo as written, and the password as
 * written and decoded. The user name alone is not a secret, and as a word
 * such as `admin` it would blank out the log.
 */
function urlCredentials(url) {
    const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url ?? '')?.[1];
    if (!userinfo)
        return [];
    const colon = userinfo.indexOf(':');
    const password = colon >= 0 ? userinfo.slice(colon + 1) : '';
    const forms = [userinfo, password];
    try {
        forms.push(decodeURIComponent(password));
    }
    catch {
        // A malformed escape: the text as written is what could be printed.
    }
    return [...new Set(forms.filter((f) => f !== ''))];
}


/***/ }),

/***/ 3145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WG: () => (/* binding */ connectionFromEnv),
  K$: () => (/* binding */ connectionSecrets),
  U9: () => (/* binding */ isLoopback)
});

// UNUSED EXPORTS: SettingsError

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/io/proxy-env.ts
var proxy_env = __webpack_require__(8610);
// EXTERNAL MODULE: ./src/io/settings-error.ts
var settings_error = __webpack_require__(6528);
// EXTERNAL MODULE: ./src/core/render/address.ts
var render_address = __webpack_require__(3564);
// EXTERNAL MODULE: ./src/io/url-credentials.ts
var url_credentials = __webpack_require__(550);
;// CONCATENATED MODULE: ./src/io/go-bool.ts

// Go's strconv.ParseBool, which the vault CLI applies to VAULT_SKIP_VERIFY:
// exactly these spellings, nothing trimmed.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);
/**
 * A boolean environment variable as the vault CLI reads it: unset or
 * empty is false; anything Go would not parse is a usage error, since
 * guessing could turn TLS verification off (or leave it on) unasked.
 */
function parseGoBool(name, value) {
    if (value === undefined || value === '')
        return false;
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw new settings_error/* SettingsError */.G(`${name} "${value}" is not a boolean; use true or false (also 1, 0, t, f, TRUE, FALSE, True, False, as the vault CLI reads it)`);
}

;// CONCATENATED MODULE: ./src/io/vault-env.ts








/**
 * The vault CLI's environment: VAULT_ADDR, VAULT_TOKEN, VAULT_NAMESPACE,
 * VAULT_CACERT, VAULT_SKIP_VERIFY; AppRole with VAULT_ROLE_ID and
 * VAULT_SECRET_ID; JWT with VAULT_JWT_ROLE and VAULT_JWT. Also gives the
 * process's clients HTTPS_PROXY, HTTP_PROXY and NO_PROXY (proxy-env.ts).
 */
function connectionFromEnv(env, options, warn) {
    const address = (env.VAULT_ADDR || 'http://127.0.0.1:8200').trim();
    if (!/^https?:\/\/[^/]+/.test(address)) {
        throw new settings_error/* SettingsError */.G(`VAULT_ADDR "${(0,render_address/* shownAddress */.U)(address)}" is not an http(s) address, such as https://vault.example.com:8200`);
    }
    if (/^http:\/\//i.test(address) && !isLoopback(address)) {
        warn(`VAULT_ADDR ${(0,render_address/* shownAddress */.U)(address)} is plain http and not this machine: tokens and secrets cross the network unencrypted; use https`);
    }
    (0,proxy_env/* applyProxyEnv */.m)(env);
    const skipVerify = parseGoBool('VAULT_SKIP_VERIFY', env.VAULT_SKIP_VERIFY);
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
/** The PEM, checked now: a wrong file fails as a setting, not as TLS. */
function readCaCert(file) {
    const fix = 'set VAULT_CACERT (the vault-ca-cert input) to the PEM file of the CA that signed Vault’s certificate';
    let pem;
    try {
        pem = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (cause) {
        const code = cause.code ?? String(cause);
        throw new settings_error/* SettingsError */.G(`VAULT_CACERT: cannot read ${file} (${code}); ${fix}`);
    }
    try {
        new external_node_crypto_.X509Certificate(pem);
    }
    catch {
        throw new settings_error/* SettingsError */.G(`VAULT_CACERT: ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----); ${fix}`);
    }
    return pem;
}
function authFromEnv(env, jwt) {
    const mount = env.VAULT_AUTH_MOUNT;
    if (env.VAULT_ROLE_ID) {
        if (!env.VAULT_SECRET_ID)
            throw new settings_error/* SettingsError */.G('VAULT_ROLE_ID is set but VAULT_SECRET_ID is not');
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
            throw new settings_error/* SettingsError */.G('VAULT_JWT_ROLE is set but there is no token: set VAULT_JWT');
        return {
            method: 'jwt',
            role: env.VAULT_JWT_ROLE,
            jwt: token,
            mount: mount || 'jwt'
        };
    }
    if (!env.VAULT_TOKEN) {
        throw new settings_error/* SettingsError */.G('no Vault credentials: set VAULT_TOKEN, or VAULT_ROLE_ID and VAULT_SECRET_ID (AppRole), or VAULT_JWT_ROLE and VAULT_JWT (JWT)');
    }
    return { method: 'token', token: env.VAULT_TOKEN };
}
/** Every credential in the settings, for masking. */
function connectionSecrets(connection) {
    return [...authSecrets(connection), ...(0,url_credentials/* urlCredentials */.O)(connection.address)];
}
function authSecrets({ auth }) {
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


/***/ }),

/***/ 9701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ astroConnection)
/* harmony export */ });
/* harmony import */ var _core_problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(536);
/* harmony import */ var _clients_astro_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2384);


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
            problem: (0,_core_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('astro-token-missing', ['astro'], 'astro: lists Deployments, but ASTRO_API_TOKEN is not set; create a Deployment or Workspace API token with the Operator role and set it')
        };
    }
    const organizationId = manifest.astro.organization_id ??
        env.organizationId ??
        (0,_clients_astro_index_js__WEBPACK_IMPORTED_MODULE_0__/* .organizationIdFromToken */ .Qv)(env.token);
    if (!organizationId) {
        return {
            problem: (0,_core_problems_js__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3)('astro-organization-missing', ['astro'], 'no Astro organization id: set astro.organization_id, or ASTRO_ORGANIZATION_ID')
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


/***/ }),

/***/ 6696:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $j: () => (/* binding */ syncAstro),
/* harmony export */   BD: () => (/* binding */ kwargsJsonFor),
/* harmony export */   Vq: () => (/* binding */ deploymentKwargs)
/* harmony export */ });
/* unused harmony export PROVISION_NEEDED */
/* harmony import */ var _core_manifest_value_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(856);
/* harmony import */ var _core_astro_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2665);
/* harmony import */ var _clients_astro_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2384);
/* harmony import */ var _core_provision_handoff_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3269);




/** A Deployment whose kwargs must be written cannot get them without its secret-id. */
const PROVISION_NEEDED = 'its kwargs are not current (never provisioned, or the manifest changed them), and only `provision` can hand over its AppRole secret-id, which Vault shows once: run `airflow-vault-sync provision` with an admin token; nothing was sent';
/** The kwargs Airflow will get on one Deployment, references read. */
function deploymentKwargs(manifest, index, kvVersion, read, credentials) {
    const astro = manifest.astro;
    if (!astro)
        return {};
    const merged = {
        ...astro.backend_kwargs,
        ...(astro.deployments[index]?.backend_kwargs ?? {})
    };
    const values = {};
    for (const [key, value] of Object.entries(merged)) {
        values[key] = (0,_core_manifest_value_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .isValueRef */ .pV)(value)
            ? read(value)
            : value;
    }
    return (0,_core_astro_index_js__WEBPACK_IMPORTED_MODULE_1__/* .backendKwargs */ .SU)(manifest.vault, kvVersion, {
        ...values,
        ...(0,_core_provision_handoff_js__WEBPACK_IMPORTED_MODULE_3__/* .provisionedKwargs */ .Kj)(manifest, credentials)
    });
}
/**
 * Points each Deployment at Vault: GET, plan, and on apply one POST of the
 * whole body when anything differs (every update restarts Airflow, so an
 * unchanged Deployment is never posted). One failing Deployment does not
 * stop the others, unless the same failure awaits them all; each result
 * says what happened.
 */
async function syncAstro(manifest, kvVersion, read, command, connection) {
    const astro = manifest.astro;
    if (!astro)
        return [];
    const client = (0,_clients_astro_index_js__WEBPACK_IMPORTED_MODULE_2__/* .createAstroClient */ .nY)({
        baseUrl: connection.baseUrl,
        token: connection.token,
        organizationId: connection.organizationId,
        retry: connection.retry
    });
    const results = [];
    let stopped = false;
    for (const [index, deployment] of astro.deployments.entries()) {
        const result = {
            id: deployment.id,
            name: deployment.name,
            posted: false
        };
        results.push(result);
        if (stopped) {
            result.notAttempted = true;
            continue;
        }
        try {
            const kwargs = deploymentKwargs(manifest, index, kvVersion, read);
            const desired = {
                kwargsJson: (0,_core_astro_index_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalKwargsJson */ .MT)(kwargs),
                // Provisioned credentials are unknown here: their stand-in is.
                fingerprint: (0,_core_astro_index_js__WEBPACK_IMPORTED_MODULE_1__/* .fingerprint */ .Rj)(manifest.provision ? (0,_core_provision_handoff_js__WEBPACK_IMPORTED_MODULE_3__/* .publicKwargs */ .X8)(kwargs) : kwargs, deployment.id)
            };
            const current = await client.getDeployment(deployment.id);
            const plan = (0,_core_astro_index_js__WEBPACK_IMPORTED_MODULE_1__/* .planDeployment */ .HN)(current, desired);
            result.plan = plan;
            result.name ??= plan.name;
            if (command !== 'apply' || plan.action !== 'update' || !plan.body)
                continue;
            if (manifest.provision) {
                result.error = PROVISION_NEEDED;
                continue;
            }
            await client.updateDeployment(deployment.id, plan.body);
            result.posted = true;
            if ((deployment.wait ?? astro.wait) === 'healthy') {
                const waited = await (0,_clients_astro_index_js__WEBPACK_IMPORTED_MODULE_2__/* .waitForHealthy */ .SE)(client, deployment.id, {
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
            stopped = isFatalForAll(cause);
        }
    }
    return results;
}
/**
 * A refused token (401) or an API out of reach after the retries would
 * fail every other Deployment the same way; a 403, 404 or 500 is about
 * one Deployment, so the others are still tried.
 */
function isFatalForAll(cause) {
    return (cause instanceof _clients_astro_index_js__WEBPACK_IMPORTED_MODULE_2__/* .AstroApiError */ .a5 &&
        (cause.status === 401 || cause.status === undefined));
}
/** Each Deployment's kwargs JSON: a secret as a whole, for the Action's mask. */
function kwargsJsonFor(manifest, kvVersion, read) {
    return (manifest.astro?.deployments ?? []).map((_, i) => (0,_core_astro_index_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalKwargsJson */ .MT)(deploymentKwargs(manifest, i, kvVersion, read)));
}


/***/ }),

/***/ 1829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ho: () => (/* binding */ urisWithSecrets),
/* harmony export */   a5: () => (/* binding */ redactReport)
/* harmony export */ });
/* unused harmony export redactStrings */
/* harmony import */ var _core_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5187);

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
/**
 * Every string in a JSON-like value redacted in place, keys and other
 * values kept: redacting serialised JSON as text would turn `"ok": true`
 * into `"ok": ***` when a secret is the word true.
 */
function redactStrings(value, redact) {
    const walk = (v) => {
        if (typeof v === 'string')
            return redact(v);
        if (Array.isArray(v))
            return v.map(walk);
        if (v !== null && typeof v === 'object') {
            const record = v;
            for (const key of Object.keys(record))
                record[key] = walk(record[key]);
        }
        return v;
    };
    return walk(value);
}
/**
 * Every text in a report redacted in place, whatever wrote it (a server's
 * error that quotes our request, a check's message), so each front end and
 * output format starts from a clean report. `secrets` itself is kept: the
 * front ends mask and redact with it.
 */
function redactReport(report, secrets) {
    const { secrets: kept, ...rest } = report;
    redactStrings(rest, (0,_core_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .makeRedactor */ .$u)(secrets));
    return Object.assign(report, rest, { secrets: kept });
}


/***/ })

};
