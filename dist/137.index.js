export const id = 137;
export const ids = [137];
export const modules = {

/***/ 7137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInProduction: () => (/* binding */ runInProduction)
});

// UNUSED EXPORTS: productionDeps

;// CONCATENATED MODULE: ./src/cancel.ts
// Runner cancellation: SIGINT, then SIGTERM 7.5 s later. What a signal must do depends on whether
// the irreversible rotation has been sent: before it, stop; after it, never leave silently.
class CancellationGuard {
    signals;
    fail;
    exit;
    phase = { name: 'checking' };
    controller = new AbortController();
    constructor(signals, fail, exit) {
        this.signals = signals;
        this.fail = fail;
        this.exit = exit;
        signals.on('SIGINT', this.onSignal);
        signals.on('SIGTERM', this.onSignal);
    }
    /** Aborted once a signal arrives while rotating: no new attempt, no backoff wait. */
    get signal() {
        return this.controller.signal;
    }
    rotating() {
        this.phase = { name: 'rotating' };
    }
    /** From here a signal prints `unfinished()` (the replay recipes of unconfirmed writes) and exits. */
    writing(unfinished) {
        this.phase = { name: 'writing', unfinished };
    }
    dispose() {
        this.phase = { name: 'done' };
        this.signals.off('SIGINT', this.onSignal);
        this.signals.off('SIGTERM', this.onSignal);
    }
    onSignal = (signal) => {
        switch (this.phase.name) {
            case 'checking':
                this.fail(`Cancelled (${signal}) before the rotation: nothing was rotated, nothing written.`);
                return this.exit(1);
            case 'rotating':
                // The old secret may already be dead: wait for Composio's answer (bounded by the timeout),
                // then the run reports what is left to do instead of writing. A second signal (the
                // runner's SIGTERM, 7.5 s after SIGINT) means no more waiting: say so before the kill.
                if (!this.controller.signal.aborted)
                    return this.controller.abort();
                this.fail(`Cancelled (${signal}) while waiting for Composio's answer: the subscription may have been rotated although no secret reached this run, so its old secret may no longer work. Run this action again: the newest rotation is the one that counts.`);
                return this.exit(1);
            case 'writing':
                this.fail(`Cancelled (${signal}) after the rotation. ${this.phase.unfinished()}`);
                return this.exit(1);
            case 'done':
                return;
        }
    };
}

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
;// CONCATENATED MODULE: ./src/github/limits.ts
// The queues @octokit/plugin-throttling schedules every request through, without Bottleneck's
// cost. Bottleneck yields to the event loop (a setTimeout) at each step of each job, behind a
// one-at-a-time lock, so a limiter lets about one job through every 2.5 ms however it is
// configured, and the plugin chains two or three limiters per request: ten parallel writes left
// over ~30 ms instead of together (docs/benchmarks.md). The plugin reads these objects from its
// options; its rate-limit decisions (onRateLimit, onSecondaryRateLimit) are unchanged.
/** A Bottleneck.Group stand-in: at most `limit` jobs at once, started the moment a slot frees. */
class ConcurrencyLimit {
    limit;
    running = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
    }
    key() {
        return this;
    }
    async schedule(_options, job, ...args) {
        if (this.running >= this.limit)
            await new Promise(resolve => this.waiting.push(resolve));
        this.running++;
        try {
            return await job(...args);
        }
        finally {
            this.running--;
            this.waiting.shift()?.();
        }
    }
}
/**
 * GitHub's secondary limit on writes: at most `limit` started per `windowMs`. Below it a job
 * starts at once; past it, when the oldest start leaves the window.
 */
class StartRate {
    limit;
    windowMs;
    sleep;
    now;
    starts = [];
    constructor(limit, windowMs, sleep, now = Date.now) {
        this.limit = limit;
        this.windowMs = windowMs;
        this.sleep = sleep;
        this.now = now;
    }
    key() {
        return this;
    }
    async schedule(_options, job, ...args) {
        for (;;) {
            while (this.starts.length > 0 && this.starts[0] <= this.now() - this.windowMs)
                this.starts.shift();
            if (this.starts.length < this.limit)
                break;
            await this.sleep(this.starts[0] + this.windowMs - this.now());
        }
        this.starts.push(this.now());
        return job(...args);
    }
}
/**
 * The plugin's retry limiter, as Bottleneck runs it: when a job fails, the `failed` handler (the
 * plugin's, which asks onRateLimit / onSecondaryRateLimit) returns how many ms to wait before
 * running it again, or nothing to let the error through.
 */
