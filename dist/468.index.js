export const id = 468;
export const ids = [468];
export const modules = {

/***/ 2468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInProduction: () => (/* binding */ runInProduction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(3340);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/http.ts
// The one way this action speaks HTTP, for Composio and Octokit alike: a per-attempt timeout, the
// runner's proxy settings as the toolkit reads them, redirects refused, and words for what went
// wrong that never quote a credential.


/** A 3xx answer. Never followed: a redirect could carry a credential to another origin. */
class RedirectRefusedError extends Error {
    status;
    name = 'RedirectRefusedError';
    constructor(status, location, url) {
        super(`answered HTTP ${status}, a redirect to ${originOf(location, url)}, which is not followed (no credential goes with a redirect); check the URL`);
        this.status = status;
    }
}
function originOf(location, base) {
    if (location === null)
        return 'nowhere (no Location)';
    try {
        return new URL(location, base).origin; // scheme, host and port: never a path, query or userinfo
    }
    catch {
        return 'an unreadable Location';
    }
}
/**
 * A fetch whose every call is bounded by `timeoutMs`: connecting, the headers and the whole body
 * (the signal stays attached while the body is read, so a slow-drip body is cut off too).
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured through @actions/http-client, as by every
 * toolkit-based action; its proxy agent is an undici dispatcher, hence undici's own fetch.
 */
function createFetch(timeoutMs) {
    // keepAlive: one proxy agent (and its tunnels) for every request, not one per request.
    const proxies = new lib/* HttpClient */.Qq('rotate-composio-webhook-secret', [], { keepAlive: true });
    return async (url, init = {}) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const response = await (0,undici.fetch)(url, {
            ...init,
            redirect: 'manual',
            dispatcher: proxies.getAgentDispatcher(url),
            signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
        });
        if (response.status >= 300 && response.status < 400) {
            await response.body?.cancel().catch(() => undefined);
            throw new RedirectRefusedError(response.status, response.headers.get('location'), url);
        }
        return response;
    };
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
/**
 * A server's words, made safe to quote in a log line: control characters (a newline could start
 * a workflow command) become spaces, and the length is bounded.
 */
function serverText(text, maxLength = 300) {
    // eslint-disable-next-line no-control-regex
    const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
    return line.length > maxLength ? `${line.slice(0, maxLength)}…` : line;
}
/** What a timeout is called everywhere: the words a user searches the log for, and the knob. */
function timedOut(timeoutMs) {
    return `timed out after ${timeoutMs / 1000} s (timeout-seconds)`;
}
/** The deepest `cause` of an error, a few levels down at most; undefined when it has none. */
function innermostCause(error) {
    let cause = error.cause;
    if (cause === null || typeof cause !== 'object')
        return undefined;
    for (let depth = 0; depth < 4; depth++) {
        const deeper = cause.cause;
        if (deeper === null || typeof deeper !== 'object' || !('message' in deeper))
            break;
        cause = deeper;
    }
    return cause;
}
/** fetch's own refusals of a header it cannot send; their messages quote the value. */
const HEADER_REFUSAL = /invalid header|ByteString/i;
/** Messages of undici's that name no request detail: safe to quote. */
const PLAIN_MESSAGES = new Set(['fetch failed', 'terminated', 'other side closed']);
/** Why a request got no answer, in words that never include a body or a header. */
function describeNetworkError(error, timeoutMs) {
    if (error instanceof RedirectRefusedError || error instanceof ResponseTooLargeError)
        return error.message;
    // Duck-typed, not instanceof: fetch throws errors of undici's own classes.
    if (error === null || typeof error !== 'object' || !('message' in error))
        return 'network error';
    const { name, message } = error;
    if (name === 'TimeoutError')
        return timedOut(timeoutMs);
    if (typeof message !== 'string')
        return 'network error';
    const cause = innermostCause(error);
    if (cause !== undefined) {
        // A failure below fetch (socket, DNS, TLS, a proxy's refusal): its code and reason name no
        // header. undici wraps some twice ("Request was cancelled." around the proxy's answer).
        const { code, message: why } = cause;
        const reason = [code, why].flatMap(part => typeof part === 'string' && part !== '' ? [serverText(part)] : []);
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

;// CONCATENATED MODULE: ./src/http-log.ts
// Step debug logging (ACTIONS_STEP_DEBUG) of every HTTP request, Composio's and GitHub's alike,
// where both pass: the fetch. A line says the method, the URL without its query, the status and
// the time to the answer's headers. Never a header, a body or a query: they carry the credentials,
// the sealed values and the secret itself.

/** `fetch`, telling `log` how each request went. */
function logRequests(fetch, log) {
    return async (url, init) => {
        const request = `HTTP ${init?.method ?? 'GET'} ${withoutQuery(url)}`;
        const start = log.now();
        const elapsed = () => `${Math.round(log.now() - start)} ms`;
        try {
            const response = await fetch(url, init);
            log.debug(`${request}: ${response.status} in ${elapsed()}`);
            return response;
        }
        catch (error) {
            log.debug(`${request}: ${failure(error)} after ${elapsed()}`);
            throw error;
        }
    };
}
/** Origin and path: no user info, no query, no fragment. */
function withoutQuery(url) {
    try {
        const { origin, pathname } = new URL(url);
        return `${origin}${pathname}`;
    }
    catch {
        return '(an unparsable URL)';
    }
}
/** The kind of failure only: a message may quote a header value (fetch's own refusals do). */
function failure(error) {
    if (error instanceof RedirectRefusedError)
        return `${error.status}, a redirect, refused`;
    const name = error instanceof Error ? error.name : typeof error;
    return `no answer (${name})`;
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(8324);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
;// CONCATENATED MODULE: ./src/github/limits.ts
// The queues @octokit/plugin-throttling schedules every request through, given in its options
// (`throttle.global`, `throttle.write` (write-budget.ts), `throttle.retryLimiter`; the plugin reads each with `??`,
// and test/unit/github/client.test.ts fails if an upgrade stops reading them). They replace
// Bottleneck's: Bottleneck yields to the event loop at each step of each job behind a lock, so a
// limiter lets about one job through every 2.5 ms, and the plugin chains two or three per request:
// ten parallel writes left over ~30 ms instead of together. The plugin's
// rate-limit decisions (onRateLimit, onSecondaryRateLimit) are its own, unchanged.
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

;// CONCATENATED MODULE: ./src/github/retry-after.ts

/** What the throttling plugin waits for itself: a secondary-limit message, or a primary limit. */
const throttled = (error) => /\bsecondary rate\b/i.test(error.message ?? '') ||
    error.response?.headers?.['x-ratelimit-remaining'] === '0';
function respectRetryAfter(options) {
    return (octokit) => {
        octokit.hook.error('request', async (error, request) => {
            const failure = error;
            if (failure.cause instanceof RedirectRefusedError)
                request.request.retries = 0;
            const seconds = Number(failure.response?.headers?.['retry-after']);
            if (failure.status === 429 && seconds > 0 && !throttled(failure)) {
                // plugin-retry sets retryCount (attempts made before this one) before each retry.
                const { retryCount = 0, retries = options.retries } = request.request;
                if (retryCount >= retries) {
                    options.warn(`GitHub asks to wait ${seconds} s on ${request.method} ${request.url}; no attempt left, giving up`);
                }
                else if (seconds > options.maxWaitSeconds) {
                    options.warn(`GitHub asks to wait ${seconds} s on ${request.method} ${request.url}; giving up`);
                    request.request.retries = 0; // read by plugin-retry, which wraps this plugin
                }
                else {
                    options.warn(`GitHub asks to wait ${seconds} s on ${request.method} ${request.url}; waiting`);
                    await options.sleep(seconds * options.unitMs);
                }
            }
            throw error;
        });
    };
}

;// CONCATENATED MODULE: ./src/github/write-budget.ts
// GitHub's secondary limit on content-creating requests (about 80 a minute), shared by two lanes
// so that, by construction, the writes of the secret after the rotation never wait behind a
// write check, a probe delete or a retry of either:
//
// - The secret lane: the rotated secret's writes and every retry of them (the main client's
//   `throttle.write`). The first attempts ask for their turns all at once (`turnsForWrites`, in
//   target order); a request then passes the lane without waiting, retries included, and is
//   counted once.
// - The check lane: the write checks' PUTs and DELETEs and their retries (the write-check
//   client's `throttle.write`). It yields: a check starts only when no secret write waits for its
//   turn and the window keeps a place for every secret write reserved (`reserve`) and not yet
//   started. A retried probe DELETE therefore takes a place only if the writes leave one.
//
// The rotation waits (delayFor) until the window can take the first min(count, 80) writes at once;
// from the reservation on, no check can take their places; past 80 targets the later writes wait
// only for the secret's own earlier writes to leave the window. Each lane has its own client, so
// its own concurrency slots too (client.ts).
class WriteBudget {
    limit;
    windowMs;
    sleep;
    now;
    starts = [];
    /** First attempts of the secret's writes waiting for their turn, in target order. */
    turns = [];
    checks = [];
    /** Secret writes the check lane leaves a place for, until each has had its turn. */
    reserved = 0;
    /** Turns given whose request has not passed the secret lane yet (counted at the turn). */
    given = 0;
    waking = false;
    secretLane = {
        key: () => this.secretLane,
        schedule: (_options, job, ...args) => {
            // A request without a turn given is a retry: counted (GitHub counts it), never held.
            if (this.given > 0)
                this.given--;
            else
                this.starts.push(this.now());
            return new Promise(resolve => resolve(job(...args)));
        }
    };
    checkLane = {
        key: () => this.checkLane,
        schedule: async (options, job, ...args) => {
            await new Promise(resolve => {
                // The plugin marks its rate-limit retries priority 0: ahead of the checks not yet started.
                if (options.priority === 0)
                    this.checks.unshift(resolve);
                else
                    this.checks.push(resolve);
                this.admit();
            });
            return job(...args);
        }
    };
    constructor(limit, windowMs, sleep, now = Date.now) {
        this.limit = limit;
        this.windowMs = windowMs;
        this.sleep = sleep;
        this.now = now;
    }
    /** Keeps places for `count` writes of the secret: the check lane never takes them. */
    reserve(count) {
        this.reserved = count;
    }
    /** The writes will not come (or have all had their turn): the checks may take every place. */
    release() {
        this.reserved = 0;
        this.admit();
    }
    /**
     * The turns of `count` first attempts of secret writes, asked for together so that no check
     * starts between them: each resolved at once while the window has room.
     */
    turnsForWrites(count) {
        const turns = Array.from({ length: count }, () => new Promise(resolve => this.turns.push(resolve)));
        this.admit();
        return turns;
    }
    /**
     * How long until `count` jobs could start at once (all `limit`, when more are asked for).
     * The rotation waits this long, so that the writes after it never wait.
     */
    delayFor(count) {
        this.forgetOld();
        const mustLeave = this.starts.length - (this.limit - Math.min(count, this.limit));
        return mustLeave <= 0 ? 0 : this.starts[mustLeave - 1] + this.windowMs - this.now();
    }
    forgetOld() {
        while (this.starts.length > 0 && this.starts[0] <= this.now() - this.windowMs)
            this.starts.shift();
    }
    /** Gives the secret's writes their turns first; then starts checks that leave the reserve free. */
    admit() {
        this.forgetOld();
        while (this.turns.length > 0 && this.starts.length < this.limit) {
            this.starts.push(this.now());
            this.given++;
            if (this.reserved > 0)
                this.reserved--;
            this.turns.shift()();
        }
        while (this.checks.length > 0 &&
            this.turns.length === 0 &&
            this.starts.length + this.reserved < this.limit) {
            this.starts.push(this.now());
            this.checks.shift()();
        }
        if (this.turns.length + this.checks.length > 0)
            this.wakeWhenAStartLeaves();
    }
    /** Without a start in the window, only a turn given or a release can make room. */
    wakeWhenAStartLeaves() {
        if (this.waking || this.starts.length === 0)
            return;
        this.waking = true;
        void this.sleep(this.starts[0] + this.windowMs - this.now()).then(() => {
            this.waking = false;
            this.admit();
        });
    }
}

;// CONCATENATED MODULE: ./src/github/client.ts
// Octokit as the toolkit builds it (@actions/github's getOctokit), with @octokit/plugin-throttling
// and @octokit/plugin-retry, bounded so that a dead API fails a step within seconds.






/** Retries: two, after 0.5 s and 2 s (plugin-retry's (n+1)² units of 0.5 s). */
const RETRIES = 2;
/** The longest rate-limit wait worth making; longer, and the request fails (with its recipe). */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;
/**
 * GitHub allows 100 concurrent requests. Each lane has its own slots, so a probe in flight never
 * holds a slot a write of the secret needs: as many as the writes that can start together, and
 * a few for the write checks; 95 in all.
 */
const SECRET_LANE_CONCURRENCY = 80;
const CHECK_LANE_CONCURRENCY = 15;
/** GitHub's secondary limit on content-creating requests. */
const WRITES_PER_MINUTE = 80;
/**
 * The write queue is built here, in two lanes over one budget. The write checks get a client of
 * their own, whose write queue is the check lane: it yields (a place kept for every write of the
 * secret to come, turns given to those writes first). The main client's is the secret lane,
 * which never holds a request. So no write of the secret, nor any retry of one, waits behind a
 * write check, a probe delete or a retry of either, by construction: write-budget.ts has the
 * rules, docs/timeouts-and-retries.md what they mean for a run.
 */
function createGitHubClient(options) {
    const writes = new WriteBudget(WRITES_PER_MINUTE, 60_000, options.sleep, options.now);
    return {
        octokit: createOctokit(options, writes.secretLane, SECRET_LANE_CONCURRENCY),
        writeChecks: createOctokit(options, writes.checkLane, CHECK_LANE_CONCURRENCY),
        writes
    };
}
function createOctokit(options, lane, concurrent) {
    const unit = options.backoffUnitMs ?? 1000;
    const { sleep } = options;
    // GitHub's rule: never retry before retry-after, and after a primary limit not before
    // x-ratelimit-reset. The throttling plugin waits as they say; when it gives up, plugin-retry
    // (which wraps it, and would retry a 429 on its own short backoff) is told not to retry.
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const retrying = retryCount < RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        options.warn(`GitHub ${kind} rate limit on ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter} s` : `giving up (it asks for ${retryAfter} s)`}`);
        if (!retrying)
            request.request.retries = 0;
        return retrying;
    };
    const octokit = (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: options.baseUrl,
        userAgent: 'rotate-composio-webhook-secret',
        request: { fetch: options.fetch },
        log: { debug: () => { }, info: () => { }, warn: options.warn, error: options.warn },
        // 5xx and lost answers, after 0.5 s and 2 s; 429s without a rate-limit signal too (its
        // default doNotRetry), after 0.5 s each time (the throttling plugin, inside it, resets the
        // retry count it reads on a 429).
        retry: { retries: RETRIES, retryAfterBaseValue: unit / 2 },
        throttle: {
            retryAfterBaseValue: unit,
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            // A run's writes go out together, within GitHub's secondary limits: 80 writes a minute
            // (write-budget.ts), and at most 95 requests at once against GitHub's 100. See limits.ts.
            ...{
                global: new ConcurrencyLimit(concurrent),
                write: lane,
                retryLimiter: new RetryScheduler(sleep)
            }
        }
    }, 
    // Order matters: each plugin wraps the ones before it, so plugin-retry wraps the throttling
    // plugin, which wraps the retry-after guard.
    respectRetryAfter({
        retries: RETRIES,
        maxWaitSeconds: MAX_RATE_LIMIT_WAIT_SECONDS,
        sleep,
        unitMs: unit,
        warn: options.warn
    }), plugin_throttling_dist_bundle/* throttling */.A, dist_bundle/* retry */.L);
    // Octokit hands every request that brings no `request` options of its own the same `request`
    // object, and both plugins write to it (retry counts; `retries` when giving up). A copy per
    // request keeps one request's retries from changing another's. Outermost: before any plugin.
    octokit.hook.wrap('request', (request, requestOptions) => {
        requestOptions.request = { ...requestOptions.request };
        return request(requestOptions);
    });
    return octokit;
}

;// CONCATENATED MODULE: ./src/receiver/verdict.ts
// How one round's pair of answers is read (the table in docs/receiver.md). Pure.
const isStatus = (answer, from, to) => 'status' in answer && answer.status >= from && answer.status <= to;
const is2xx = (answer) => isStatus(answer, 200, 299);
const is4xx = (answer) => isStatus(answer, 400, 499);
function classify(genuine, forged) {
    // Whatever the genuine delivery got: a receiver that takes a forgery verifies nothing.
    if (is2xx(forged))
        return 'forgery accepted';
    if (('redirect' in genuine && genuine.redirect) || ('redirect' in forged && forged.redirect))
        return 'redirected';
    if (is2xx(genuine) && is4xx(forged))
        return 'confirmed';
    if (is4xx(genuine) && is4xx(forged)) {
        return genuine.status === forged.status
            ? 'not yet'
            : 'confirmed, event refused';
    }
    return 'no answer';
}
const isFinal = (verdict) => verdict !== 'not yet' && verdict !== 'no answer';
const isConfirmed = (verdict) => verdict === 'confirmed' || verdict === 'confirmed, event refused';
/** `HTTP 401`, or `timed out after 10 s (timeout-seconds)`. */
function describeAnswer(answer) {
    return 'status' in answer ? `HTTP ${answer.status}` : answer.error;
}

;// CONCATENATED MODULE: ./src/receiver/summary.ts

/** The builder escapes nothing; the URL comes from an input or from Composio. */
const escaped = (text) => text.replace(/[&<>"]/g, c => `&#${c.charCodeAt(0)};`);
/** Rounds shown in full at most; a long check shows its first and its last ones. */
const SHOWN_FIRST = 10;
const SHOWN_LAST = 20;
const header = (...names) => names.map(data => ({ data, header: true }));
function rows(round, index) {
    const row = (signedWith, answer) => [
        String(index + 1),
        round.at.toISOString(),
        signedWith,
        escaped(describeAnswer(answer)),
        `${answer.ms} ms`
    ];
    return [row('new secret', round.genuine), row('random secret', round.forged)];
}
function receiverSection(target, outcome, headingLevel = 3) {
    const { rounds } = outcome;
    const hidden = rounds.length - SHOWN_FIRST - SHOWN_LAST;
    const shown = hidden > 0
        ? [
            ...rounds.slice(0, SHOWN_FIRST).flatMap(rows),
            [`…`, `${hidden} rounds not shown`, '', '', ''],
            ...rounds
                .slice(-SHOWN_LAST)
                .flatMap((round, i) => rows(round, rounds.length - SHOWN_LAST + i))
        ]
        : rounds.flatMap(rows);
    return target
        .addHeading(outcome.confirmedAt ? 'Receiver check: confirmed' : 'Receiver check: NOT confirmed', headingLevel)
        .addRaw(escaped(outcome.message), true)
        .addTable([header('Round', 'Sent at', 'Signed with', 'Answer', 'Time'), ...shown]);
}

;// CONCATENATED MODULE: ./src/github/errors.ts
// What a failed GitHub request means for the user, with the likely fix. Status and GitHub's
// `message` only, and the numbers of the rate-limit headers: never another header or a body,
// which may carry a token or a sealed value.

/** What writing a secret of each scope takes. */
const PERMISSIONS = {
    repository: "the repository permission 'Secrets: Read and write' (fine-grained PAT), 'secrets: write' (GitHub App), or the repo scope (classic PAT)",
    environment: "the repository permissions 'Environments: Read and write' and 'Secrets: Read and write' (fine-grained PAT), 'environments: write' and 'secrets: write' (GitHub App), or the repo scope (classic PAT)",
    organization: "the organization permission 'Secrets: Read and write' (fine-grained PAT), 'organization_secrets: write' (GitHub App), or the admin:org scope (classic PAT)"
};
/** The same for Dependabot and Codespaces secrets, which have no environments. */
const STORE_PERMISSIONS = {
    dependabot: {
        repository: "the repository permission 'Dependabot secrets: Read and write' (fine-grained PAT), 'dependabot_secrets: write' (GitHub App), or the repo scope (classic PAT)",
        organization: "the organization permission 'Organization dependabot secrets: Read and write' (fine-grained PAT), 'organization_dependabot_secrets: write' (GitHub App), or the admin:org scope (classic PAT)"
    },
    codespaces: {
        repository: "the repository permission 'Codespaces secrets: Read and write' (fine-grained PAT), 'codespaces_secrets: write' (GitHub App), or the repo scope (classic PAT)",
        organization: "the organization permission 'Organization codespaces secrets: Read and write' (fine-grained PAT), 'organization_codespaces_secrets: write' (GitHub App), or the admin:org scope (classic PAT)"
    }
};
function permission(target) {
    return target.store && target.kind !== 'environment'
        ? STORE_PERMISSIONS[target.store][target.kind]
        : PERMISSIONS[target.kind];
}
function hint(status, target, access) {
    switch (status) {
        case 401:
            return 'the github-token is invalid or expired';
        case 403:
            return access === 'write'
                ? `the github-token can read this target but not write its secrets (a read-only token passes the public-key read). It needs ${permission(target)}. GITHUB_TOKEN never can`
                : `the github-token may not manage these secrets. GITHUB_TOKEN never can (it cannot even read the public key). It needs ${permission(target)}`;
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
/**
 * A 403 or 429 that GitHub marks as a rate limit (`retry-after`, `x-ratelimit-remaining: 0`, or
 * a message that says so) is one, whatever else it says: the fix is to wait, not a permission.
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 */
function rateLimitHint(status, message, headers) {
    if (status !== 403 && status !== 429)
        return undefined;
    const retryAfter = Number(headers?.['retry-after']);
    const reset = Number(headers?.['x-ratelimit-reset']);
    const exhausted = String(headers?.['x-ratelimit-remaining']) === '0';
    if (!(retryAfter > 0 || exhausted || /\brate limit/i.test(message)))
        return undefined;
    const wait = retryAfter > 0
        ? `it asks to wait ${retryAfter} s (retry-after)`
        : exhausted && reset > 0
            ? `it asks to wait until ${new Date(reset * 1000).toISOString()} (x-ratelimit-reset)`
            : 'it did not say how long to wait (a secondary limit usually lifts within minutes)';
    return `GitHub rate-limited this request (not a permission problem): ${wait}. Try again after that`;
}
/** `HTTP 403: Resource not accessible by integration. Hint: …`, or why no answer came. */
function describeGitHubError(error, target, timeoutMs, access = 'read') {
    return describeGitHubAnswer(error, timeoutMs, status => hint(status, target, access));
}
/** The same, for any GitHub request, with the caller's hint for a status. */
function describeGitHubAnswer(error, timeoutMs, hintFor) {
    const { status, response, cause } = error;
    // Octokit's RequestError without a response: the request got no answer.
    if (status !== undefined && response === undefined)
        return describeNetworkError(cause ?? error, timeoutMs);
    if (status === undefined)
        return error instanceof Error ? error.message : String(error);
    const data = response?.data;
    const said = typeof data?.message === 'string' ? serverText(data.message) : undefined;
    const message = said === undefined ? '' : `: ${said}`;
    const why = rateLimitHint(status, said ?? '', response?.headers) ?? hintFor(status);
    return `HTTP ${status}${message}${why ? `. Hint: ${why}` : ''}`;
}

;// CONCATENATED MODULE: ./src/composio/errors.ts
// What a failed Composio request means, in words that quote Composio's error envelope (made safe
// for a log line) and never a body that could hold a secret.

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
// Scoped project keys: https://docs.composio.dev/reference/authenticating-to-composio/project-api-key-permissions
const HINTS = {
    401: "check the Composio key: 'api-key' is a project API key (x-api-key), 'user-api-key' a user API key (x-user-api-key)",
    403: `the key lacks permission: a scoped project API key needs Composio's "Webhooks" permission, Read for the reads of the subscription and Write for the rotation (a write-only key fails the first read: give it Read and write)`,
    404: "check 'subscription-id' and that it belongs to the key's project"
};
/** Composio's current API description lists only project API keys for webhook subscriptions. */
const USER_KEY_401 = "Composio's current API description accepts only project API keys (x-api-key) for webhook subscriptions: give a project API key in 'api-key' instead of 'user-api-key'";
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
        return typeof value === 'string' && value.trim() !== '' ? serverText(value) : undefined;
    };
    return {
        message: text('message'),
        slug: text('slug'),
        requestId: text('request_id'),
        suggestedFix: text('suggested_fix')
    };
}
/** `HTTP 401 APIKey_InvalidAPIKey: Invalid API key (request_id: …). Hint: …` */
function describeStatus(status, details, header = 'x-api-key') {
    let text = [`HTTP ${status}`, details.slug].filter(Boolean).join(' ');
    if (details.message)
        text += `: ${details.message}`;
    if (details.requestId)
        text += ` (request_id: ${details.requestId})`;
    if (details.suggestedFix)
        text += `. Suggested fix: ${details.suggestedFix}`;
    const hint = status === 401 && header === 'x-user-api-key' ? USER_KEY_401 : HINTS[status];
    return hint ? `${text}. Hint: ${hint}` : text;
}

;// CONCATENATED MODULE: ./src/composio/retry.ts
// Composio's retry policy, for the read and the rotation alike: a few attempts, backoff or the
// server's Retry-After, and no new attempt once the run is cancelled.

const DEFAULT_MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 500;
/** Longest Retry-After we wait for; a longer one ends the attempts (a 429 changed nothing). */
const MAX_RETRY_AFTER_MS = 30_000;
/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
function parseRetryAfter(header, now) {
    const text = header?.trim() ?? '';
    if (text === '')
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // Only an IMF-fixdate: Date.parse also reads '1.5' or '-1' as dates in 2001.
    if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text))
        return undefined;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/**
 * Runs `attempt` until it yields a value or a retry would not help. After each failure
 * `afterFailure` may end the attempts with a value of its own (a rotation recovered by a read).
 */
async function withRetries(options, attempt, afterFailure) {
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    const mayRetry = () => options.mayRetry?.() ?? true;
    for (let n = 1;; n++) {
        const result = await attempt();
        if ('value' in result)
            return result.value;
        const recovered = await afterFailure?.(result.error);
        if (recovered !== undefined)
            return recovered;
        const { error } = result;
        const giveUp = (why) => new ComposioError(`${error.message}${why}`, error.status, error.mayHaveRotated);
        const delay = result.retryAfterMs ?? BACKOFF_BASE_MS * 2 ** (n - 1);
        if (!result.retry || n >= maxAttempts || !mayRetry() || delay > MAX_RETRY_AFTER_MS)
            throw giveUp(n > 1 ? ` (after ${n} attempts)` : '');
        options.log(`${error.message}; retrying in ${delay / 1000} s (attempt ${n + 1} of ${maxAttempts})`);
        await options.sleep(delay);
        // A cancellation during the wait ends it early: ask again, a cancelled run sends nothing new.
        if (!mayRetry())
            throw giveUp(` (cancelled before attempt ${n + 1})`);
    }
}

;// CONCATENATED MODULE: ./src/composio/subscription.ts
// What Composio answers about a subscription (v3.1 read, and the rotation's `{id, secret}`), and
// when a secret it reads back could be a real one: anything else is never stored, nor compared.

/** Shorter than this, a read secret is taken for a masked or placeholder one. */
const MIN_SECRET_LENGTH = 32;
/**
 * Marks of a hidden value: Composio's own (`abcd...`, `xxxx...`, `REDACTED`, its changelog of
 * 2025-12-10; `ak_**XXXX` in its messages) and the common ones (`*`, `•`, `…`).
 */
const MASK_MARKS = /\.\.\.|\u2026|\*|\u2022|redacted|xxxx/i;
/**
 * Whether a secret read from the subscription could be a real one: a string of at least 32
 * characters, none of them whitespace, without any masking mark. Composio's one example secret
 * is 64 hex digits. The rotation's own answer is never judged by this: it is the secret.
 */
function couldBeRealSecret(value) {
    return (typeof value === 'string' &&
        value.length >= MIN_SECRET_LENGTH &&
        !/\s/.test(value) &&
        !MASK_MARKS.test(value));
}
/** The rotation's `secret`: any non-empty string, as Composio returned it. */
function parseRotatedSecret(body) {
    const secret = parseObject(body)?.['secret'];
    return typeof secret === 'string' && secret !== '' ? secret : undefined;
}
/** Parses a read's 2xx body; undefined when it is not a JSON object. */
function parseSubscription(body) {
    const fields = parseObject(body);
    if (fields === undefined)
        return undefined;
    const text = (key, maxLength) => typeof fields[key] === 'string' ? serverText(fields[key], maxLength) : undefined;
    const events = fields['enabled_events'];
    const secret = fields['secret'];
    return {
        secret: couldBeRealSecret(secret) ? secret : undefined,
        // A URL may be longer than a log line: the receiver check sends to it.
        webhookUrl: text('webhook_url', 4096),
        version: text('version'),
        enabledEvents: Array.isArray(events)
            ? events.flatMap(event => (typeof event === 'string' ? [serverText(event, 100)] : []))
            : undefined
    };
}
/** A JSON object, or undefined. JSON errors are swallowed: V8 quotes the input, which may hold a secret. */
function parseObject(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        return undefined;
    return parsed;
}

;// CONCATENATED MODULE: ./src/composio/client.ts
// The Composio client: the rotation, whose answer is the only copy of the new secret
// (https://docs.composio.dev/reference/api-reference/webhook-subscriptions/postWebhookSubscriptionsByIdRotateSecret),
// and the v3.1 read of the subscription, which also carries its current secret
// (https://docs.composio.dev/reference/api-reference/webhook-subscriptions/getWebhookSubscriptionsById).




const MAX_BODY_BYTES = 1024 * 1024;
/**
 * POST /api/v3/webhook_subscriptions/{id}/rotate_secret, retried where a new rotation is
 * harmless (5xx, 429, lost answers: the newest rotation is the one that counts). After each
 * failure `afterFailure` may recover the secret another way (a read), ending the attempts.
 */
function rotateWebhookSecret(options, subscriptionId, afterFailure) {
    return withRetries(options, () => rotateOnce(options, subscriptionId), afterFailure);
}
/** GET /api/v3.1/webhook_subscriptions/{id}, retried like the rotation (a read is always safe). */
function readWebhookSubscription(options, subscriptionId) {
    return withRetries(options, () => readOnce(options, subscriptionId));
}
async function rotateOnce(options, subscriptionId) {
    const operation = `Composio rotate_secret for subscription '${subscriptionId}'`;
    const path = `/api/v3/webhook_subscriptions/${encodeURIComponent(subscriptionId)}/rotate_secret`;
    // Without an answer, the request may have reached Composio and rotated the secret.
    const answer = await send(options, 'POST', path, operation, { lostMayHaveRotated: true });
    if ('error' in answer)
        return answer;
    // The rotation's answer is the secret, whatever it looks like: never judged as a read is.
    const secret = parseRotatedSecret(answer.body);
    if (secret === undefined) {
        const problem = `${operation} answered HTTP ${answer.status} without a full 'secret' (body not shown: it may hold a secret)`;
        return { error: new ComposioError(problem, answer.status, true), retry: false };
    }
    options.mask(secret);
    return { value: secret };
}
async function readOnce(options, subscriptionId) {
    const operation = `Composio read of subscription '${subscriptionId}'`;
    const path = `/api/v3.1/webhook_subscriptions/${encodeURIComponent(subscriptionId)}`;
    const answer = await send(options, 'GET', path, operation, { lostMayHaveRotated: false });
    if ('error' in answer)
        return answer;
    const subscription = parseSubscription(answer.body);
    if (subscription === undefined) {
        const problem = `${operation} answered HTTP ${answer.status} without a subscription (body not shown: it may hold a secret)`;
        return { error: new ComposioError(problem, undefined, false), retry: false };
    }
    if (subscription.secret !== undefined)
        options.mask(subscription.secret);
    return { value: subscription };
}
/** A 2xx answer's status and body, or the failed attempt. */
async function send(options, method, path, operation, { lostMayHaveRotated }) {
    let response;
    let body;
    try {
        response = await options.fetch(`${options.baseUrl}${path}`, {
            method,
            headers: { [options.auth.header]: options.auth.value, accept: 'application/json' }
        });
        body = await readTextCapped(response, MAX_BODY_BYTES);
    }
    catch (error) {
        const reason = describeNetworkError(error, options.timeoutMs);
        // A refused redirect is an answer that did nothing: no retry, nothing rotated.
        const redirected = error instanceof RedirectRefusedError;
        const status = redirected ? error.status : undefined;
        const mayHaveRotated = lostMayHaveRotated && !redirected;
        const failure = new ComposioError(`${operation} failed: ${reason}`, status, mayHaveRotated);
        return { error: failure, retry: !redirected };
    }
    if (response.ok)
        return { status: response.status, body };
    const { status } = response;
    const details = parseComposioError(body);
    const message = `${operation} failed: ${describeStatus(status, details, options.auth.header)}`;
    return {
        error: new ComposioError(message, status, lostMayHaveRotated && status >= 500),
        retry: status === 429 || status >= 500,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now())
    };
}

;// CONCATENATED MODULE: ./src/github/secrets.ts
/**
 * Each scope's endpoint methods: [public key, create or update, delete]. Octokit's `dependabot`
 * and `codespaces` namespaces name their repository and organization methods as `actions` does.
 */
const ENDPOINTS = {
    repository: ['getRepoPublicKey', 'createOrUpdateRepoSecret', 'deleteRepoSecret'],
    environment: [
        'getEnvironmentPublicKey',
        'createOrUpdateEnvironmentSecret',
        'deleteEnvironmentSecret'
    ],
    organization: ['getOrgPublicKey', 'createOrUpdateOrgSecret', 'deleteOrgSecret']
};
/** The path parameters that name a target. */
function where(target) {
    switch (target.kind) {
        case 'repository':
            return { owner: target.owner, repo: target.repo };
        case 'environment':
            return { owner: target.owner, repo: target.repo, environment_name: target.environment };
        case 'organization':
            return { org: target.org };
    }
}
function endpoints(octokit, target) {
    const [key, put, remove] = ENDPOINTS[target.kind];
    const methods = namespace(octokit, target);
    return [methods[key], methods[put], methods[remove]];
}
/** The store's endpoint methods: Actions unless the target says otherwise. */
function namespace(octokit, target) {
    return octokit.rest[target.store ?? 'actions'];
}
/** The parameters of a write; organization writes always say who may read the secret. */
function writeParams(write) {
    const body = { encrypted_value: write.encryptedValue, key_id: write.keyId };
    if (write.target.kind === 'organization') {
        body.visibility = write.access?.visibility ?? 'private';
        if (body.visibility === 'selected')
            body.selected_repository_ids = write.access?.selectedRepositoryIds ?? [];
    }
    return { ...where(write.target), secret_name: write.name, ...body };
}
/**
 * The target's public key. Checked now, not when sealing: after the rotation a bad key would
 * strand the secret. The key ID goes into printed recipes, so only digits (as GitHub issues
 * them) are accepted: a server's text never reaches a shell command.
 */
async function getPublicKey(octokit, target) {
    const [publicKey] = endpoints(octokit, target);
    const { data } = await publicKey(where(target));
    const { key_id: keyId, key } = (data ?? {});
    if (typeof keyId !== 'string' || typeof key !== 'string') {
        throw new Error('the public-key answer has no key_id and key');
    }
    if (!/^\d{1,64}$/.test(keyId)) {
        throw new Error('the public-key answer has a key_id that is not a number, as GitHub issues them');
    }
    if (!/^[A-Za-z0-9+/]{43}=$/.test(key) || Buffer.from(key, 'base64').length !== 32) {
        throw new Error('the public key is not a 32-byte X25519 key in base64');
    }
    return { keyId, key };
}
/** PUT a sealed value: 201 when the secret is new, 204 when it replaced one. */
async function putSecret(octokit, write) {
    const { status } = await endpoints(octokit, write.target)[1](writeParams(write));
    return status === 201 ? 'created' : 'updated';
}
/** The exact request `putSecret` sends, for a recipe that finishes the write by hand. */
function writeRequest(octokit, write) {
    const { method, url, body } = endpoints(octokit, write.target)[1].endpoint(writeParams(write));
    return { method, url, body: body };
}
async function deleteSecret(octokit, target, name) {
    await endpoints(octokit, target)[2]({ ...where(target), secret_name: name });
}
/** The current visibility of an organization secret, or undefined when it does not exist yet. */
async function getOrganizationAccess(octokit, target, name) {
    const { org } = target;
    const methods = namespace(octokit, target);
    let visibility;
    try {
        const { data } = await methods.getOrgSecret({ org, secret_name: name });
        visibility = data.visibility;
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
        const { data } = await methods.listSelectedReposForOrgSecret({
            org,
            secret_name: name,
            per_page: 100,
            page
        });
        selectedRepositoryIds.push(...data.repositories.map(repository => repository.id));
        if (data.repositories.length === 0 || selectedRepositoryIds.length >= data.total_count)
            break;
    }
    return { visibility, selectedRepositoryIds };
}
/** The numeric id GitHub wants in `selected_repository_ids`, from a repository's name. */
async function getRepositoryId(octokit, owner, repo) {
    const { data } = await octokit.rest.repos.get({ owner, repo });
    return data.id;
}

// EXTERNAL MODULE: ./src/inputs/targets.ts
var inputs_targets = __webpack_require__(4295);
;// CONCATENATED MODULE: ./src/run/preflight.ts
// Step 2, before anything irreversible, all at once: every target's public key (and how an
// organization secret is shared), and Composio's subscription with its current secret. Every
// problem is reported together; any of them leaves the old secret alive.





/** A refusal before anything irreversible: its headline, and every problem on a line. */
class PreflightError extends Error {
    headline;
    problems;
    name = 'PreflightError';
    constructor(headline, problems) {
        super(`${headline}.\n${problems.map(p => `  - ${p}`).join('\n')}`);
        this.headline = headline;
        this.problems = problems;
    }
}
/** Composio answered the read, but with the secret masked: not storable without a rotation. */
class MaskedSecretError extends Error {
}
/** Fails with every problem at once: `Nothing was rotated: …` and one line per problem. */
function failBeforeRotation(run, headline, problems) {
    const nothing = run.settings.rotate ? 'Nothing was rotated' : 'Nothing was written';
    throw new PreflightError(`${nothing}: ${headline}`, problems);
}
async function preflight(run) {
    const { targets } = run.settings;
    const [subscription, ...prepared] = await Promise.allSettled([
        readSubscription(run),
        ...targets.map(target => prepare(run, target))
    ]);
    const failures = prepared.flatMap((result, index) => result.status === 'rejected'
        ? [`${(0,inputs_targets/* formatTarget */.P4)(targets[index])}: ${result.reason.message}`]
        : []);
    const composio = subscription.status === 'rejected' ? [subscription.reason.message] : [];
    if (failures.length + composio.length > 0) {
        const masked = subscription.status === 'rejected' && subscription.reason instanceof MaskedSecretError;
        const headline = failures.length > 0
            ? `${failures.length} of ${targets.length} targets cannot be written`
            : masked
                ? "Composio's subscription was read, but its secret came back masked"
                : "Composio's subscription cannot be read";
        failBeforeRotation(run, headline, [...composio, ...failures]);
    }
    return {
        subscription: subscription.value,
        targets: prepared.map(result => result.value)
    };
}
/**
 * The subscription, with its secret when Composio gives it in full. A refusal (401, 403, 404, a
 * redirect) is a problem; no answer (5xx, network, timeout) is one only when the run needs the
 * secret (`rotate: false`): a rotation does without it.
 */
async function readSubscription(run) {
    const { rotate, subscriptionId } = run.settings;
    let subscription;
    try {
        subscription = await readWebhookSubscription(run.composio, subscriptionId);
    }
    catch (error) {
        if (!(error instanceof ComposioError))
            throw error;
        const { status } = error;
        const unanswered = status === undefined || status === 429 || status >= 500;
        if (!rotate || !unanswered)
            throw error;
        run.io.warning(`${error.message}. Going on: the rotation does not need this read.`);
        return undefined;
    }
    if (!rotate && subscription.secret === undefined) {
        throw new MaskedSecretError("Composio did not return the subscription's full secret (it came masked, empty or missing), so storing it without rotating is impossible. Run with rotate: true to rotate and store the new one");
    }
    return subscription;
}
async function prepare(run, target) {
    const [key, access] = await Promise.all([
        explained(run, 'could not read the public key', target, getPublicKey(run.github.octokit, target)),
        target.kind === 'organization' ? organizationAccess(run, target) : undefined
    ]);
    return { target, label: (0,inputs_targets/* formatTarget */.P4)(target), key, ...(access && { access }) };
}
/** The visibility to send: the one asked for, else the existing secret's, else private. Never wider than asked. */
async function organizationAccess(run, target) {
    const { octokit } = run.github;
    const { org } = target;
    const { visibility, selectedRepositories, secretName } = run.settings;
    switch (visibility) {
        case 'all':
        case 'private':
            return { visibility };
        case 'selected':
            return {
                visibility: 'selected',
                selectedRepositoryIds: await Promise.all(selectedRepositories.map(repo => explained(run, `could not find the selected repository ${org}/${repo}`, { kind: 'repository', owner: org, repo }, getRepositoryId(octokit, org, repo))))
            };
        case undefined: {
            const what = `could not read the current visibility of ${secretName}`;
            const current = getOrganizationAccess(octokit, target, secretName);
            return (await explained(run, what, target, current)) ?? { visibility: 'private' };
        }
    }
}
/** Awaits one request, turning its failure into `what: HTTP 404: … Hint: …` about `target`. */
async function explained(run, what, target, work) {
    try {
        return await work;
    }
    catch (error) {
        throw new Error(`${what}: ${describeGitHubError(error, target, run.settings.timeoutMs)}`);
    }
}

;// CONCATENATED MODULE: ./src/redeploy/github.ts
async function getWorkflow(octokit, where, workflow) {
    const { data } = await octokit.rest.actions.getWorkflow({ ...where, workflow_id: workflow });
    return { id: data.id, path: data.path, state: data.state };
}
async function getDefaultBranch(octokit, where) {
    const { data } = await octokit.rest.repos.get({ ...where });
    return data.default_branch;
}
/** A file's text at `ref` (undefined: the default branch), from the contents API's base64. */
async function getFileText(octokit, where, path, ref) {
    const { data } = await octokit.rest.repos.getContent({ ...where, path, ...(ref && { ref }) });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) {
        throw new Error(`${path} is not a file`);
    }
    // Files over 1 MB come without content: no workflow file is that large.
    if (data.encoding !== 'base64')
        throw new Error(`${path} came without its content`);
    return Buffer.from(data.content, 'base64').toString('utf8');
}
/**
 * Starts the workflow on `ref`; the run's id when the server says it (`return_run_details`,
 * GitHub.com since 2026-02). Never retried: a dispatch re-sent after a lost answer could deploy
 * twice. Servers that refuse the parameter (older GHES: 422 or 400) get the dispatch without it,
 * which they answer 204 without the run: then undefined.
 */
async function dispatchWorkflow(octokit, where, workflowId, ref) {
    const params = { ...where, workflow_id: workflowId, ref, request: { retries: 0 } };
    try {
        // Octokit's types predate the 200 answer.
        const { status, data } = (await octokit.rest.actions.createWorkflowDispatch({
            ...params,
            return_run_details: true
        }));
        const runId = status === 200 ? data.workflow_run_id : undefined;
        return typeof runId === 'number' ? runId : undefined;
    }
    catch (error) {
        const status = error.status;
        if (status !== 422 && status !== 400)
            throw error;
        // The refusal started nothing: the same dispatch without the parameter is not a second run.
        await octokit.rest.actions.createWorkflowDispatch(params);
        return undefined;
    }
}
/**
 * The run a dispatch without run details started: the oldest `workflow_dispatch` run of the
 * workflow created since `since`, or undefined while none is listed yet. The filter is applied
 * here: the description types the `created` query as a plain date-time, not the `>=` range the
 * docs show.
 */
async function findDispatchedRun(octokit, where, workflowId, since) {
    const { data } = await octokit.rest.actions.listWorkflowRuns({
        ...where,
        workflow_id: workflowId,
        event: 'workflow_dispatch',
        per_page: 20
    });
    // GitHub keeps creation times to the second.
    const from = Math.floor(since.getTime() / 1000) * 1000;
    const runs = data.workflow_runs.filter(run => Date.parse(run.created_at) >= from);
    // Newest first: the last one is the first created since the dispatch.
    return runs.at(-1)?.id;
}
async function getRun(octokit, where, runId) {
    const { data } = await octokit.rest.actions.getWorkflowRun({ ...where, run_id: runId });
    return { id: data.id, htmlUrl: data.html_url, status: data.status, conclusion: data.conclusion };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/redeploy/workflow-file.ts
// Whether a workflow file can be started by hand: its `on:` must declare `workflow_dispatch`.
// Pure: text in, a problem (or none) out.

const TRIGGER = 'workflow_dispatch';
/** Undefined when the file declares `workflow_dispatch`; else what is wrong, for an error. */
function dispatchTriggerProblem(text) {
    let workflow;
    try {
        workflow = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        const where = error.linePos?.[0]?.line;
        return `it is not valid YAML${where === undefined ? '' : ` (line ${where})`}`;
    }
    if (typeof workflow !== 'object' || workflow === null || Array.isArray(workflow)) {
        return 'it is not a workflow (no mapping at the top)';
    }
    const fields = workflow;
    // YAML 1.1 reads a bare `on` as the boolean true: a workflow written or converted by a YAML 1.1
    // tool may hold the key `true`. GitHub reads both.
    const on = 'on' in fields ? fields['on'] : fields['true'];
    const triggers = triggerNames(on);
    if (triggers.includes(TRIGGER))
        return undefined;
    return triggers.length === 0
        ? `its on: declares no trigger; add ${TRIGGER}`
        : `its on: declares ${triggers.join(', ')} but not ${TRIGGER}; add it`;
}
/** `on: push`, `on: [push, workflow_dispatch]`, or `on: { workflow_dispatch: … }`. */
function triggerNames(on) {
    if (typeof on === 'string')
        return [on];
    if (Array.isArray(on))
        return on.filter((name) => typeof name === 'string');
    if (typeof on === 'object' && on !== null)
        return Object.keys(on);
    return [];
}

;// CONCATENATED MODULE: ./src/redeploy/check.ts
// Before the rotation, alongside the preflight: every redeploy line names an active workflow whose
// file, at the ref the dispatch will use, can be started by hand. The dispatch permission itself
// (`actions: write`) can only be proven by dispatching, which would deploy the old secret.




/** What reading and starting workflows takes, for every hint. */
const ACTIONS_PERMISSION = "'Actions: Read and write' and 'Contents: Read' (fine-grained PAT), 'actions: write' and 'contents: read' (GitHub App), or the repo scope (classic PAT)";
/** Resolves with every line checked, or fails before the rotation listing every bad line. */
async function checkRedeploys(run) {
    const lines = run.settings.redeploy;
    const checked = await Promise.allSettled(lines.map(line => check_prepare(run, line)));
    const problems = checked.flatMap((result, index) => result.status === 'rejected'
        ? [`'${lines[index].line}': ${result.reason.message}`]
        : []);
    if (problems.length > 0) {
        failBeforeRotation(run, `${problems.length} of ${lines.length} redeploys cannot start`, [
            ...problems,
            "(Starting a workflow also takes 'actions: write', which only a dispatch can prove.)"
        ]);
    }
    const prepared = checked.map(result => result.value);
    for (const line of prepared) {
        run.io.info(`Redeploy checked: ${line.owner}/${line.repo} will start ${line.workflowPath} on ${line.dispatchRef} (it declares workflow_dispatch).`);
    }
    return prepared;
}
/**
 * For a preflight that failed: its error, with the redeploy check's problems added once that
 * check has settled too, so that one run names every problem.
 */
async function withRedeployProblems(error, check) {
    const failed = await check.then(() => undefined, (reason) => reason);
    if (error instanceof PreflightError && failed instanceof PreflightError) {
        throw new PreflightError(error.headline, [...error.problems, ...failed.problems]);
    }
    throw error;
}
/** One round trip for a workflow given by file name; two for a numeric ID (its path comes first). */
async function check_prepare(run, line) {
    const { octokit } = run.github;
    const where = { owner: line.owner, repo: line.repo };
    const byName = !/^\d+$/.test(line.workflow);
    const readFile = (path) => check_explained(run, `could not read ${path}`, 'file', getFileText(octokit, where, path, line.ref));
    const [workflow, dispatchRef, text] = await Promise.all([
        check_explained(run, 'could not read the workflow', 'workflow', getWorkflow(octokit, where, line.workflow)),
        line.ref ??
            check_explained(run, 'could not read the default branch', 'repository', getDefaultBranch(octokit, where)),
        byName ? readFile(`.github/workflows/${line.workflow}`) : undefined
    ]);
    if (workflow.state !== 'active') {
        throw new Error(`the workflow ${workflow.path} is ${workflow.state}, not active; enable it (gh workflow enable ${workflow.id} -R ${line.owner}/${line.repo})`);
    }
    const problem = dispatchTriggerProblem(text ?? (await readFile(workflow.path)));
    if (problem) {
        throw new Error(`${workflow.path} at ${dispatchRef} cannot be started by hand: ${problem}`);
    }
    return { ...line, workflowId: workflow.id, workflowPath: workflow.path, dispatchRef };
}
const NOT_FOUND = {
    workflow: 'no such workflow in this repository (a file name in .github/workflows, or a numeric ID), or the github-token cannot see the repository',
    file: 'the file is not at that ref (does the branch, tag or commit exist?)',
    repository: 'the repository does not exist, or the github-token cannot see it'
};
async function check_explained(run, what, reading, work) {
    try {
        return await work;
    }
    catch (error) {
        const why = describeGitHubAnswer(error, run.settings.timeoutMs, status => {
            if (status === 401)
                return 'the github-token is invalid or expired';
            if (status === 404)
                return NOT_FOUND[reading];
            if (status === 403)
                return `the github-token cannot read this repository's workflows; redeploying needs ${ACTIONS_PERMISSION}`;
            return undefined;
        });
        throw new Error(`${what}: ${why}`);
    }
}

;// CONCATENATED MODULE: ./src/redeploy/follow.ts
// After the writes: start one repository's workflow and follow its run to the end, or to
// `redeploy-timeout-minutes`. Every outcome is a result, never an exception.



/** How often a run is asked for its status. */
const POLL_INTERVAL_MS = 10_000;
function resultOf(line, conclusion, detail) {
    return {
        repository: `${line.owner}/${line.repo}`,
        workflow: line.workflow,
        ref: line.dispatchRef,
        runUrl: undefined,
        conclusion,
        ...(detail !== undefined && { detail })
    };
}
async function dispatchAndFollow(run, line) {
    const { octokit } = run.github;
    const where = { owner: line.owner, repo: line.repo };
    const since = run.deps.now();
    let runId;
    try {
        runId = await dispatchWorkflow(octokit, where, line.workflowId, line.dispatchRef);
    }
    catch (error) {
        const why = describeGitHubAnswer(error, run.settings.timeoutMs, status => status === 403 || status === 404
            ? `starting a workflow needs ${ACTIONS_PERMISSION}; the check before the rotation can read the workflow but cannot prove this without starting a run`
            : undefined);
        return resultOf(line, 'dispatch_failed', `the dispatch failed: ${why}`);
    }
    run.io.info(`${where.owner}/${where.repo}: started ${line.workflowPath} on ${line.dispatchRef}.`);
    return follow(run, line, runId, since);
}
/** Polls the run until it completes or the time is up; says at once when it waits for approval. */
async function follow(run, line, dispatchedRunId, since) {
    const { octokit } = run.github;
    const { deps, io, settings } = run;
    const where = { owner: line.owner, repo: line.repo };
    const name = `${where.owner}/${where.repo}`;
    const deadline = since.getTime() + settings.redeployTimeoutMs;
    const minutes = settings.redeployTimeoutMs / 60_000;
    let runId = dispatchedRunId;
    let state;
    let saidWaiting = false;
    let lastError;
    for (;;) {
        try {
            runId ??= await findDispatchedRun(octokit, where, line.workflowId, since);
            if (runId !== undefined) {
                const first = state === undefined;
                state = await getRun(octokit, where, runId);
                if (first)
                    io.info(`${name}: following run ${state.htmlUrl} (up to ${minutes} min).`);
            }
            lastError = undefined;
        }
        catch (error) {
            lastError = describeGitHubAnswer(error, settings.timeoutMs, () => undefined);
        }
        if (state?.status === 'completed')
            return finished(line, state);
        if (state?.status === 'waiting' && !saidWaiting) {
            saidWaiting = true;
            io.warning(`${name}: run ${state.htmlUrl} is waiting for an environment's approval; the receiver keeps the old secret until it is approved and deploys. Following it up to ${minutes} min (redeploy-timeout-minutes).`);
        }
        const left = deadline - deps.now().getTime();
        // A cancelled job ends the follow at once (the guard is exiting).
        if (left <= 0 || run.guard.signal.aborted)
            return unfinished(line, state, lastError, minutes);
        await deps.sleep(Math.min(POLL_INTERVAL_MS, left), run.guard.signal);
    }
}
function finished(line, state) {
    const conclusion = state.conclusion ?? 'unknown';
    const result = { ...resultOf(line, conclusion), runUrl: state.htmlUrl };
    return conclusion === 'success' ? result : { ...result, detail: `the run ended: ${conclusion}` };
}
function unfinished(line, state, lastError, minutes) {
    const also = lastError ? ` (last status request: ${lastError})` : '';
    if (state === undefined) {
        return resultOf(line, 'not_found', `the dispatched run did not appear within ${minutes} min${also}`);
    }
    const waiting = state.status === 'waiting';
    return {
        ...resultOf(line, waiting ? 'waiting' : 'in_progress', waiting
            ? `still waiting for an environment's approval after ${minutes} min${also}`
            : `still ${state.status ?? 'running'} after ${minutes} min (redeploy-timeout-minutes)${also}`),
        runUrl: state.htmlUrl
    };
}

;// CONCATENATED MODULE: ./src/redeploy/redeploy.ts

function startRedeploys(run, lines) {
    const settled = new Map();
    const resolvers = [];
    const each = lines.map(() => new Promise(resolve => resolvers.push(work => void work.then(resolve))));
    const started = lines.map(() => false);
    const onSettled = (result) => {
        settled.set(result.label, result);
        lines.forEach((line, index) => {
            if (started[index] || !line.labels.every(label => settled.has(label)))
                return;
            started[index] = true;
            const unwritten = line.labels.filter(label => !('written' in settled.get(label).outcome));
            resolvers[index](unwritten.length === 0
                ? dispatchAndFollow(run, line)
                : Promise.resolve(resultOf(line, 'not_dispatched', `not started: ${unwritten.join(', ')} did not receive the secret, so a deploy would ship the old one`)));
        });
    };
    return { onSettled, results: Promise.all(each) };
}

// EXTERNAL MODULE: ./src/run/html.ts
var html = __webpack_require__(4440);
;// CONCATENATED MODULE: ./src/run/recipes.ts
/** Single quotes for a POSIX shell: nothing inside is expanded or run. */
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}
/**
 * The request that finishes one target by hand, with any token that may write secrets. Every
 * line is shell: the block pastes whole into bash, its prose a comment (a target's label holds no
 * line break: src/inputs/targets.ts refuses control characters in names).
 */
function replayRecipe(result) {
    const { method, url, body } = result.request;
    return [
        `# To finish ${result.label} by hand (key_id ${result.keyId}), with GITHUB_TOKEN set to a token`,
        "# that may write this secret (the value is sealed for this target's key: only GitHub can open it):",
        `curl -fsS -X ${method} ${shellQuote(url)} \\`,
        `  -H "Authorization: Bearer $GITHUB_TOKEN" \\`,
        `  -H 'Accept: application/vnd.github+json' -H 'Content-Type: application/json' \\`,
        `  -d ${shellQuote(JSON.stringify(body))}`
    ].join('\n');
}
const isWritten = (result) => 'written' in result.outcome;
/** `acme/app: created`, or `acme/api: NOT WRITTEN (timed out after 2 s (timeout-seconds))`. */
function statusOf(result) {
    return 'written' in result.outcome
        ? result.outcome.written
        : `NOT WRITTEN (${result.outcome.failed})`;
}
/**
 * The error of a run that obtained the secret but did not finish cleanly: each target as written
 * or not, a replay recipe per unwritten one, and anything else that went wrong.
 */
function incompleteMessage(source, results, problems = []) {
    const { subscriptionId, fingerprint, secretName } = source;
    const head = source.how === 'current'
        ? `The current secret of subscription '${subscriptionId}' (fingerprint ${fingerprint}; not rotated) was being stored`
        : `The webhook subscription '${subscriptionId}' WAS ROTATED (fingerprint ${fingerprint}) and its old secret no longer works`;
    const unwritten = results.filter(result => !isWritten(result));
    const lines = [
        unwritten.length > 0
            ? `${head}, but ${unwritten.length} of ${results.length} target(s) did not receive ${secretName}.`
            : `${head}; ${secretName} was stored in every target, but the run did not finish cleanly.`,
        ...results.map(result => `${result.label}: ${statusOf(result)}`)
    ];
    if (unwritten.length > 0) {
        lines.push("Finish by hand: run this action again with rotate: false (it stores Composio's current secret without rotating, where Composio returns it in full), or send the request shown for each target not written. Running it with rotate: true would rotate again.", ...unwritten.map(replayRecipe));
    }
    return [...lines, ...problems.map(problem => `Also: ${problem}`)].join('\n');
}
/** What a cancellation during the writes prints after `Cancelled (SIGNAL) `. */
function unfinishedMessage(source, results) {
    const when = source.how === 'current'
        ? 'while storing the current secret (not rotated)'
        : 'after the rotation';
    return `${when}. ${incompleteMessage(source, results)}`;
}

;// CONCATENATED MODULE: ./src/redeploy/report.ts
// What a redeploy tells its reader: the `redeploys` output, a job summary section, and, for
// every repository not redeployed, a problem that fails the run at the end with the command that
// redeploys it by hand (the secret is stored by then).


function noteRedeploys(run, results) {
    if (run.settings.redeploy.length === 0)
        return;
    const output = results.map(({ repository, workflow, runUrl, conclusion }) => ({
        repository,
        workflow,
        run_url: runUrl ?? null,
        conclusion
    }));
    run.problems.noteNow('Setting the redeploys output', () => run.io.setOutput('redeploys', JSON.stringify(output)));
    for (const result of results) {
        if (result.conclusion === 'success')
            continue;
        const { repository, workflow, ref, runUrl, detail } = result;
        run.problems.add(`${repository} was not redeployed (${workflow} on ${ref}${runUrl ? `, ${runUrl}` : ''}): ${detail}. Redeploy by hand once the cause is fixed: gh workflow run ${shellQuote(workflow)} -R ${shellQuote(repository)} --ref ${shellQuote(ref)}`);
    }
}
/** The summary's Redeploys section: one row per repository. */
function redeploySummary(summary, results) {
    if (results.length === 0)
        return summary;
    return summary
        .addHeading('Redeploys', 3)
        .addTable([
        ['Repository', 'Workflow', 'Run', 'Conclusion'].map(data => ({ data, header: true })),
        ...results.map(result => [
            (0,html/* escapeHtml */.ZD)(result.repository),
            (0,html/* escapeHtml */.ZD)(`${result.workflow} on ${result.ref}`),
            result.runUrl ? `<a href="${(0,html/* escapeHtml */.ZD)(result.runUrl)}">run</a>` : 'none',
            (0,html/* escapeHtml */.ZD)(result.detail ? `${result.conclusion}: ${result.detail}` : result.conclusion)
        ])
    ]);
}

;// CONCATENATED MODULE: ./src/seal.ts
// libsodium sealed boxes, the encryption GitHub requires for secret values:
// https://docs.github.com/en/rest/guides/encrypting-secrets-for-the-rest-api
/**
 * Loads libsodium (~50 ms of WebAssembly start-up): begin it early, await it late. Imported here,
 * not at the top, so that its loading starts after the first requests have been sent.
 */
async function loadSealer() {
    const { default: sodium } = await __webpack_require__.e(/* import() */ 768).then(__webpack_require__.bind(__webpack_require__, 4768));
    await sodium.ready;
    const base64 = sodium.base64_variants.ORIGINAL; // GitHub's keys are standard, padded base64.
    return (value, publicKeyBase64) => {
        const key = sodium.from_base64(publicKeyBase64, base64);
        return sodium.to_base64(sodium.crypto_box_seal(sodium.from_string(value), key), base64);
    };
}

;// CONCATENATED MODULE: ./src/run/cancel.ts
// Runner cancellation: SIGINT, then SIGTERM 7.5 s later. What a signal must do depends on whether
// the irreversible rotation has been sent: before it, stop; after it, never leave silently.
class CancellationGuard {
    signals;
    fail;
    exit;
    phase = { name: 'checking' };
    controller = new AbortController();
    /** Says which write-check secrets a cancelled run may leave behind, once there are some. */
    leftovers = '';
    constructor(signals, fail, 
    /** Exits once what `fail` printed has been flushed: a recipe cut off is a secret lost. */
    exit) {
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
    probesWritten(note) {
        this.leftovers = `\n${note}`;
    }
    rotating() {
        this.phase = { name: 'rotating' };
    }
    /**
     * From here a signal prints `Cancelled (SIGNAL) ` and `unfinished()` (which says what happened,
     * with the replay recipes of unconfirmed writes) and exits.
     */
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
                return this.stop(`Cancelled (${signal}) before the rotation: nothing was rotated, nothing written.`);
            case 'rotating':
                // The old secret may already be dead: wait for Composio's answer (bounded by the timeout),
                // then the run reports what is left to do instead of writing. A second signal (the
                // runner's SIGTERM, 7.5 s after SIGINT) means no more waiting: say so before the kill.
                if (!this.controller.signal.aborted)
                    return this.controller.abort();
                return this.stop(`Cancelled (${signal}) while waiting for Composio's answer: the subscription may have been rotated although no secret reached this run, so its old secret may no longer work. Run this action again: the newest rotation is the one that counts.`);
            case 'writing':
                return this.stop(`Cancelled (${signal}) ${this.phase.unfinished()}`);
            case 'done':
                return;
        }
    };
    stop(message) {
        this.phase = { name: 'done' };
        this.fail(`${message}${this.leftovers}`);
        this.exit(1);
    }
}

;// CONCATENATED MODULE: ./src/run/read-back.ts
// Composio's subscription read again during the rotation step: right before the rotation (a
// baseline), after a lost answer, and alongside the writes (the confirmation). Never fatal: a
// read that fails is a warning, and its secret is simply not known.

const UNREAD = {
    back: 'Could not read the subscription back: ',
    'before the rotation': 'Could not read the subscription before the rotation: '
};
/**
 * The subscription's current secret if it could be a real one, else undefined (masked, or no
 * answer: said as a warning).
 */
async function readCurrentSecret(run, when, maxAttempts) {
    const options = maxAttempts ? { ...run.composio, maxAttempts } : run.composio;
    try {
        return (await readWebhookSubscription(options, run.settings.subscriptionId)).secret;
    }
    catch (error) {
        run.io.warning(`${UNREAD[when]}${error.message}`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/run/confirm.ts

async function confirmRotation(run, obtained) {
    const { how } = obtained.source;
    // A current one was not rotated; a cancelled run sends nothing more.
    if (how === 'current' || run.guard.signal.aborted)
        return 'not needed';
    const current = await readCurrentSecret(run, 'back');
    if (current === obtained.secret)
        return 'confirmed';
    if (how === 'recovered' && (current === undefined || current === obtained.before)) {
        run.io.warning(CONFIRMATION_TEXT['possibly stale']);
        return 'possibly stale';
    }
    if (current === undefined)
        return 'unconfirmed';
    if (current === obtained.before) {
        run.io.warning("Composio's read after the rotation still showed the previous secret (a stale read); the rotation's answer is the secret stored.");
        return 'stale';
    }
    return 'changed';
}
/** What the summary says of the confirmation. */
const CONFIRMATION_TEXT = {
    confirmed: 'Composio confirmed the rotation: the subscription holds the secret stored.',
    unconfirmed: 'The rotation could not be confirmed: Composio did not return the full secret when read back.',
    stale: "Composio's read after the rotation still showed the previous secret (a stale read).",
    'possibly stale': 'The secret recovered after the lost answer could not be confirmed by a second read of Composio, so it may be stale: if deliveries fail verification, run this action again with rotate: false to store the secret the subscription holds.',
    changed: 'Composio now holds a secret that is neither the one this run rotated to nor the one before it: someone rotated the subscription during this run, so the value stored may no longer work. Run this action again with rotate: false to store the current secret.',
    'not needed': ''
};

;// CONCATENATED MODULE: ./src/run/context.ts
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
            this.failed(what, error);
        }
    }
    /** `note`, for work that is done at once. */
    noteNow(what, work) {
        try {
            work();
        }
        catch (error) {
            this.failed(what, error);
        }
    }
    failed(what, error) {
        this.add(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    add(problem) {
        this.list.push(problem);
        this.io.warning(problem);
    }
}

;// CONCATENATED MODULE: ./src/notify/failure-issue.ts

const FAILURE_LABEL = 'composio-webhook-secret';
/** Opens the issue, or comments on the open one. */
async function reportFailureIssue(notify, failure) {
    const { octokit, where } = notify;
    const { owner, repo } = where;
    const body = failureText(failure, where.runUrl);
    await warnOnFailure(notify, 'open or update the failure issue', async () => {
        const open = await findOpenIssue(notify);
        if (open !== undefined) {
            await octokit.rest.issues.createComment({ owner, repo, issue_number: open, body });
            return;
        }
        const title = `Composio webhook secret: a run for subscription ${notify.subscriptionId} failed`;
        await octokit.rest.issues.create({ owner, repo, title, body, labels: [FAILURE_LABEL] });
    });
}
/** After a run that stored the secret everywhere: comments on the open issue, and closes it. */
async function closeFailureIssue(notify) {
    const { octokit, where } = notify;
    const { owner, repo } = where;
    await warnOnFailure(notify, 'close the failure issue', async () => {
        const open = await findOpenIssue(notify);
        if (open === undefined)
            return;
        const run = where.runUrl ? ` ([run](${where.runUrl}))` : '';
        const body = `A later run stored the secret in every target${run}: closing.`;
        await octokit.rest.issues.createComment({ owner, repo, issue_number: open, body });
        await octokit.rest.issues.update({
            owner,
            repo,
            issue_number: open,
            state: 'closed',
            state_reason: 'completed'
        });
    });
}
/** The newest open issue with the label (pull requests, which share the list, excluded). */
async function findOpenIssue({ octokit, where }) {
    const { data } = await octokit.rest.issues.listForRepo({
        owner: where.owner,
        repo: where.repo,
        labels: FAILURE_LABEL,
        state: 'open',
        per_page: 30
    });
    return data.find(issue => !issue.pull_request)?.number;
}
async function warnOnFailure(notify, what, work) {
    try {
        await work();
    }
    catch (error) {
        const { status, message } = error;
        const why = `${status ? `HTTP ${status}: ` : ''}${serverText(String(message ?? error))}`;
        const { owner, repo } = notify.where;
        notify.warn(`Could not ${what} in ${owner}/${repo} (${why}). Hint: failure-issue needs a github-token with 'Issues: Read and write' on ${owner}/${repo} (issues: write).`);
    }
}
/**
 * The issue's text. Lines that carry names or servers' words go in a fenced block, so that
 * nothing in them is read as markdown or mentions anyone (`acme/app@production`).
 */
function failureText(failure, runUrl) {
    const lines = [failure.headline, ...failure.details].join('\n');
    const fence = '`'.repeat(Math.max(3, ...[...lines.matchAll(/`+/g)].map(m => m[0].length + 1)));
    return [
        `A run of rotate-composio-webhook-secret failed${runUrl ? `: ${runUrl}` : ''}.`,
        '',
        `${fence}text\n${lines}\n${fence}`,
        '',
        `**What is left to do:** ${failure.todo || "see the run's log."}`,
        '',
        "The run's log and job summary have the details (and any recipe to finish by hand); this issue never holds the secret."
    ].join('\n');
}

// EXTERNAL MODULE: ./src/run/failure-summary.ts
var failure_summary = __webpack_require__(4126);
;// CONCATENATED MODULE: ./src/run/summary.ts



const summary_header = (...names) => names.map(data => ({ data, header: true }));
const targetCount = (count) => `${count} target${count === 1 ? '' : 's'}`;
/** The first line of a stored run: how it ended. */
function storedHeadline({ source, results, problems }) {
    const unwritten = results.filter(result => !isWritten(result)).length;
    const what = source.how === 'current' ? 'stored (not rotated)' : 'rotated';
    if (unwritten > 0) {
        const secret = source.how === 'current' ? 'secret (not rotated)' : 'secret rotated, but';
        return `${html/* FAILED */.Wk} Composio webhook ${secret} NOT written to ${unwritten} of ${targetCount(results.length)}: finish by hand`;
    }
    const stored = source.how === 'current' ? what : `${what} and stored`;
    return problems.length > 0
        ? `${html/* FAILED */.Wk} Composio webhook secret ${stored} in every target, but the run did not finish cleanly`
        : `${html.OK} Composio webhook secret ${stored} in ${targetCount(results.length)}`;
}
/** `2026-11-27 08:00:00 UTC`, from an ISO 8601 time. */
const utc = (iso) => iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
function storedSummary(summary, stored, sections = []) {
    const { source, results, confirmation, problems } = stored;
    const failed = results.filter(result => !isWritten(result));
    const when = source.rotatedAt ? `rotated ${utc(source.rotatedAt)}` : 'not rotated';
    summary
        .addHeading((0,html/* escapeHtml */.ZD)(storedHeadline(stored)), 2)
        .addRaw((0,html/* paragraph */.FY)(`Secret ${(0,html/* code */.aY)(source.secretName)} of subscription ${(0,html/* code */.aY)(source.subscriptionId)} (${when}), fingerprint ${(0,html/* code */.aY)(source.fingerprint)}: the first 16 hex digits of its SHA-256, for a receiver to compare.${failed.length > 0 ? ` Only the targets marked ${html.OK} hold it.` : ''}`), true);
    if (source.how === 'recovered')
        summary.addRaw((0,html/* paragraph */.FY)("The rotation's answer was lost; the secret stored is the one Composio's subscription held when read back."), true);
    if (CONFIRMATION_TEXT[confirmation])
        summary.addRaw((0,html/* paragraph */.FY)((0,html/* escapeHtml */.ZD)(CONFIRMATION_TEXT[confirmation])), true);
    summary.addTable([
        summary_header('Status', 'Target', 'Written at'),
        ...results.map(result => 'written' in result.outcome
            ? [`${html.OK} ${result.outcome.written}`, (0,html/* escapeHtml */.ZD)(result.label), utc(result.outcome.at)]
            : [`${html/* FAILED */.Wk} NOT WRITTEN`, (0,html/* escapeHtml */.ZD)(result.label), '—'])
    ]);
    if (failed.length > 0)
        finishByHand(summary, failed);
    if (problems.length > 0)
        summary.addHeading('Also', 3).addList(problems.map(html/* escapeHtml */.ZD));
    for (const section of sections)
        section(summary);
    return summary;
}
/** Below the table: each unwritten target, why, and the block that finishes it. */
function finishByHand(summary, failed) {
    summary
        .addHeading('Finish by hand', 3)
        .addRaw((0,html/* paragraph */.FY)(`Run this action again with ${(0,html/* code */.aY)('rotate: false')}: it stores Composio's current secret without rotating, where Composio returns it in full. Or paste each block below into a shell, with ${(0,html/* code */.aY)('GITHUB_TOKEN')} set to a token that may write the secret. Running it with ${(0,html/* code */.aY)('rotate: true')} would rotate again.`), true);
    for (const result of failed) {
        const why = 'failed' in result.outcome ? result.outcome.failed : '';
        summary
            .addHeading(`${html/* FAILED */.Wk} ${(0,html/* escapeHtml */.ZD)(result.label)}`, 4)
            .addRaw((0,html/* paragraph */.FY)((0,html/* escapeHtml */.ZD)(why)), true)
            .addCodeBlock((0,html/* escapeHtml */.ZD)(replayRecipe(result)), 'sh');
    }
}
function dryRunSummary(summary, settings, checked) {
    const { subscription } = checked;
    const plan = settings.rotate
        ? `rotate subscription ${(0,html/* code */.aY)(settings.subscriptionId)} once and write ${(0,html/* code */.aY)(settings.secretName)} to`
        : `store the current secret of subscription ${(0,html/* code */.aY)(settings.subscriptionId)}, without rotating, as ${(0,html/* code */.aY)(settings.secretName)} in`;
    summary
        .addHeading(`${html.OK} Dry run: every target accepted a test write; nothing was rotated or written`, 2)
        .addRaw((0,html/* paragraph */.FY)(`Each target accepted a probe secret (deleted since). A real run would ${plan} ${targetCount(checked.targets.length)}:`), true)
        .addTable([
        summary_header('Status', 'Target', 'Checked'),
        ...checked.targets.map(target => [
            `${html.OK} write accepted`,
            (0,html/* escapeHtml */.ZD)(target.label),
            `key_id ${target.key.keyId}${target.access ? `, visibility ${target.access.visibility}` : ''}`
        ])
    ]);
    if (!subscription) {
        return summary.addRaw((0,html/* paragraph */.FY)("Composio's subscription could not be read (see the warning)."), true);
    }
    return summary
        .addHeading('Subscription', 3)
        .addList([
        `webhook_url: ${(0,html/* code */.aY)(subscription.webhookUrl ?? '(not given)')}`,
        `version: ${(0,html/* code */.aY)(subscription.version ?? '(not given)')}`,
        `enabled_events: ${(subscription.enabledEvents ?? []).map(html/* code */.aY).join(', ') || '(none given)'}`,
        `secret: ${subscription.secret === undefined ? 'masked in the read' : 'returned in full (not shown)'}`
    ]);
}

;// CONCATENATED MODULE: ./src/run/report.ts
// Step 6: what a run tells its workflow and its reader: the outputs, the job summary, and an
// error listing every target and a recipe per unwritten one when it did not finish cleanly.



/** A run that obtained the secret but did not finish cleanly; its job summary is written. */
class IncompleteRunError extends Error {
    stored;
    name = 'IncompleteRunError';
    constructor(stored) {
        super(incompleteMessage(stored.source, stored.results, stored.problems));
        this.stored = stored;
    }
}
/** `sections`: what other steps add to the summary, below the targets (see SummarySection). */
async function reportStored(run, source, results, confirmation, sections = []) {
    const { io, problems } = run;
    if (confirmation === 'changed')
        problems.add(CONFIRMATION_TEXT.changed);
    const written = results.filter(isWritten).map(result => result.label);
    await problems.note('Setting the targets output', () => io.setOutput('targets', JSON.stringify(written)));
    const stored = { source, results, confirmation, problems: problems.list };
    await problems.note('Writing the job summary', () => io.writeSummary(summary => storedSummary(summary, stored, sections)));
    if (problems.list.length > 0 || written.length < results.length) {
        throw new IncompleteRunError(stored);
    }
    io.info(`Stored ${source.secretName} in ${written.length} target(s): ${written.join(', ')}.`);
}
async function reportDryRun(run, checked) {
    const { io, settings } = run;
    const labels = checked.targets.map(target => target.label).join(', ');
    const plan = settings.rotate
        ? `would rotate subscription ${settings.subscriptionId} once and write ${settings.secretName} to ${labels}`
        : `would store the current secret of subscription ${settings.subscriptionId}, without rotating, as ${settings.secretName} in ${labels}`;
    io.info(`Dry run: every target accepted a test write, and Composio's subscription was read. A real run ${plan}. Nothing was rotated or written.`);
    io.setOutput('rotated', 'false');
    io.setOutput('targets', '[]');
    await io.writeSummary(summary => dryRunSummary(summary, settings, checked));
}

;// CONCATENATED MODULE: ./src/run/failure.ts
// How a run that failed after reading its settings is reported: what went wrong, in the job
// summary (unless the stored run wrote its own) and, with failure-issue, in an issue, which the
// next run that stores the secret everywhere closes.








function describeFailure(error) {
    if (error instanceof PreflightError) {
        return {
            headline: `${html/* FAILED */.Wk} ${error.headline}`,
            details: error.problems,
            todo: `The old secret still works. Fix what each line names (its hint says how; docs/troubleshooting.md explains every message), ${failure_summary/* AGAIN */.jM}.`
        };
    }
    if (error instanceof IncompleteRunError) {
        const { results, problems } = error.stored;
        return {
            headline: storedHeadline(error.stored),
            details: [...results.map(result => `${result.label}: ${statusOf(result)}`), ...problems],
            todo: results.every(isWritten)
                ? 'Every target holds the secret; the lines above say what else went wrong.'
                : "Finish the targets NOT WRITTEN: run this action again with rotate: false (it stores Composio's current secret without rotating), or send the request that the run's log and job summary show for each. Running it with rotate: true would rotate again."
        };
    }
    const message = error instanceof Error ? error.message : String(error);
    const [first = '', ...rest] = message.split('\n');
    if (error instanceof ComposioError) {
        // The rotation's: its last line says whether the old secret still works, and what to do.
        const todo = rest.pop() ?? '';
        return { headline: `${html/* FAILED */.Wk} Composio's rotation failed`, details: [first, ...rest], todo };
    }
    // Anything else (a cancellation, an unexpected error): its first line, and the whole message
    // for the summary, where a recipe it holds can be copied.
    if (rest.length === 0)
        return { headline: `${html/* FAILED */.Wk} ${first}`, details: [], todo: '' };
    const todo = "The run's log and job summary hold the whole message.";
    return { headline: `${html/* FAILED */.Wk} ${first}`, details: [], todo, text: message };
}
/** The failure's summary (a stored run wrote its own), then the failure issue if asked for. */
async function reportFailure(run, error) {
    const failure = describeFailure(error);
    if (!(error instanceof IncompleteRunError))
        await (0,failure_summary/* writeFailureSummary */.KJ)(run.io, failure);
    const notify = notifyOf(run);
    if (notify)
        await reportFailureIssue(notify, failure);
}
/** A run that stored the secret everywhere closes the failure issue a failed one opened. */
async function reportSuccess(run) {
    const notify = notifyOf(run);
    if (notify)
        await closeFailureIssue(notify);
}
function notifyOf({ settings, github, io }) {
    const where = settings.failureIssue;
    if (!where)
        return undefined;
    const { subscriptionId } = settings;
    return { octokit: github.octokit, where, subscriptionId, warn: io.warning };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/run/rotate.ts
// Step 4: the secret to store. Rotated exactly once (the one irreversible call), recovered by a
// read when the rotation's answer is lost, or, with `rotate: false`, the current one as read.




function fingerprint(secret) {
    return (0,external_node_crypto_.createHash)('sha256').update(secret, 'utf8').digest('hex').slice(0, 16);
}
/** The rotation, or (rotate: false) the current secret; masked the moment it was parsed. */
async function obtainSecret(run, checked) {
    const { settings } = run;
    const preflight = checked.subscription?.secret;
    const obtained = settings.rotate
        ? await rotate(run, preflight)
        : { secret: preflight, how: 'current' }; // preflight refused a masked one
    const source = {
        subscriptionId: settings.subscriptionId,
        secretName: settings.secretName,
        fingerprint: fingerprint(obtained.secret),
        how: obtained.how,
        ...(obtained.how !== 'current' && { rotatedAt: run.deps.now().toISOString() })
    };
    const before = 'before' in obtained ? obtained.before : undefined;
    return { secret: obtained.secret, source, before };
}
/**
 * Sets the outputs and says what was obtained, as soon as the writes are on their way: if a
 * write fails, a later step of the job can still finish by hand with these.
 */
function announce(run, { secret, source }) {
    const { io } = run;
    run.problems.noteNow('Setting the outputs', () => {
        io.setOutput('secret', secret);
        io.setOutput('fingerprint', source.fingerprint);
        io.setOutput('rotated', String(source.how !== 'current'));
        if (source.rotatedAt)
            io.setOutput('rotated-at', source.rotatedAt);
    });
    io.info(source.how === 'current'
        ? `Read the current secret of subscription ${source.subscriptionId} (not rotated); fingerprint ${source.fingerprint}.`
        : `Rotated subscription ${source.subscriptionId}; new secret fingerprint ${source.fingerprint}.`);
}
/**
 * The one irreversible call. When its answer is lost, the subscription is read before any new
 * attempt and compared with `before`, the secret it held before the rotation: another full secret
 * means the rotation happened (stored as if answered); the same one, that no attempt so far took
 * effect (retried as any failure). Without `before`, or without a full secret in the read, the
 * attempt may have rotated: unknown. Each attempt's outcome replaces the previous one's.
 */
async function rotate(run, preflight) {
    await waitForWriteBudget(run);
    // A read after a lost answer proves something only against the secret from before: when the
    // preflight did not show it in full, one more read, right before the rotation.
    const before = preflight ?? (await readCurrentSecret(run, 'before the rotation', 1));
    run.guard.rotating();
    let outcome = 'not rotated';
    let recovered = false;
    const afterFailure = async (error) => {
        // This attempt rotated nothing (a refusal, a 429): what the earlier ones left stands.
        if (!error.mayHaveRotated)
            return undefined;
        // Not read back (no baseline, or cancelled): this attempt may have rotated.
        // One attempt per read: the rotation's own retries follow, and a dead Composio must not double them.
        const current = before === undefined || run.guard.signal.aborted
            ? undefined
            : await readCurrentSecret(run, 'back', 1);
        if (current === undefined)
            outcome = 'unknown';
        else if (current === before)
            outcome = 'not taken effect';
        else {
            recovered = true;
            run.io.warning(`${error.message}. The answer was lost, but Composio's subscription now holds a new secret: the rotation happened, and that secret is the one stored. Not rotating again.`);
            return current;
        }
        return undefined;
    };
    try {
        const secret = await rotateWebhookSecret(run.composio, run.settings.subscriptionId, afterFailure);
        return { secret, how: recovered ? 'recovered' : 'rotated', before };
    }
    catch (error) {
        throw error instanceof ComposioError ? explainRotationFailure(error, outcome) : error;
    }
}
/**
 * GitHub accepts about 80 writes a minute, the write checks included. The writes after the
 * rotation must never be the ones that wait: the rotation waits until all of them can start.
 */
async function waitForWriteBudget(run) {
    const count = run.settings.targets.length;
    const { writes } = run.github;
    if (count > writes.limit) {
        run.io.warning(`${count} targets: GitHub accepts about ${writes.limit} secret writes a minute, so the last ${count - writes.limit} writes after the rotation start about a minute after the others.`);
    }
    const wait = writes.delayFor(count);
    if (wait <= 0)
        return;
    run.io.info(`Waiting ${Math.ceil(wait / 1000)} s before rotating: GitHub accepts about ${writes.limit} secret writes a minute (the write checks were writes too), and the ${count} writes after the rotation must go out at once.`);
    await run.deps.sleep(wait);
}
/** A failed rotation says whether the old secret may be dead, and what to do. */
function explainRotationFailure(error, outcome) {
    const consequence = {
        unknown: 'The subscription may have been rotated although no secret reached this run, so its old secret may no longer work: run this action again (the newest rotation is the one that counts), or with rotate: false to store the secret it holds now. Nothing was written to GitHub.',
        'not taken effect': "The rotation did not take effect (Composio's subscription still holds the secret it had before): nothing written; the old secret still works.",
        'not rotated': 'Nothing was rotated and nothing written: the old secret still works.'
    }[outcome];
    return new ComposioError(`${error.message}\n${consequence}`, error.status, error.mayHaveRotated);
}

;// CONCATENATED MODULE: ./src/run/write-check.ts
// Step 3: proof that every target accepts a write. GitHub lets a read-only token read the public
// key, so only a write proves write access. Each target gets a probe secret, <NAME>_WRITE_CHECK,
// holding a sealed throwaway value that no consumer reads. The deletes are queued before the
// rotation, in the write budget's check lane: they take only the places the writes of the secret
// leave (during the rotation, with up to 26 targets; else beside or after the writes), never one
// those writes need (src/github/write-budget.ts). At once in a dry run, which writes nothing else.
// A probe that cannot be deleted is named.



const WRITE_CHECK_SUFFIX = '_WRITE_CHECK';
const PROBE_VALUE = 'write check by rotate-composio-webhook-secret; not a secret; safe to delete';
async function checkWrites(run, targets) {
    const { writeChecks, writes } = run.github;
    const name = `${run.settings.secretName}${WRITE_CHECK_SUFFIX}`;
    const seal = await run.sealer;
    const probes = targets.map(({ target, key }) => ({
        target,
        name,
        encryptedValue: seal(PROBE_VALUE, key.key),
        keyId: key.keyId,
        // The narrowest an organization secret can be: no repository may read it.
        ...(target.kind === 'organization' && {
            access: { visibility: 'selected', selectedRepositoryIds: [] }
        })
    }));
    run.guard.probesWritten(`Write-check secrets ${name} may remain in the targets (they hold no secret; the next run removes them).`);
    const results = await Promise.allSettled(probes.map(probe => putSecret(writeChecks, probe)));
    let removing;
    const deleting = () => (removing ??= removeProbes(run, targets, name));
    const check = {
        removeBehind: writesToCome => {
            writes.reserve(writesToCome);
            void deleting();
        },
        remove: () => {
            writes.release();
            return deleting();
        }
    };
    const failures = results.flatMap((result, index) => result.status === 'rejected'
        ? [
            `${targets[index].label}: a test write (${name}) was refused: ${describeGitHubError(result.reason, targets[index].target, run.settings.timeoutMs, 'write')}`
        ]
        : []);
    if (failures.length > 0) {
        await check.remove();
        failBeforeRotation(run, `${failures.length} of ${targets.length} targets cannot be written`, failures);
    }
    run.io.info(`Every target accepted a test write (${name}, ${whenDeleted(run, targets.length)}).`);
    return check;
}
/** When the probes go, as checkWrites's caller queues them (action.ts). */
function whenDeleted(run, count) {
    if (run.settings.dryRun)
        return 'deleted again now: a dry run writes nothing else';
    // The deletes and a place for each write of the secret, beside the probes just written.
    if (run.github.writes.delayFor(2 * count) === 0)
        return 'deleted again while the secret is rotated';
    return `deleted again as GitHub's write budget leaves room beside the ${count} writes of the secret, some up to a minute after them`;
}
/** Deletes every probe (one that was never written answers 404, which is fine). */
async function removeProbes(run, targets, name) {
    const { writeChecks } = run.github;
    const results = await Promise.allSettled(targets.map(({ target }) => deleteSecret(writeChecks, target, name)));
    results.forEach((result, index) => {
        if (result.status === 'fulfilled' || result.reason.status === 404)
            return;
        const { label, target } = targets[index];
        const why = describeGitHubError(result.reason, target, run.settings.timeoutMs, 'write');
        run.io.warning(`Could not delete the write-check secret ${name} from ${label} (${why}). It holds no secret; delete it by hand or let the next run remove it.`);
    });
}

// EXTERNAL MODULE: ./src/inputs/urls.ts
var urls = __webpack_require__(9695);
;// CONCATENATED MODULE: ./src/version.ts
// This action's version, as package.json says (test/unit/version.test.ts keeps them in step):
// receivers see it in the receiver check's user-agent.
const VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/receiver/delivery.ts
// One round of the receiver check: two deliveries signed the way Composio signs its own, that
// differ only in their webhook-id and their signature. One is signed with the new secret, the
// other with a random secret made for this run, so a receiver that verifies can answer only the
// first with 2xx. Pure: values in, values out (randomness aside).


/** What a check delivery is, for a receiver's logs and monitoring: never mistaken for an attack. */
const USER_AGENT = `rotate-composio-webhook-secret/${VERSION} receiver-check`;
/** A V3 event type that no trigger uses; receivers that know it answer 204 and do nothing. */
const CHECK_EVENT_TYPE = 'composio.webhook_secret.check';
/**
 * `v1,<base64 HMAC-SHA256("{id}.{timestamp}.{body}")>` keyed with the secret's UTF-8 bytes, as
 * Composio signs and `@composio/core`'s verifyWebhook checks (the key is not base64-decoded).
 */
function signature(secret, id, timestamp, body) {
    const mac = (0,external_node_crypto_.createHmac)('sha256', Buffer.from(secret, 'utf8'))
        .update(`${id}.${timestamp}.${body}`, 'utf8')
        .digest('base64');
    return `v1,${mac}`;
}
/**
 * The check event, shaped as Composio's V3 deliveries are (`id`, `timestamp`, `type`,
 * `metadata`, `data`; @composio/core's WebhookPayloadV3Schema accepts any `composio.*` type), so
 * that a receiver which verifies and then parses with the SDK parses it too. It carries nothing
 * secret: not the secret, not its fingerprint.
 */
function checkEvent(eventId, at) {
    return JSON.stringify({
        id: eventId,
        timestamp: at.toISOString(),
        type: CHECK_EVENT_TYPE,
        metadata: { sender: 'rotate-composio-webhook-secret', version: VERSION },
        data: {
            purpose: 'Checks that this receiver verifies Composio signatures with the current secret. Verify it as any delivery, then answer 204 and do nothing else.'
        }
    });
}
function delivery(secret, id, at, body) {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    return {
        headers: {
            'content-type': 'application/json',
            'user-agent': USER_AGENT,
            'webhook-id': id,
            'webhook-timestamp': timestamp,
            'webhook-signature': signature(secret, id, timestamp, body),
            'x-composio-webhook-version': 'V3'
        },
        body
    };
}
const randomId = (prefix) => `${prefix}_${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
/** A fresh random secret, 64 hex characters like Composio's: never the new one, by chance or not. */
function randomSecret() {
    return (0,external_node_crypto_.randomBytes)(32).toString('hex');
}
/** The pair for one round: the same body, a webhook-id each, signed with each secret. */
function deliveryPair(newSecret, forgerySecret, at) {
    const body = checkEvent(randomId('evt_check'), at);
    return {
        genuine: delivery(newSecret, randomId('msg_check'), at, body),
        forged: delivery(forgerySecret, randomId('msg_check'), at, body)
    };
}

;// CONCATENATED MODULE: ./src/receiver/messages.ts

const pair = (round, time) => `${describeAnswer(round.genuine)} to the delivery signed with the new secret${time(round.genuine)}, ${describeAnswer(round.forged)} to the one signed with a random secret${time(round.forged)}`;
const answers = (round) => pair(round, () => '');
function roundLine(round, index) {
    return `Receiver check, round ${index}: ${pair(round, answer => ` (${answer.ms} ms)`)}: ${round.verdict}.`;
}
/** The sentence of a round whose verdict is final. */
function decidedMessage(shownUrl, round) {
    switch (round.verdict) {
        case 'confirmed':
            return `The receiver at ${shownUrl} verifies deliveries with the new secret (${answers(round)}).`;
        case 'confirmed, event refused':
            return `The receiver at ${shownUrl} verified the delivery signed with the new secret, then refused the check event itself (${answers(round)}): confirmed. Answering 2xx to verified events of unknown types avoids this note (docs/receiver.md).`;
        case 'redirected': {
            const redirect = [round.genuine, round.forged].find(a => 'redirect' in a && a.redirect);
            return `Receiver check of ${shownUrl}: the receiver ${describeAnswer(redirect)}. Give the URL it redirects to.`;
        }
        default:
            return `Security finding: the receiver at ${shownUrl} accepted a delivery signed with a random secret (${answers(round)}). It does not verify Composio's signatures, so anyone who knows its URL can send it events: make it verify every delivery before acting on it (docs/receiver.md).`;
    }
}
/** The sentence of a check that ran out of time (or was cancelled) on `last`. */
function messages_unfinishedMessage(shownUrl, last, seconds, cancelled) {
    if (cancelled)
        return `Receiver check of ${shownUrl}: cancelled after ${seconds} s, not confirmed.`;
    return last.verdict === 'not yet'
        ? `Receiver check of ${shownUrl}: the receiver still rejects deliveries signed with the new secret after ${seconds} s: redeploy it with the new secret (last answers: ${answers(last)}).`
        : `Receiver check of ${shownUrl}: no conclusive answer after ${seconds} s (last answers: ${answers(last)}).`;
}

;// CONCATENATED MODULE: ./src/receiver/check.ts
// The receiver check's loop: one pair of deliveries per round, a round every interval (start to
// start, so a receiver that switches secrets is confirmed at most one interval and one round trip
// later), until the answers decide or the time is up. Bodies of answers are never read.





async function checkReceiver(url, secret, timing, deps) {
    const shownUrl = (0,urls/* displayUrl */.Qy)(url);
    const forgerySecret = randomSecret(); // one per run, never the new secret
    const started = deps.now().getTime();
    const rounds = [];
    for (;;) {
        const at = deps.now();
        const pair = deliveryPair(secret, forgerySecret, at);
        const [genuine, forged] = await Promise.all([
            check_send(url, pair.genuine, deps),
            check_send(url, pair.forged, deps)
        ]);
        const round = { at, genuine, forged, verdict: classify(genuine, forged) };
        rounds.push(round);
        deps.log(roundLine(round, rounds.length));
        if (isFinal(round.verdict)) {
            const confirmedAt = isConfirmed(round.verdict) ? deps.now() : undefined;
            return {
                shownUrl,
                rounds,
                message: decidedMessage(shownUrl, round),
                ...(confirmedAt && { confirmedAt })
            };
        }
        // On a fixed schedule from the start: slow rounds do not push the later ones back.
        const next = started + rounds.length * timing.intervalMs;
        const cancelled = deps.signal?.aborted ?? false;
        if (cancelled || next - started > timing.timeoutMs) {
            const seconds = Math.round((deps.now().getTime() - started) / 1000);
            return { shownUrl, rounds, message: messages_unfinishedMessage(shownUrl, round, seconds, cancelled) };
        }
        await deps.sleep(Math.max(0, next - deps.now().getTime()));
    }
}
async function check_send(url, delivery, deps) {
    const started = deps.now().getTime();
    const ms = () => deps.now().getTime() - started;
    try {
        const response = await deps.fetch(url, {
            method: 'POST',
            headers: delivery.headers,
            body: delivery.body,
            ...(deps.signal && { signal: deps.signal })
        });
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status, ms: ms() };
    }
    catch (error) {
        const timedOut = error?.name === 'TimeoutError';
        return {
            error: timedOut ? deps.requestTimedOut : describeNetworkError(error, 0),
            ms: ms(),
            ...(error instanceof RedirectRefusedError && { redirect: true })
        };
    }
}

;// CONCATENATED MODULE: ./src/run/verify.ts
// The receiver check in a run of the main action (verify-receiver): its URL settled before
// anything irreversible, the check itself once every write is done. Never in a dry run. A failed
// check fails the run at the end, after everything else was reported: the secret is stored.





/**
 * Sets the webhook-url output (the subscription's receiver, as Composio's read gave it), and
 * returns the URL to check, if any: the input's, or (`subscription`) the read's, checked by the
 * same rule as the input. A URL that fails it fails the run here, before the rotation.
 */
function receiverUrlOf(run, checked) {
    const { io, settings } = run;
    const webhookUrl = checked.subscription?.webhookUrl;
    // Like every output, a failure to set it is noted, not fatal: it must not stop a run by itself.
    if (webhookUrl) {
        run.problems.noteNow('Setting the webhook-url output', () => io.setOutput('webhook-url', webhookUrl));
    }
    const target = settings.verifyReceiver;
    if (!target)
        return undefined;
    let url;
    if ('url' in target)
        url = target.url;
    else if (!webhookUrl) {
        return failBeforeRotation(run, 'the receiver to check is unknown', [
            "verify-receiver is 'subscription', but Composio's read of the subscription gave no webhook_url: give the receiver's URL instead"
        ]);
    }
    else {
        try {
            url = (0,urls/* receiverUrl */.rl)(webhookUrl);
        }
        catch (error) {
            return failBeforeRotation(run, 'the receiver cannot be checked', [
                `verify-receiver: the subscription's webhook_url ${error.message}`
            ]);
        }
    }
    if (settings.dryRun) {
        io.info(`Dry run: the receiver at ${(0,urls/* displayUrl */.Qy)(url)} is not checked (a real run checks it once every write is done).`);
    }
    return url;
}
/**
 * The check, once every write is done and every redeploy has ended; skipped, and said so, when
 * a write failed or a redeploy did not succeed (the receiver cannot hold the new secret yet).
 */
async function verifyAfterWrites(run, secret, url, results, redeployed = []) {
    const skipped = !results.every(isWritten)
        ? 'skipped: not every target was written, and finishing the writes comes first.'
        : redeployed.some(result => result.conclusion !== 'success')
            ? 'skipped: a redeploy did not succeed, so the receiver cannot hold the new secret yet.'
            : undefined;
    if (skipped) {
        run.io.warning(`Receiver check of ${(0,urls/* displayUrl */.Qy)(url)} ${skipped}`);
        return undefined;
    }
    return verifyReceiver(run, secret, url);
}
/** Runs the check; sets receiver-confirmed-at when confirmed, else notes a problem that fails the run. */
async function verifyReceiver(run, secret, url) {
    const { deps, settings, io, guard } = run;
    const { timeoutMs, intervalMs } = settings.verifyTiming;
    io.info(`Checking the receiver at ${(0,urls/* displayUrl */.Qy)(url)}: a delivery signed with the new secret and one signed with a random secret, every ${intervalMs / 1000} s for up to ${timeoutMs / 1000} s.`);
    const outcome = await checkReceiver(url, secret, settings.verifyTiming, {
        fetch: deps.fetch,
        sleep: ms => deps.sleep(ms, guard.signal),
        now: deps.now,
        signal: guard.signal,
        requestTimedOut: timedOut(settings.timeoutMs),
        log: io.info
    });
    const { confirmedAt } = outcome;
    if (confirmedAt) {
        io.info(outcome.message);
        run.problems.noteNow('Setting the receiver-confirmed-at output', () => io.setOutput('receiver-confirmed-at', confirmedAt.toISOString()));
    }
    else
        run.problems.add(outcome.message);
    return outcome;
}

;// CONCATENATED MODULE: ./src/run/write.ts
// Step 5: seal the secret for each target with that target's own key, then write every target
// in parallel. Every target is attempted; failures are results, not exceptions.



/**
 * Writes every target at once: every turn in GitHub's write budget is taken first (given at once
 * up to 80, in the places kept for them; later ones as the secret's own writes leave the window),
 * then each target's value is sealed and its write sent before the next is sealed. A
 * cancellation during the writes, or while rotating, prints the recipe of every write GitHub has
 * not confirmed.
 */
async function writeEverywhere(run, targets, obtained, seal, 
/** Told of each target as its write settles, written or not, before the others are. */
onSettled) {
    const { octokit, writes } = run.github;
    const sealed = [];
    // Target `index`'s write, sealed for its own key: a value sealed for one scope is garbage
    // in another.
    const writeFor = (index) => {
        const { target, key, access } = targets[index];
        return (sealed[index] ??= {
            target,
            name: run.settings.secretName,
            encryptedValue: seal(obtained.secret, key.key),
            keyId: key.keyId,
            ...(access && { access })
        });
    };
    // A write's recipe is built only if it is printed: on the way of the writes, it would cost.
    const withRecipes = (why) => targets.map(({ label }, index) => {
        const write = writeFor(index);
        return {
            label,
            keyId: write.keyId,
            get request() {
                return writeRequest(octokit, write);
            },
            outcome: { failed: why }
        };
    });
    // Cancelled while rotating: the answer came, but nothing more is sent. From here a second
    // signal prints the recipes too, not "waiting for Composio's answer".
    if (run.guard.signal.aborted) {
        const results = withRecipes('cancelled before the write');
        const unfinished = () => unfinishedMessage(obtained.source, results);
        run.guard.writing(unfinished);
        throw new Error(`Cancelled ${unfinished()}`);
    }
    const turns = writes.turnsForWrites(targets.length);
    const settled = targets.map(async (_, index) => {
        const write = writeFor(index);
        let outcome;
        try {
            await turns[index];
            outcome = { written: await putSecret(octokit, write), at: run.deps.now().toISOString() };
        }
        catch (error) {
            outcome = {
                failed: describeGitHubError(error, write.target, run.settings.timeoutMs, 'write')
            };
        }
        results[index].outcome = outcome; // set by then: written below, before any answer can come
        onSettled?.(results[index]);
    });
    const results = withRecipes('cancelled before GitHub confirmed the write');
    run.guard.writing(() => unfinishedMessage(obtained.source, results));
    await Promise.all(settled);
    return results;
}

;// CONCATENATED MODULE: ./src/run/action.ts

















async function runAction(settings, deps) {
    const run = startRun(settings, deps);
    let writeCheck;
    let finished = false;
    try {
        // 1. Inputs were read, and credentials masked, by main.ts before anything else.
        // 2. Every target's public key and Composio's subscription, all at once.
        run.io.info(`Checking ${settings.targets.length} target(s) for ${settings.secretName}…`);
        //    Each redeploy's workflow and file are checked alongside, awaited before the rotation.
        const redeployCheck = checkRedeploys(run);
        redeployCheck.catch(() => undefined); // awaited below; a preflight failure must not leave it unhandled
        const checked = await preflight(run).catch(error => withRedeployProblems(error, redeployCheck));
        const receiverUrl = receiverUrlOf(run, checked); // verify-receiver: subscription needs the read
        // 3. A write that every target accepts, before anything irreversible. A real run that does
        //    not rotate has nothing to protect: its writes are the check.
        if (settings.rotate || settings.dryRun)
            writeCheck = await checkWrites(run, checked.targets);
        const redeployLines = await redeployCheck;
        if (settings.dryRun) {
            await writeCheck?.remove();
            return await reportDryRun(run, checked);
        }
        // 4. The secret, rotated exactly once (or read, rotate: false), masked the moment it arrives.
        //    The write checks' deletes are queued first, in the lane of the write budget that yields:
        //    they never take a place the writes need (src/github/write-budget.ts).
        writeCheck?.removeBehind(settings.targets.length);
        const obtained = await obtainSecret(run, checked);
        // 5. Sealed for each target and written at once; then, behind the writes, the outputs set
        //    and Composio read to confirm the rotation.
        //    Each repository's workflow starts as soon as its own targets are written.
        const redeploys = startRedeploys(run, redeployLines);
        const writing = writeEverywhere(run, checked.targets, obtained, await run.sealer, redeploys.onSettled);
        announce(run, obtained);
        const [results, confirmation] = await Promise.all([writing, confirmRotation(run, obtained)]);
        // 6. Every redeploy followed to its end; then the receiver check (verify-receiver), which
        //    needs the receiver redeployed.
        const redeployed = await redeploys.results;
        noteRedeploys(run, redeployed);
        const receiver = receiverUrl === undefined
            ? undefined
            : await verifyAfterWrites(run, obtained.secret, receiverUrl, results, redeployed);
        // 7. Outputs and job summary; anything short of every target written, redeployed and (if
        //    asked) confirmed by the receiver fails the run.
        const sections = [
            (summary) => redeploySummary(summary, redeployed),
            ...(receiver ? [(summary) => receiverSection(summary, receiver)] : [])
        ];
        await reportStored(run, obtained.source, results, confirmation, sections);
        await reportSuccess(run);
        finished = true;
    }
    catch (error) {
        // Every run that fails says so in its job summary, and in an issue if asked for.
        await reportFailure(run, error);
        throw error;
    }
    finally {
        // A failure (its recipes, after the rotation) goes to the log before any cleanup: the deletes
        // then finish on their own, before the process ends. A finished run waits for them.
        const cleanup = writeCheck?.remove();
        if (finished)
            await cleanup;
        run.guard.dispose();
    }
}
function startRun(settings, deps) {
    const { io } = deps;
    // A cancellation prints what stands, writes it as the job summary too, then exits.
    let cancelled = Promise.resolve();
    const guard = new CancellationGuard(deps.signals, message => {
        io.error(message);
        cancelled = (0,failure_summary/* writeFailureSummary */.KJ)(io, describeFailure(new Error(message)));
    }, code => void cancelled.then(() => deps.exit(code)));
    const sealer = loadSealer(); // libsodium's start-up overlaps the preflight requests.
    sealer.catch(() => undefined); // awaited later; a preflight failure must not leave it unhandled
    const masked = new Set();
    const composio = {
        baseUrl: settings.composioBaseUrl,
        auth: settings.composioAuth,
        fetch: deps.fetch,
        timeoutMs: settings.timeoutMs,
        sleep: ms => deps.sleep(ms, guard.signal),
        // Once per value: the rotation's answer and a read after it carry the same secret.
        mask: secret => void (masked.has(secret) || (masked.add(secret), io.setSecret(secret))),
        log: io.warning,
        mayRetry: () => !guard.signal.aborted
    };
    const github = createGitHubClient({
        baseUrl: settings.githubApiUrl,
        token: settings.githubToken,
        fetch: deps.fetch,
        warn: io.warning,
        sleep: ms => deps.sleep(ms),
        now: () => deps.now().getTime(),
        backoffUnitMs: deps.backoffUnitMs
    });
    return { settings, deps, io, github, composio, guard, problems: new Problems(io), sealer };
}

// EXTERNAL MODULE: ./src/run/job-summary.ts
var job_summary = __webpack_require__(5555);
;// CONCATENATED MODULE: ./src/run/production.ts
// The real collaborators of a run: @actions/core for the runner, the network, the clock, the
// process.





const runnerIo = {
    setSecret: core/* setSecret */.Pq,
    setOutput: (name, value) => {
        // Outside a runner core.setOutput falls back to printing `::set-output`: never the secret.
        if (name === 'secret' && !process.env['GITHUB_OUTPUT']) {
            return core/* info */.pq("GITHUB_OUTPUT is not set: output 'secret' not recorded.");
        }
        core/* setOutput */.uH(name, value);
    },
    info: core/* info */.pq,
    warning: message => core/* warning */.$e(message),
    error: message => core/* error */.z3(message),
    writeSummary: job_summary/* writeJobSummary */.j
};
function productionDeps(timeoutMs) {
    const fetch = createFetch(timeoutMs);
    return {
        io: runnerIo,
        // With step debug logging on (RUNNER_DEBUG=1), one `::debug::` line per request.
        fetch: core/* isDebug */._o()
            ? logRequests(fetch, { debug: core/* debug */.Yz, now: () => performance.now() })
            : fetch,
        sleep: (ms, signal) => new Promise(resolve => {
            const timer = setTimeout(resolve, ms);
            signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        }),
        now: () => new Date(),
        signals: process,
        // A pipe to a slow log reader may still hold what was printed: exit once it has drained
        // (the callback of a write comes after every earlier write has been handed over).
        exit: code => void process.stdout.write('', () => process.exit(code))
    };
}
function runInProduction(settings) {
    return runAction(settings, productionDeps(settings.timeoutMs));
}


/***/ })

};

//# sourceMappingURL=468.index.js.map