class RetryScheduler {
    sleep;
    failed;
    constructor(sleep) {
        this.sleep = sleep;
    }
    on(event, handler) {
        if (event === 'failed')
            this.failed = handler;
    }
    async schedule(job, ...args) {
        for (let retryCount = 0;; retryCount++) {
            try {
                return await job(...args);
            }
            catch (error) {
                const wait = await this.failed?.(error, { args, retryCount });
                if (typeof wait !== 'number')
                    throw error;
                await this.sleep(wait);
            }
        }
    }
}

;// CONCATENATED MODULE: ./src/github/client.ts
// Octokit, light: @octokit/core with only the two plugins this action needs (the full
// @octokit/rest costs ~60 ms of start-up for endpoint methods we would never call).




/** Retries: two, after 0.5 s and 2 s, so a dead API fails a step within seconds, not minutes. */
const RETRIES = 2;
/** The longest rate-limit wait worth making; longer, and the run fails (or prints its replay recipe). */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;
/** GitHub allows 100 concurrent requests; a run stays well under. */
const MAX_CONCURRENT_REQUESTS = 50;
/** GitHub's secondary limit on content-creating requests. */
const WRITES_PER_MINUTE = 80;
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
const ThrottledOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
function createGitHubClient(options) {
    const unit = options.backoffUnitMs ?? 1000;
    const onLimit = (kind) => (retryAfter, request, _, retryCount) => {
        const retrying = retryCount < RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        options.warn(`GitHub ${kind} rate limit on ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}`);
        return retrying;
    };
    return new ThrottledOctokit({
        baseUrl: options.baseUrl,
        auth: options.token,
        userAgent: 'rotate-composio-webhook-secret',
        request: { fetch: options.fetch },
        log: { debug: () => { }, info: () => { }, warn: options.warn, error: options.warn },
        // The retry plugin takes 5xx, 429 and lost answers (its default doNotRetry list); rate-limit
        // 403s and 429s also reach the throttling plugin, which waits as retry-after and
        // x-ratelimit-reset ask.
        retry: { retries: RETRIES, retryAfterBaseValue: unit / 2 },
        throttle: {
            retryAfterBaseValue: unit,
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            // The default write group sends one write a second; here a run's writes go out together,
            // within GitHub's secondary limits: 80 writes a minute, and (all requests) at most 50 at
            // once against GitHub's 100. Not in the plugin's types, but read from these options.
            ...{
                global: new ConcurrencyLimit(MAX_CONCURRENT_REQUESTS),
                write: new StartRate(WRITES_PER_MINUTE, 60_000, sleep),
                retryLimiter: new RetryScheduler(sleep)
            }
        }
    });
}

;// CONCATENATED MODULE: ./src/http.ts
// The one way this action speaks HTTP: fetch with a per-attempt timeout and the runner's proxy
// settings. Composio and Octokit both go through it.
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
/**
 * A fetch whose every call is bounded by `timeoutMs`: connecting, the headers and the whole body
 * (the signal stays attached while the body is read, so a slow-drip body is cut off too).
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured as self-hosted runners behind a proxy set them.
 */
function createFetch(timeoutMs, env = process.env) {
    // Node's own fetch, unless a proxy is set: only then is the undici package loaded.
    const transport = PROXY_VARIABLES.some(name => env[name])
        ? proxiedFetch()
        : Promise.resolve(globalThis.fetch);
    return async (input, init = {}) => {
        const fetch = await transport;
        const timeout = AbortSignal.timeout(timeoutMs);
        return fetch(input, {
            ...init,
            signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
        });
    };
}
/** undici's fetch through EnvHttpProxyAgent, which reads the proxy variables and NO_PROXY. */
async function proxiedFetch() {
    const { EnvHttpProxyAgent, fetch } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19));
    const dispatcher = new EnvHttpProxyAgent();
    return (input, init) => fetch(input, { ...init, dispatcher });
}
class ResponseTooLargeError extends Error {
    name = 'ResponseTooLargeError';
}
/** Reads a body as text, refusing more than `maxBytes`: a hostile server cannot exhaust memory. */
async function readTextCapped(response, maxBytes) {
    if (!response.body)
        return '';
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > maxBytes) {
            await reader.cancel();
            throw new ResponseTooLargeError(`the response body exceeded ${maxBytes} bytes`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** fetch's own refusals of a header it cannot send; their messages quote the value. */
const HEADER_REFUSAL = /invalid header|ByteString/i;
/** Messages of undici's that name no request detail: safe to quote. */
const PLAIN_MESSAGES = new Set(['fetch failed', 'terminated', 'other side closed']);
/** Why a request got no answer, in words that never include a body or a header. */
function describeNetworkError(error, timeoutMs) {
    // Duck-typed, not instanceof: Node's fetch throws errors of its own realm.
    if (error === null || typeof error !== 'object' || !('message' in error))
        return 'network error';
    const { name, message } = error;
    if (name === 'TimeoutError')
        return `no complete answer within ${timeoutMs / 1000} s`;
    if (error instanceof ResponseTooLargeError)
        return error.message;
    if (typeof message !== 'string')
        return 'network error';
    const cause = error.cause;
    if (cause !== null && typeof cause === 'object') {
        // A failure below fetch (socket, DNS, TLS, proxy): its code and reason name no header.
        const { code, message: why } = cause;
        const reason = [code, why].filter(part => typeof part === 'string' && part !== '');
        return ['network error:', ...reason].join(' ');
    }
    // Without a cause, fetch refused the request itself, and may quote what it refused: a header
    // value ("Headers.append: \"<value>\" is an invalid header value"), credential included.
    if (HEADER_REFUSAL.test(message)) {
        return 'not sent: a header value (a credential?) holds a character that HTTP headers cannot carry (a newline, NUL or non-Latin-1 character)';
    }
    return PLAIN_MESSAGES.has(message)
        ? `network error: ${message}`
        : `network error (${typeof name === 'string' ? name : 'Error'})`;
}

;// CONCATENATED MODULE: ./src/github/errors.ts
// What a failed GitHub request means for the user, with the likely fix. Status and GitHub's
// `message` only: never a header or a body, which may carry a token or a sealed value.

const PERMISSIONS = {
    repository: "a fine-grained PAT or GitHub App token with the repository permission 'Secrets: Read and write' (classic PAT: repo)",
    environment: "a fine-grained PAT or GitHub App token with the repository permissions 'Environments: Read and write' and 'Secrets: Read and write' (classic PAT: repo)",
    organization: "a fine-grained PAT or GitHub App token with the organization permission 'Secrets: Read and write' (classic PAT: admin:org)"
};
function hint(status, target) {
    switch (status) {
        case 401:
            return 'the github-token is invalid or expired';
        case 403:
            return `the github-token may not manage these secrets. GITHUB_TOKEN never can (it cannot even read the public key): use ${PERMISSIONS[target.kind]}`;
        case 404:
            return target.kind === 'environment'
                ? 'the repository or the environment does not exist, or the github-token cannot see it (a classic PAT without access gets 404 too)'
                : `the ${target.kind} does not exist, or the github-token cannot see it (a classic PAT without access gets 404 too)`;
        case 422:
            return 'GitHub refused the request as malformed';
        default:
            return undefined;
    }
}
/** `HTTP 403: Resource not accessible by integration. Hint: …`, or why no answer came. */
function describeGitHubError(error, target, timeoutMs) {
    const { status, response, cause } = error;
    // Octokit's RequestError without a response: the request got no answer.
    if (status !== undefined && response === undefined)
        return describeNetworkError(cause ?? error, timeoutMs);
    if (status === undefined)
        return error instanceof Error ? error.message : String(error);
    const data = response?.data;
    const message = typeof data?.message === 'string' ? `: ${data.message}` : '';
    const why = hint(status, target);
    return `HTTP ${status}${message}${why ? `. Hint: ${why}` : ''}`;
}

;// CONCATENATED MODULE: ./src/github/secrets.ts
/** The REST path of a target's secrets collection; each segment URL-encoded. */
function secretsPath(target) {
    const e = encodeURIComponent;
    switch (target.kind) {
        case 'repository':
            return `/repos/${e(target.owner)}/${e(target.repo)}/actions/secrets`;
        case 'environment':
            return `/repos/${e(target.owner)}/${e(target.repo)}/environments/${e(target.environment)}/secrets`;
        case 'organization':
            return `/orgs/${e(target.org)}/actions/secrets`;
    }
}
/** GET …/secrets/public-key: also the proof that the token may write secrets there. */
async function getPublicKey(github, target) {
    const response = await github.request(`GET ${secretsPath(target)}/public-key`);
    const { key_id: keyId, key } = (response.data ?? {});
    if (typeof keyId !== 'string' || typeof key !== 'string') {
        throw new Error('the public-key answer has no key_id and key');
    }
    // Checked now, not when sealing: after the rotation a bad key would strand the secret.
    if (!/^[A-Za-z0-9+/]{43}=$/.test(key) || Buffer.from(key, 'base64').length !== 32) {
        throw new Error('the public key is not a 32-byte X25519 key in base64');
    }
    return { keyId, key };
}
function secretWrite(target, name, sealed, key, access) {
    const body = { encrypted_value: sealed, key_id: key.keyId };
    if (access) {
        body.visibility = access.visibility;
        if (access.visibility === 'selected')
            body.selected_repository_ids = access.selectedRepositoryIds ?? [];
    }
    return { path: `${secretsPath(target)}/${encodeURIComponent(name)}`, body };
}
/** PUT a sealed value: 201 when the secret is new, 204 when it replaced one. */
async function putSecret(github, write) {
    const { status } = await github.request(`PUT ${write.path}`, write.body);
    return status === 201 ? 'created' : 'updated';
}
/** The current visibility of an organization secret, or undefined when it does not exist yet. */
async function getOrganizationAccess(github, org, name) {
    const path = `/orgs/${encodeURIComponent(org)}/actions/secrets/${encodeURIComponent(name)}`;
    let visibility;
    try {
        const response = await github.request(`GET ${path}`);
        visibility = response.data.visibility;
    }
    catch (error) {
        if (error.status === 404)
            return undefined;
        throw error;
    }
    if (visibility !== 'selected')
        return { visibility };
    const selectedRepositoryIds = [];
    for (let page = 1;; page++) {
        const response = await github.request(`GET ${path}/repositories`, { per_page: 100, page });
        const { repositories, total_count } = response.data;
        selectedRepositoryIds.push(...repositories.map(repository => repository.id));
        if (repositories.length === 0 || selectedRepositoryIds.length >= total_count)
            break;
    }
    return { visibility, selectedRepositoryIds };
}
/** The numeric id GitHub wants in `selected_repository_ids`, from a repository's name. */
async function getRepositoryId(github, owner, repo) {
    const { data } = await github.request('GET /repos/{owner}/{repo}', { owner, repo });
    return Number(data.id);
}

// EXTERNAL MODULE: ./src/targets.ts
var targets = __webpack_require__(8993);
;// CONCATENATED MODULE: ./src/preflight.ts



class PreflightError extends Error {
    name = 'PreflightError';
}
/** Every target in parallel (Octokit's throttling bounds concurrency); all failures reported together. */
async function preflight(github, settings) {
    const results = await Promise.allSettled(settings.targets.map(target => prepare(github, settings, target)));
    const failures = results.flatMap((result, index) => result.status === 'rejected'
        ? [`  - ${(0,targets/* formatTarget */.P4)(settings.targets[index])}: ${result.reason.message}`]
        : []);
    if (failures.length > 0) {
        throw new PreflightError(`Nothing was rotated: ${failures.length} of ${results.length} targets cannot be written.\n${failures.join('\n')}`);
    }
    return results.map(result => result.value);
}
async function prepare(github, settings, target) {
    const [key, access] = await Promise.all([
        explained('could not read the public key', target, settings, getPublicKey(github, target)),
        target.kind === 'organization' ? organizationAccess(github, settings, target) : undefined
    ]);
    return { target, label: (0,targets/* formatTarget */.P4)(target), key, ...(access && { access }) };
}
/** The visibility to send: the one asked for, else the existing secret's, else private. Never wider than asked. */
async function organizationAccess(github, settings, target) {
    const { org } = target;
    switch (settings.visibility) {
        case 'all':
        case 'private':
            return { visibility: settings.visibility };
        case 'selected':
            return {
                visibility: 'selected',
                selectedRepositoryIds: await Promise.all(settings.selectedRepositories.map(repo => explained(`could not find the selected repository ${org}/${repo}`, { kind: 'repository', owner: org, repo }, settings, getRepositoryId(github, org, repo))))
            };
        case undefined: {
            const current = getOrganizationAccess(github, org, settings.secretName);
            const what = `could not read the current visibility of ${settings.secretName}`;
            return (await explained(what, target, settings, current)) ?? { visibility: 'private' };
        }
    }
}
/** Awaits one request, turning its failure into `what: HTTP 404: … Hint: …` about `target`. */
async function explained(what, target, settings, work) {
    try {
        return await work;
    }
    catch (error) {
        throw new Error(`${what}: ${describeGitHubError(error, target, settings.timeoutMs)}`);
    }
}

;// CONCATENATED MODULE: ./src/report.ts
/** The exact request that finishes one target by hand, with any token that may write secrets. */
function replayRecipe(apiUrl, label, write) {
    return [
        `${label}: key_id ${write.body.key_id}; the value is sealed for this target's key (only GitHub can open it). Send:`,
        `  curl -fsS -X PUT "${apiUrl}${write.path}" \\`,
        `    -H "Authorization: Bearer $GITHUB_TOKEN" -H "Accept: application/vnd.github+json" \\`,
        `    -d '${JSON.stringify(write.body)}'`
    ].join('\n');
}
function writtenLabels(results) {
    return results.flatMap(r => ('written' in r.outcome ? [r.prepared.label] : []));
}
/**
 * The error of a run whose rotation happened but which did not finish cleanly: each target as
 * written or not, a replay recipe per unwritten one, and anything else that went wrong.
 */
function incompleteMessage(rotation, apiUrl, results, problems = []) {
    const unwritten = results.filter(r => 'failed' in r.outcome);
    const head = `The webhook subscription '${rotation.subscriptionId}' WAS ROTATED (fingerprint ${rotation.fingerprint}) and its old secret no longer works`;
    const lines = [
        unwritten.length > 0
            ? `${head}, but ${unwritten.length} of ${results.length} target(s) did not receive ${rotation.secretName}.`
            : `${head}; ${rotation.secretName} was stored in every target, but the run did not finish cleanly.`,
        ...results.flatMap(r => 'written' in r.outcome ? [`${r.prepared.label}: ${r.outcome.written}`] : [])
    ];
    if (unwritten.length > 0) {
        lines.push('Finish by hand: for each target below, send the request shown (re-running this action would rotate again).');
        for (const r of unwritten) {
            lines.push(`${replayRecipe(apiUrl, r.prepared.label, r.write)}\n  (not written: ${failure(r)})`);
        }
    }
    return [...lines, ...problems.map(problem => `Also: ${problem}`)].join('\n');
}
const failure = (result) => 'failed' in result.outcome ? result.outcome.failed : '';
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
function rotationSummary(rotation, apiUrl, results) {
    const rows = results.map(r => {
        const result = 'written' in r.outcome ? r.outcome.written : `**not written**: ${r.outcome.failed}`;
        return `| ${cell(r.prepared.label)} | ${rotation.secretName} | ${cell(result)} | \`${rotation.fingerprint}\` | ${rotation.rotatedAt} |`;
    });
    const failed = results.filter(r => 'failed' in r.outcome);
    const recipes = failed.map(r => '```sh\n' + replayRecipe(apiUrl, r.prepared.label, r.write) + '\n```');
    return [
        `## ${failed.length === 0 ? 'Composio webhook secret rotated' : 'Composio webhook secret rotated, NOT stored everywhere'}`,
        '',
        `Subscription \`${rotation.subscriptionId}\`, new secret fingerprint \`${rotation.fingerprint}\` (first 16 hex digits of its SHA-256).`,
        '',
        '| Target | Secret | Result | Fingerprint | Time |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        ...(failed.length > 0 ? ['', '### Finish by hand', '', ...recipes] : []),
        ''
    ].join('\n');
}
function dryRunSummary(secretName, subscriptionId, prepared) {
    const rows = prepared.map(p => `| ${cell(p.label)} | ${secretName} | key_id ${p.key.keyId}${p.access ? `, visibility ${p.access.visibility}` : ''} |`);
    return [
        '## Composio webhook secret: dry run',
        '',
        `Every target is writable. A real run would rotate subscription \`${subscriptionId}\` once and write:`,
        '',
        '| Target | Secret | Checked |',
        '| --- | --- | --- |',
        ...rows,
        ''
    ].join('\n');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/composio.ts

class ComposioError extends Error {
    status;
    mayHaveRotated;
    name = 'ComposioError';
    constructor(message, status, 
    /** Whether the subscription may have been rotated although no secret reached us. */
    mayHaveRotated) {
        super(message);
        this.status = status;
        this.mayHaveRotated = mayHaveRotated;
    }
}
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 500;
/** Longest Retry-After we wait for; a longer one fails the run (nothing was rotated by a 429). */
const MAX_RETRY_AFTER_MS = 30_000;
const HINTS = {
    401: "check the Composio key: 'api-key' is a project API key (x-api-key), 'user-api-key' a user API key (x-user-api-key)",
    403: 'the key lacks permission to manage this webhook subscription',
    404: "check 'subscription-id' and that it belongs to the key's project"
};
/** Composio's error envelope `{"error":{…}}`, a bare `{"message"}` (some 429s), or nothing usable. */
function parseComposioError(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return {}; // HTML error pages and empty bodies carry nothing worth quoting.
    }
    const record = (value) => value !== null && typeof value === 'object' ? value : {};
    const outer = record(parsed);
    const error = 'error' in outer ? record(outer['error']) : outer;
    const text = (key) => {
        const value = error[key];
        return typeof value === 'string' && value !== '' ? value : undefined;
    };
    return {
        message: text('message'),
        slug: text('slug'),
        requestId: text('request_id'),
        suggestedFix: text('suggested_fix')
    };
}
/** Returns the secret of a 200 answer, or undefined. JSON errors are swallowed: V8 quotes the input. */
function parseRotatedSecret(body) {
    try {
        const parsed = JSON.parse(body);
        const secret = parsed?.secret;
        return typeof secret === 'string' && secret !== '' ? secret : undefined;
    }
    catch {
        return undefined;
    }
}
/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
function parseRetryAfter(header, now) {
    if (header === null || header.trim() === '')
        return undefined;
    if (/^\d+$/.test(header.trim()))
        return Number(header.trim()) * 1000;
    // Only an IMF-fixdate: Date.parse also reads '1.5' or '-1' as dates in 2001.
    if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(header.trim()))
        return undefined;
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function describeStatus(status, details) {
    const parts = [`HTTP ${status}`];
    if (details.slug)
        parts.push(details.slug);
    let text = parts.join(' ');
    if (details.message)
        text += `: ${details.message}`;
    if (details.requestId)
        text += ` (request_id: ${details.requestId})`;
    if (details.suggestedFix)
        text += `. Suggested fix: ${details.suggestedFix}`;
    const hint = HINTS[status];
    return hint ? `${text}. Hint: ${hint}` : text;
}
/**
 * POST /api/v3/webhook_subscriptions/{id}/rotate_secret, retried only where a new rotation is
 * harmless: 5xx, 429 and lost answers (the newest rotation is the one that counts).
 */
async function rotateWebhookSecret(options, subscriptionId) {
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const url = `${options.baseUrl}/api/v3/webhook_subscriptions/${encodeURIComponent(subscriptionId)}/rotate_secret`;
    const operation = `Composio rotate_secret for subscription '${subscriptionId}'`;
    let mayHaveRotated = false;
    for (let attempt = 1;; attempt++) {
        const result = await attemptRotation(options, url, operation);
        if ('secret' in result)
            return result.secret;
        mayHaveRotated ||= result.error.mayHaveRotated;
        const delay = result.retryAfterMs ?? BACKOFF_BASE_MS * 2 ** (attempt - 1);
        const mayRetry = () => options.mayRetry?.() ?? true;
        const giveUp = (why) => new ComposioError(`${result.error.message}${why}`, result.error.status, mayHaveRotated);
        if (!result.retry || attempt >= maxAttempts || !mayRetry() || delay > MAX_RETRY_AFTER_MS)
            throw giveUp(attempt > 1 ? ` (after ${attempt} attempts)` : '');
        options.log(`${result.error.message}; retrying in ${delay / 1000} s (attempt ${attempt + 1} of ${maxAttempts})`);
        await options.sleep(delay);
        // A cancellation during the wait ends it early: ask again, a cancelled run sends no new rotation.
        if (!mayRetry())
            throw giveUp(` (cancelled before attempt ${attempt + 1})`);
    }
}
async function attemptRotation(options, url, operation) {
    let response;
    let body;
    try {
        response = await options.fetch(url, {
            method: 'POST',
            headers: { [options.auth.header]: options.auth.value, accept: 'application/json' }
        });
        body = await readTextCapped(response, MAX_BODY_BYTES);
    }
    catch (error) {
        // The request may have reached Composio and rotated the secret before the answer was lost.
        const reason = describeNetworkError(error, options.timeoutMs);
        return {
            error: new ComposioError(`${operation} failed: ${reason}`, undefined, true),
            retry: true
        };
    }
    if (response.ok) {
        const secret = parseRotatedSecret(body);
        if (secret === undefined) {
            const problem = `${operation} answered HTTP ${response.status} without a non-empty string 'secret' (body not shown: it may hold a secret)`;
            return { error: new ComposioError(problem, response.status, true), retry: false };
        }
        options.mask(secret);
        return { secret };
    }
    const details = parseComposioError(body);
    const error = new ComposioError(`${operation} failed: ${describeStatus(response.status, details)}`, response.status, response.status >= 500);
    const retry = response.status === 429 || response.status >= 500;
    return {
        error,
        retry,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now())
    };
}

;// CONCATENATED MODULE: ./src/rotate.ts
// Steps 3–4: the one irreversible call, and what a failure of it means for the old secret.


/** The one irreversible call. Its outputs are set at once: if a write fails, a later step can finish by hand. */
async function rotate(settings, deps, guard, problems) {
    const { io } = deps;
    guard.rotating();
    const secret = await rotateWebhookSecret({
        baseUrl: settings.composioBaseUrl,
        auth: settings.composioAuth,
        fetch: deps.fetch,
        timeoutMs: settings.timeoutMs,
        sleep: ms => deps.sleep(ms, guard.signal),
        mask: io.setSecret,
        log: io.warning,
        mayRetry: () => !guard.signal.aborted
    }, settings.subscriptionId).catch(error => {
        throw explainRotationFailure(error);
    });
    const rotation = {
        subscriptionId: settings.subscriptionId,
        secretName: settings.secretName,
        fingerprint: fingerprint(secret),
        rotatedAt: deps.now().toISOString()
    };
    await problems.note('Setting the outputs', () => {
        io.setOutput('secret', secret);
        io.setOutput('fingerprint', rotation.fingerprint);
        io.setOutput('rotated-at', rotation.rotatedAt);
    });
    io.info(`Rotated subscription ${settings.subscriptionId}; new secret fingerprint ${rotation.fingerprint}.`);
    return { secret, rotation };
}
/** First 16 hex digits of the secret's SHA-256: lets a receiver confirm which secret it holds. */
function fingerprint(secret) {
    return (0,external_node_crypto_.createHash)('sha256').update(secret, 'utf8').digest('hex').slice(0, 16);
}
/** A failed rotation says whether the old secret may be dead, and what to do. */
function explainRotationFailure(error) {
    if (!(error instanceof ComposioError))
        return error;
    const consequence = error.mayHaveRotated
        ? 'The subscription may have been rotated although no secret reached this run, so its old secret may no longer work: run this action again (the newest rotation is the one that counts). Nothing was written to GitHub.'
        : 'Nothing was rotated and nothing written: the old secret still works.';
    return new ComposioError(`${error.message}\n${consequence}`, error.status, error.mayHaveRotated);
}

// EXTERNAL MODULE: ./node_modules/libsodium-wrappers/dist/modules-esm/libsodium-wrappers.mjs + 1 modules
var libsodium_wrappers = __webpack_require__(4768);
;// CONCATENATED MODULE: ./src/seal.ts
// libsodium sealed boxes, the encryption GitHub requires for secret values:
// https://docs.github.com/en/rest/guides/encrypting-secrets-for-the-rest-api

/** Loads libsodium (~50 ms of WebAssembly start-up): begin it early, await it late. */
async function loadSealer() {
    await libsodium_wrappers/* default.ready */.Ay.ready;
    const base64 = libsodium_wrappers/* default.base64_variants */.Ay.base64_variants.ORIGINAL; // GitHub's keys are standard, padded base64.
    return (value, publicKeyBase64) => {
        const key = libsodium_wrappers/* default.from_base64 */.Ay.from_base64(publicKeyBase64, base64);
        return libsodium_wrappers/* default.to_base64 */.Ay.to_base64(libsodium_wrappers/* default */.Ay.crypto_box_seal(libsodium_wrappers/* default.from_string */.Ay.from_string(value), key), base64);
    };
}

;// CONCATENATED MODULE: ./src/write.ts


/** Sealed writes, one per target; a value sealed for one scope is garbage in another. */
function sealFor(prepared, name, secret, seal) {
    return prepared.map(p => secretWrite(p.target, name, seal(secret, p.key.key), p.key, p.access));
}
async function writeAll(github, prepared, writes, timeoutMs, onSettled) {
    return Promise.all(prepared.map(async (p, index) => {
        const write = writes[index];
        let outcome;
        try {
            outcome = { written: await putSecret(github, write) };
        }
        catch (error) {
            outcome = { failed: describeGitHubError(error, p.target, timeoutMs) };
        }
        onSettled(index, outcome);
        return { prepared: p, write, outcome };
    }));
}

;// CONCATENATED MODULE: ./src/action.ts
// The run, in the order that keeps the secret safe: everything reversible before the one
// irreversible call, and after it, nothing lost and nothing left half-done without saying so.







async function runAction(settings, deps) {
    const { io } = deps;
    // 1. Inputs were read and credentials masked by the caller (main.ts), before anything else.
    const sealerLoading = loadSealer(); // libsodium's start-up overlaps the preflight requests.
    sealerLoading.catch(() => undefined); // awaited later; a preflight failure must not leave it unhandled
    const github = createGitHubClient({
        baseUrl: settings.githubApiUrl,
        token: settings.githubToken,
        fetch: deps.fetch,
        warn: io.warning,
        backoffUnitMs: deps.backoffUnitMs
    });
    const guard = new CancellationGuard(deps.signals, io.error, deps.exit);
    const problems = new Problems(io);
    try {
        // 2. Every target proves writable before anything irreversible happens.
        io.info(`Checking ${settings.targets.length} target(s) for ${settings.secretName}…`);
        const prepared = await preflight(github, settings);
        // Sealing must work before the rotation, not be found broken after it.
        const seal = await sealerLoading;
        if (settings.dryRun)
            return await reportDryRun(settings, prepared, io);
        // 3–4. Rotate exactly once; the secret is masked on the line after it is parsed.
        const { secret, rotation } = await rotate(settings, deps, guard, problems);
        // 5. Seal for each target's own key, then write every target in parallel.
        const writes = sealFor(prepared, settings.secretName, secret, seal);
        const results = await writeGuarded(github, guard, settings, rotation, prepared, writes);
        // 6. Report; 7. anything short of every target written fails the run, with a recipe per
        // unwritten one.
        const apiUrl = settings.githubApiUrl;
        await problems.note('Setting the targets output', () => io.setOutput('targets', JSON.stringify(writtenLabels(results))));
        await problems.note('Writing the job summary', () => io.writeSummary(rotationSummary(rotation, apiUrl, results)));
        if (problems.list.length > 0 || results.some(r => 'failed' in r.outcome)) {
            throw new Error(incompleteMessage(rotation, apiUrl, results, problems.list));
        }
        io.info(`Stored ${settings.secretName} in ${results.length} target(s): ${writtenLabels(results).join(', ')}.`);
    }
    finally {
        guard.dispose();
    }
}
/**
 * From the rotation on, nothing may throw past the replay recipes: a failing output or summary
 * file is noted here, and fails the run at the end, after every write was attempted.
 */
class Problems {
    io;
    list = [];
    constructor(io) {
        this.io = io;
    }
    async note(what, work) {
        try {
            await work();
        }
        catch (error) {
            this.list.push(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
            this.io.warning(this.list.at(-1));
        }
    }
}
/**
 * Writes every target; a cancellation before or during the writes fails the run with the replay
 * recipe of every write GitHub has not confirmed.
 */
async function writeGuarded(github, guard, settings, rotation, prepared, writes) {
    const outcomes = [];
    const unfinished = (why) => incompleteMessage(rotation, settings.githubApiUrl, prepared.map((p, i) => ({
        prepared: p,
        write: writes[i],
        outcome: outcomes[i] ?? { failed: why }
    })));
    if (guard.signal.aborted)
        throw new Error(`Cancelled after the rotation. ${unfinished('cancelled before the write')}`);
    guard.writing(() => unfinished('cancelled before GitHub confirmed the write'));
    return writeAll(github, prepared, writes, settings.timeoutMs, (i, outcome) => (outcomes[i] = outcome));
}
async function reportDryRun(settings, prepared, io) {
    io.info(`Dry run: every target is writable. A real run would rotate subscription ${settings.subscriptionId} once and write ${settings.secretName} to ${prepared.map(p => p.label).join(', ')}. Nothing was rotated or written.`);
    io.setOutput('targets', '[]');
    await io.writeSummary(dryRunSummary(settings.secretName, settings.subscriptionId, prepared));
}

// EXTERNAL MODULE: ./src/workflow.ts + 3 modules
var workflow = __webpack_require__(5144);
;// CONCATENATED MODULE: ./src/production.ts
// The real collaborators of a run: the runner's protocol, the network, the clock, the process.



function productionDeps(timeoutMs) {
    return {
        io: (0,workflow/* runnerIo */.Np)(process.env, process.stdout),
        fetch: createFetch(timeoutMs),
        sleep: (ms, signal) => new Promise(resolve => {
            const timer = setTimeout(resolve, ms);
            signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        }),
        now: () => new Date(),
        signals: process,
        exit: code => process.exit(code)
    };
}
function runInProduction(settings) {
    return runAction(settings, productionDeps(settings.timeoutMs));
}


/***/ })

};

//# sourceMappingURL=137.index.js.map