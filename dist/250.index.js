export const id = 250;
export const ids = [250];
export const modules = {

/***/ 8834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ parseComposioError),
/* harmony export */   M_: () => (/* binding */ ComposioError),
/* harmony export */   Wn: () => (/* binding */ describeStatus)
/* harmony export */ });
/* harmony import */ var _http_http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8694);
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
        return typeof value === 'string' && value.trim() !== '' ? (0,_http_http_js__WEBPACK_IMPORTED_MODULE_0__/* .serverText */ .Tn)(value) : undefined;
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


/***/ }),

/***/ 127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony export MAX_RETRY_AFTER_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8834);
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
        const giveUp = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ComposioError */ .M_(`${error.message}${why}`, error.status, error.mayHaveRotated);
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


/***/ }),

/***/ 8694:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hy: () => (/* binding */ createFetch),
/* harmony export */   Nt: () => (/* binding */ withoutSecret),
/* harmony export */   Tn: () => (/* binding */ serverText),
/* harmony export */   Vd: () => (/* binding */ serverUrl),
/* harmony export */   XS: () => (/* binding */ readTextCapped),
/* harmony export */   a6: () => (/* binding */ NOT_SHOWN),
/* harmony export */   gl: () => (/* binding */ describeNetworkError),
/* harmony export */   iU: () => (/* binding */ timedOut),
/* harmony export */   jw: () => (/* binding */ RedirectRefusedError)
/* harmony export */ });
/* unused harmony export ResponseTooLargeError */
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4942);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6752);
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
    const proxies = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq('rotate-composio-webhook-secret', [], { keepAlive: true });
    return async (url, init = {}) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const response = await (0,undici__WEBPACK_IMPORTED_MODULE_1__.fetch)(url, {
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
/**
 * `text` with `secret` blanked out, as is and JSON-escaped: done before `serverText` cuts a
 * quote short, so that no part of a secret a server echoes survives the cut.
 */
function withoutSecret(text, secret) {
    if (!secret)
        return text;
    const forms = [secret, JSON.stringify(secret).slice(1, -1)];
    return forms.reduce((blanked, form) => blanked.split(form).join('***'), text);
}
/**
 * A server's URL, shown only when it is plain https: no control character or space (a line break
 * could start a workflow command), no userinfo. Undefined otherwise: say "(not shown)".
 */
function serverUrl(text) {
    if (typeof text !== 'string' || text.length > 2048 || serverText(text, 2048) !== text)
        return undefined;
    if (/\s/.test(text))
        return undefined;
    try {
        const url = new URL(text);
        if (url.protocol !== 'https:' || url.username !== '' || url.password !== '')
            return undefined;
        return url.href;
    }
    catch {
        return undefined;
    }
}
/** What a URL that `serverUrl` refused is shown as. */
const NOT_SHOWN = '(not shown)';
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


/***/ }),

/***/ 3250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInProduction: () => (/* binding */ runInProduction)
});

// UNUSED EXPORTS: sleepUnlessAborted

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(3340);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/http/http.ts
var http = __webpack_require__(8694);
;// CONCATENATED MODULE: ./src/http/http-log.ts
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
    if (error instanceof http/* RedirectRefusedError */.jw)
        return `${error.status}, a redirect, refused`;
    const name = error instanceof Error ? error.name : typeof error;
    return `no answer (${name})`;
}

// EXTERNAL MODULE: ./src/report/job-summary.ts
var job_summary = __webpack_require__(5236);
// EXTERNAL MODULE: ./src/composio/errors.ts
var errors = __webpack_require__(8834);
// EXTERNAL MODULE: ./src/composio/retry.ts
var retry = __webpack_require__(127);
;// CONCATENATED MODULE: ./src/composio/secret-shape.ts
// When a secret read from Composio's subscription could be a real one, judged by its shape, not
// by a list of masking marks (which a new style escapes). The rule and its numbers:
// docs/security.md#a-read-secret-is-judged-by-its-shape.
/** Fewer characters than this after the prefix and padding: a placeholder, not a secret. */
const MIN_SECRET_LENGTH = 32;
/** Random secrets use many characters: 7 or fewer is a pattern (`0000…`, `abab…`, `a3f1----ef01`). */
const MIN_DISTINCT = 8;
/** No character makes up more than this share of a random secret (`46ec` + `abab…` + `ef01`). */
const MAX_SHARE = 1 / 3;
/** A run of one character longer than this is a fill (`a3f1` + `0` × 56 + `ef01`). */
const MAX_RUN = 8;
/**
 * Hex (Composio's documented form: 64 hex digits), base64 or base64url (Standard Webhooks'
 * `whsec_` + base64), with optional `=` padding. The alphabets overlap: hex is inside both.
 */
const SHAPE = /^(?:whsec_)?(?:([A-Za-z0-9+/]+)|([A-Za-z0-9_-]+))={0,2}$/;
/**
 * Whether a read secret could be a real one: hex, base64 or base64url (optionally `whsec_`),
 * at least 32 characters of body, with the variety of random bytes. A random 32-byte secret is
 * refused with a probability below 2e-8 (hex) or 1e-12 (base64): docs/security.md says how.
 * The rotation's own answer is never judged by this: it is the secret.
 */
function couldBeRealSecret(value) {
    if (typeof value !== 'string')
        return false;
    const match = SHAPE.exec(value);
    const body = match?.[1] ?? match?.[2];
    return body !== undefined && body.length >= MIN_SECRET_LENGTH && hasVariety(body);
}
function hasVariety(body) {
    const counts = new Map();
    for (const char of body)
        counts.set(char, (counts.get(char) ?? 0) + 1);
    const most = Math.max(...counts.values());
    return (counts.size >= MIN_DISTINCT &&
        most <= body.length * MAX_SHARE &&
        longestRun(body) <= MAX_RUN &&
        !isRepeatedBlock(body));
}
/**
 * A block written twice or more in a row over half the body or more (`0123456789abcdef` × 4, a
 * placeholder; `46ec` + `abcdefgh` × 7 + `ef01`, a fill between real ends). Random hex does so
 * with a probability below 10^-8 at 32 characters, 10^-15 at 64.
 */
function isRepeatedBlock(body) {
    for (let period = 2; period <= body.length / 2; period++) {
        let stretch = period;
        for (let i = period; i < body.length; i++) {
            stretch = body.charCodeAt(i) === body.charCodeAt(i - period) ? stretch + 1 : period;
            if (stretch >= Math.max(2 * period, body.length / 2))
                return true;
        }
    }
    return false;
}
function longestRun(body) {
    let longest = 0;
    let run = 0;
    for (let i = 0; i < body.length; i++) {
        run = body[i] === body[i - 1] ? run + 1 : 1;
        longest = Math.max(longest, run);
    }
    return longest;
}

;// CONCATENATED MODULE: ./src/composio/subscription.ts
// What Composio answers about a subscription (v3.1 read, and the rotation's `{id, secret}`), and
// when a secret it reads back could be a real one: anything else is never stored, nor compared.


/** The rotation's `secret`: any non-empty string, as Composio returned it. */
function parseRotatedSecret(body) {
    const secret = parseObject(body)?.['secret'];
    return typeof secret === 'string' && secret !== '' ? secret : undefined;
}
/**
 * Whether the rotation's answer names another subscription than the one rotated (its `id`
 * present and different): its secret is not this subscription's. A missing `id` names none.
 */
function namesAnotherSubscription(body, subscriptionId) {
    const fields = parseObject(body);
    return fields !== undefined && 'id' in fields && fields['id'] !== subscriptionId;
}
/** Parses a read's 2xx body; undefined when it is not a JSON object. */
function parseSubscription(body) {
    const fields = parseObject(body);
    if (fields === undefined)
        return undefined;
    const text = (key, maxLength) => typeof fields[key] === 'string' ? (0,http/* serverText */.Tn)(fields[key], maxLength) : undefined;
    const events = fields['enabled_events'];
    const secret = fields['secret'];
    const updatedAt = parseInstant(fields['updated_at']);
    return {
        secret: couldBeRealSecret(secret) ? secret : undefined,
        // A URL may be longer than a log line: the receiver check sends to it.
        webhookUrl: text('webhook_url', 4096),
        version: text('version'),
        enabledEvents: Array.isArray(events)
            ? events.flatMap(event => (typeof event === 'string' ? [(0,http/* serverText */.Tn)(event, 100)] : []))
            : undefined,
        ...(updatedAt !== undefined && { updatedAt })
    };
}
/**
 * An ISO 8601 date-time with its offset (`Z` or `±hh:mm`), in ms since the epoch; else undefined.
 * Without an offset, Date.parse reads the runner's local time, and it reads other shapes
 * (`1`, `Jan 1`) as dates too: a lagging read could then look newer than the baseline.
 */
function parseInstant(value) {
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;
    const instant = typeof value === 'string' && iso.test(value) ? Date.parse(value) : NaN;
    return Number.isFinite(instant) ? instant : undefined;
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
    return (0,retry/* withRetries */.LH)(options, () => rotateOnce(options, subscriptionId), afterFailure);
}
/** GET /api/v3.1/webhook_subscriptions/{id}, retried like the rotation (a read is always safe). */
function readWebhookSubscription(options, subscriptionId) {
    return (0,retry/* withRetries */.LH)(options, () => readOnce(options, subscriptionId));
}
async function rotateOnce(options, subscriptionId) {
    const operation = `Composio rotate_secret for subscription '${subscriptionId}'`;
    const path = `/api/v3/webhook_subscriptions/${encodeURIComponent(subscriptionId)}/rotate_secret`;
    // Without an answer, the request may have reached Composio and rotated the secret.
    const answer = await send(options, 'POST', path, operation, { lostMayHaveRotated: true });
    if ('error' in answer)
        return answer;
    const rotation = judgeRotationAnswer(answer, subscriptionId);
    if ('problem' in rotation) {
        const message = `${operation} ${rotation.problem} (body not shown: it may hold a secret)`;
        return { error: new errors/* ComposioError */.M_(message, answer.status, true), retry: false };
    }
    options.mask(rotation.secret);
    return { value: rotation.secret };
}
/**
 * The rotation's answer is the secret, whatever it looks like: never judged as a read is. Only
 * the documented answer proves this subscription's rotation: a 200 naming it (or no id at all).
 */
function judgeRotationAnswer({ status, body }, subscriptionId) {
    if (status !== 200) {
        return {
            problem: `answered HTTP ${status}, not the 200 of a done rotation, so whether it rotated is not known`
        };
    }
    if (namesAnotherSubscription(body, subscriptionId)) {
        return {
            problem: "answered HTTP 200 naming another subscription's id: its secret is not this one's"
        };
    }
    const secret = parseRotatedSecret(body);
    return secret === undefined
        ? { problem: "answered HTTP 200 without a full 'secret'" }
        : { secret };
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
        return { error: new errors/* ComposioError */.M_(problem, undefined, false), retry: false };
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
        body = await (0,http/* readTextCapped */.XS)(response, MAX_BODY_BYTES);
    }
    catch (error) {
        const reason = (0,http/* describeNetworkError */.gl)(error, options.timeoutMs);
        // A refused redirect is an answer that did nothing: no retry, nothing rotated.
        const redirected = error instanceof http/* RedirectRefusedError */.jw;
        const status = redirected ? error.status : undefined;
        const mayHaveRotated = lostMayHaveRotated && !redirected;
        const failure = new errors/* ComposioError */.M_(`${operation} failed: ${reason}`, status, mayHaveRotated);
        return { error: failure, retry: !redirected };
    }
    if (response.ok)
        return { status: response.status, body };
    const { status } = response;
    const details = (0,errors/* parseComposioError */.BE)(body);
    const message = `${operation} failed: ${(0,errors/* describeStatus */.Wn)(status, details, options.auth.header)}`;
    return {
        error: new errors/* ComposioError */.M_(message, status, lostMayHaveRotated && status >= 500),
        retry: status === 429 || status >= 500,
        retryAfterMs: (0,retry/* parseRetryAfter */.mu)(response.headers.get('retry-after'), Date.now())
    };
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
        return (0,http/* describeNetworkError */.gl)(cause ?? error, timeoutMs);
    if (status === undefined)
        return error instanceof Error ? error.message : String(error);
    const data = response?.data;
    const said = typeof data?.message === 'string' ? (0,http/* serverText */.Tn)(data.message) : undefined;
    const message = said === undefined ? '' : `: ${said}`;
    const why = rateLimitHint(status, said ?? '', response?.headers) ?? hintFor(status);
    return `HTTP ${status}${message}${why ? `. Hint: ${why}` : ''}`;
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
/** The URL `deleteSecret` sends its DELETE to, for deleting by hand. */
function deleteUrl(octokit, target, name) {
    return endpoints(octokit, target)[2].endpoint({ ...where(target), secret_name: name }).url;
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
;// CONCATENATED MODULE: ./src/preflight/preflight.ts
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
        if (!(error instanceof errors/* ComposioError */.M_))
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

// EXTERNAL MODULE: ./src/report/failure-summary.ts
var failure_summary = __webpack_require__(9853);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
;// CONCATENATED MODULE: ./src/report/confirmation.ts
/** What the summary says of the confirmation. */
const CONFIRMATION_TEXT = {
    confirmed: 'Composio confirmed the rotation: the subscription holds the secret stored.',
    unconfirmed: 'The rotation could not be confirmed: Composio did not return the full secret when read back.',
    stale: "Composio's read after the rotation still showed the previous secret (a stale read).",
    'possibly stale': 'The secret recovered after the lost answer could not be confirmed by a second read of Composio, so it may be stale: if deliveries fail verification, run this action again with rotate: false to store the secret the subscription holds.',
    changed: 'Composio now holds a secret that is neither the one this run rotated to nor the one before it: someone rotated the subscription during this run, so the value stored may no longer work. Run this action again with rotate: false to store the current secret.',
    'not needed': ''
};

// EXTERNAL MODULE: ./src/shell.ts
var shell = __webpack_require__(997);
;// CONCATENATED MODULE: ./src/report/recipes.ts

/**
 * The request that finishes one target by hand, with any token that may write secrets. Every
 * line is shell: the block pastes whole into bash, its prose a comment (a target's label holds no
 * line break: src/inputs/targets.ts refuses control characters in names).
 */
function replayRecipe(result) {
    // A runtime store's: no sealed value exists for it (src/report/store-recipe.ts).
    if ('recipe' in result)
        return result.recipe;
    return githubRecipe(result);
}
function githubRecipe(result) {
    const { method, url, body } = result.request;
    return [
        `# To finish ${result.label} by hand (key_id ${result.keyId}), with GITHUB_TOKEN set to a token`,
        "# that may write this secret (the value is sealed for this target's key: only GitHub can open it):",
        `curl -fsS -X ${method} ${(0,shell/* shellQuote */.Z)(url)} \\`,
        `  -H "Authorization: Bearer $GITHUB_TOKEN" \\`,
        `  -H 'Accept: application/vnd.github+json' -H 'Content-Type: application/json' \\`,
        `  -d ${(0,shell/* shellQuote */.Z)(JSON.stringify(body))}`
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
function incompleteMessage(source, results, problems = [], failed = 'the run did not finish cleanly') {
    const { subscriptionId, fingerprint, secretName } = source;
    const head = source.how === 'current'
        ? `The current secret of subscription '${subscriptionId}' (fingerprint ${fingerprint}; not rotated) was being stored`
        : `The webhook subscription '${subscriptionId}' WAS ROTATED (fingerprint ${fingerprint}) and its old secret no longer works`;
    const unwritten = results.filter(result => !isWritten(result));
    const lines = [
        unwritten.length > 0
            ? `${head}, but ${unwritten.length} of ${results.length} target(s) did not receive ${secretName}.`
            : `${head}; ${secretName} was stored in every target, but ${failed}.`,
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

// EXTERNAL MODULE: ./src/http/urls.ts + 1 modules
var urls = __webpack_require__(6146);
;// CONCATENATED MODULE: ./src/report/store-summary.ts

/** A row of the dry run's table, beside GitHub's targets. */
const storeProofRow = ({ label, proof }) => [
    `${html.OK} write accepted`,
    (0,html/* escapeHtml */.ZD)(label),
    (0,html/* escapeHtml */.ZD)(proof)
];
/** Below a stored run's table: how each store was proved writable before the rotation. */
function storeProofSection(summary, proofs) {
    if (proofs.length === 0)
        return summary;
    return summary
        .addHeading('Runtime stores, proved writable before the rotation', 3)
        .addList(proofs.map(({ label, proof }) => `${(0,html/* escapeHtml */.ZD)(label)}: ${(0,html/* escapeHtml */.ZD)(proof)}`));
}

;// CONCATENATED MODULE: ./src/report/summary.ts





const targetCount = (count) => `${count} target${count === 1 ? '' : 's'}`;
/** The first line of a stored run: how it ended. */
function storedHeadline({ source, results, problems, failed }) {
    const unwritten = results.filter(result => !isWritten(result)).length;
    const what = source.how === 'current' ? 'stored (not rotated)' : 'rotated';
    if (unwritten > 0) {
        const secret = source.how === 'current' ? 'secret (not rotated)' : 'secret rotated, but';
        return `${html/* FAILED */.Wk} Composio webhook ${secret} NOT written to ${unwritten} of ${targetCount(results.length)}: finish by hand`;
    }
    const stored = source.how === 'current' ? what : `${what} and stored`;
    return problems.length > 0
        ? `${html/* FAILED */.Wk} Composio webhook secret ${stored} in every target, but ${failed ?? 'the run did not finish cleanly'}`
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
        (0,html/* header */.wx)('Status', 'Target', 'Written at'),
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
function dryRunSummary(summary, settings, checked, proofs = []) {
    const { subscription } = checked;
    const plan = settings.rotate
        ? `rotate subscription ${(0,html/* code */.aY)(settings.subscriptionId)} once and write ${(0,html/* code */.aY)(settings.secretName)} to`
        : `store the current secret of subscription ${(0,html/* code */.aY)(settings.subscriptionId)}, without rotating, as ${(0,html/* code */.aY)(settings.secretName)} in`;
    summary
        .addHeading(`${html.OK} Dry run: every target accepted a test write; nothing was rotated or written`, 2)
        .addRaw((0,html/* paragraph */.FY)(`Each target accepted a probe secret (deleted since). A real run would ${plan} ${targetCount(checked.targets.length + proofs.length)}:`), true)
        .addTable([
        (0,html/* header */.wx)('Status', 'Target', 'Checked'),
        ...checked.targets.map(target => [
            `${html.OK} write accepted`,
            (0,html/* escapeHtml */.ZD)(target.label),
            `key_id ${target.key.keyId}${target.access ? `, visibility ${target.access.visibility}` : ''}`
        ]),
        ...proofs.map(storeProofRow)
    ]);
    if (!subscription) {
        return summary.addRaw((0,html/* paragraph */.FY)("Composio's subscription could not be read (see the warning)."), true);
    }
    return summary
        .addHeading('Subscription', 3)
        .addList([
        `webhook_url: ${(0,html/* code */.aY)(subscription.webhookUrl === undefined ? '(not given)' : (0,urls/* displayUrl */.Qy)(subscription.webhookUrl))}`,
        `version: ${(0,html/* code */.aY)(subscription.version ?? '(not given)')}`,
        `enabled_events: ${(subscription.enabledEvents ?? []).map(html/* code */.aY).join(', ') || '(none given)'}`,
        `secret: ${subscription.secret === undefined ? 'masked in the read' : 'returned in full (not shown)'}`
    ]);
}

;// CONCATENATED MODULE: ./src/report/outcome.ts



/** A run that obtained the secret but did not finish cleanly; its job summary is written. */
class IncompleteRunError extends Error {
    stored;
    name = 'IncompleteRunError';
    constructor(stored) {
        super(incompleteMessage(stored.source, stored.results, stored.problems, stored.failed));
        this.stored = stored;
    }
}
/**
 * `sections`: what other steps add to the summary, below the targets (see SummarySection);
 * `failed`: what failed, in a few words for the headline, when a step can name it.
 */
async function reportStored(run, source, results, confirmation, sections = [], failed) {
    const { io, problems } = run;
    if (confirmation === 'changed')
        problems.add(CONFIRMATION_TEXT.changed);
    const written = results.filter(isWritten).map(result => result.label);
    await problems.note('Setting the targets output', () => io.setOutput('targets', JSON.stringify(written)));
    const stored = {
        source,
        results,
        confirmation,
        problems: problems.list,
        ...(failed !== undefined && { failed })
    };
    await problems.note('Writing the job summary', () => io.writeSummary(summary => storedSummary(summary, stored, sections)));
    if (problems.list.length > 0 || written.length < results.length) {
        throw new IncompleteRunError(stored);
    }
    io.info(`Stored ${source.secretName} in ${written.length} target(s): ${written.join(', ')}.`);
}
/** `proofs`: the runtime stores' proofs; `sections`: what other steps add below the plan. */
async function reportDryRun(run, checked, proofs = [], sections = []) {
    const { io, settings } = run;
    const labels = [...checked.targets, ...proofs].map(target => target.label).join(', ');
    const plan = settings.rotate
        ? `would rotate subscription ${settings.subscriptionId} once and write ${settings.secretName} to ${labels}`
        : `would store the current secret of subscription ${settings.subscriptionId}, without rotating, as ${settings.secretName} in ${labels}`;
    io.info(`Dry run: every target accepted a test write, and Composio's subscription was read. A real run ${plan}. Nothing was rotated or written.`);
    io.setOutput('rotated', 'false');
    io.setOutput('targets', '[]');
    await io.writeSummary(summary => sections.reduce((built, section) => section(built), dryRunSummary(summary, settings, checked, proofs)));
}

;// CONCATENATED MODULE: ./src/notify/find-issues.ts
const FAILURE_LABEL = 'composio-webhook-secret';
/**
 * Who may have opened a failure issue: an app installed on the repository (GITHUB_TOKEN's
 * github-actions[bot], a GitHub App; an app cannot act as a bot where it is not installed), or a
 * person with write access (a PAT's owner). Never an outsider, nor a mere past contributor.
 */
const TRUSTED_ASSOCIATIONS = ['OWNER', 'MEMBER', 'COLLABORATOR'];
/** Open issues looked through, at most, newest first: 10 pages of 100. */
const MAX_PAGES = 10;
const PER_PAGE = 100;
/** The hidden line that says which subscription an issue is for. */
function markerOf(subscriptionId) {
    return `<!-- rotate-composio-webhook-secret:subscription=${subscriptionId} -->`;
}
function titleOf(subscriptionId) {
    return `Composio webhook secret: a run for subscription ${subscriptionId} failed`;
}
/**
 * The numbers of this subscription's open issues, oldest first (GitHub numbers issues in the
 * order they are opened): those with its marker, and those opened before the marker existed
 * (the label and this subscription's title), by a trusted author. Pull requests, which share the
 * list, never. Read newest first: in a repository with over 1,000 open issues, a failure issue
 * is among the newest, and an issue opened meanwhile shifts the pages (hence no duplicates).
 */
async function findOpenIssues({ octokit, where, subscriptionId }) {
    const marker = markerOf(subscriptionId);
    const title = titleOf(subscriptionId);
    const found = new Set();
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await octokit.rest.issues.listForRepo({
            owner: where.owner,
            repo: where.repo,
            state: 'open',
            sort: 'created',
            direction: 'desc',
            per_page: PER_PAGE,
            page
        });
        for (const issue of data) {
            const labelled = issue.labels.some(l => (typeof l === 'string' ? l : l.name) === FAILURE_LABEL);
            const ours = (issue.body ?? '').includes(marker) || (labelled && issue.title === title);
            const trusted = issue.user?.type === 'Bot' || TRUSTED_ASSOCIATIONS.includes(issue.author_association ?? '');
            if (ours && trusted && !issue.pull_request)
                found.add(issue.number);
        }
        if (data.length < PER_PAGE)
            break;
    }
    return [...found].sort((a, b) => a - b);
}

;// CONCATENATED MODULE: ./src/notify/failure-issue.ts


/**
 * Comments on the oldest open issue of this subscription, or opens one. Runs failing together
 * may each open one: after opening, the list is read again, and an issue that is not the oldest
 * is closed as its duplicate, its failure told on the oldest. One stays open.
 */
async function reportFailureIssue(notify, failure) {
    const { octokit, where, subscriptionId } = notify;
    const { owner, repo } = where;
    const body = failureText(failure, where.runUrl);
    const comment = (issue_number, text) => octokit.rest.issues.createComment({ owner, repo, issue_number, body: text });
    await warnOnFailure(notify, 'open or update the failure issue', async () => {
        const [open] = await findOpenIssues(notify);
        if (open !== undefined)
            return void (await comment(open, body));
        const { data: created } = await octokit.rest.issues.create({
            owner,
            repo,
            title: titleOf(subscriptionId),
            body: `${markerOf(subscriptionId)}\n${body}`,
            labels: [FAILURE_LABEL]
        });
        const [oldest = created.number] = await findOpenIssues(notify);
        if (oldest >= created.number)
            return;
        await comment(oldest, body);
        await comment(created.number, `Duplicate of #${oldest}: another run for subscription ${subscriptionId} failed at the same time and opened it first. This run's failure is told there too: closing.`);
        await failure_issue_close(notify, created.number, 'not_planned');
    });
}
/** After a run that stored the secret everywhere: comments on and closes every open issue of this subscription. */
async function closeFailureIssue(notify) {
    const { octokit, where } = notify;
    const { owner, repo } = where;
    await warnOnFailure(notify, 'close the failure issue', async () => {
        const run = where.runUrl ? ` ([run](${where.runUrl}))` : '';
        const body = `A later run stored the secret in every target${run}: closing.`;
        for (const issue_number of await findOpenIssues(notify)) {
            await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
            await failure_issue_close(notify, issue_number, 'completed');
        }
    });
}
/** A duplicate is closed as not planned, which every GitHub (Enterprise Server included) knows. */
function failure_issue_close({ octokit, where }, issue_number, state_reason) {
    const { owner, repo } = where;
    return octokit.rest.issues.update({ owner, repo, issue_number, state: 'closed', state_reason });
}
async function warnOnFailure(notify, what, work) {
    try {
        await work();
    }
    catch (error) {
        const { status, message } = error;
        const why = `${status ? `HTTP ${status}: ` : ''}${(0,http/* serverText */.Tn)(String(message ?? error))}`;
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

;// CONCATENATED MODULE: ./src/notify/failure.ts
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
    if (error instanceof errors/* ComposioError */.M_) {
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
;// CONCATENATED MODULE: ./src/version.ts
// This action's version, as package.json says (test/unit/version.test.ts keeps them in step):
// receivers see it in the receiver check's user-agent.
const VERSION = '1.0.0';

;// CONCATENATED MODULE: ./src/receiver/delivery.ts
// One round of the receiver check: two deliveries signed the way Composio signs its own, each a
// distinct event (its own id in the body and in webhook-id, so that a receiver that drops repeats
// cannot tell them apart by that). One is signed with the new secret, the other with a random
// secret made for this run, so a receiver that verifies can answer only the first with 2xx. Pure:
// values in, values out (randomness aside).


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
/** A check event of its own, with its own webhook-id, signed with `secret`. */
const checkDelivery = (secret, at) => delivery(secret, randomId('msg_check'), at, checkEvent(randomId('evt_check'), at));
/** The pair for one round: two distinct events, one signed with each secret. */
function deliveryPair(newSecret, forgerySecret, at) {
    return { genuine: checkDelivery(newSecret, at), forged: checkDelivery(forgerySecret, at) };
}

;// CONCATENATED MODULE: ./src/receiver/verdict.ts
// How the receiver check reads answers (the table in docs/receiver.md): a round's pair, then the
// rounds together. Pure. A receiver that verifies no signature cannot tell the two deliveries
// apart but by their order, so a round proves little alone: the check confirms only when the
// receiver sorted them right over several rounds, with the forged one sent first AND second.
/** The answers that say "your signature is wrong"; any other 4xx may be about anything else. */
const REFUSALS = [400, 401, 403];
/** The 4xx that say "not now" (timeout, conflict, too early, rate limit): no answer this round. */
const NOT_NOW = [408, 409, 425, 429];
const verdict_statusOf = (answer) => 'status' in answer ? answer.status : undefined;
const inRange = (status, from, to) => status !== undefined && status >= from && status <= to;
const isRedirect = (answer) => 'redirect' in answer && answer.redirect === true;
function classify(genuine, forged) {
    const [g, f] = [verdict_statusOf(genuine), verdict_statusOf(forged)];
    // Whatever the genuine delivery got: a receiver that takes a forgery verifies nothing.
    if (inRange(f, 200, 299))
        return 'forgery accepted';
    if (isRedirect(genuine) || isRedirect(forged))
        return 'redirected';
    if (f === undefined || !REFUSALS.includes(f))
        return 'no answer';
    if (inRange(g, 200, 299))
        return 'verified';
    if (g === undefined || NOT_NOW.includes(g) || !inRange(g, 400, 499))
        return 'no answer';
    return REFUSALS.includes(g) ? 'not yet' : 'verified, event refused';
}
const isVerified = (round) => round.verdict === 'verified' || round.verdict === 'verified, event refused';
/**
 * Verified rounds in a row (rounds without an answer between them aside) that confirm. The order
 * of each pair is random: a receiver that verifies nothing and guesses which delivery is the
 * genuine one guesses right with a chance of one in two a round, and one in 2^16 (65,536) for
 * them all. Verified rounds follow each other at once: 16 cost 32 round trips, not intervals.
 */
const CONFIRMING_ROUNDS = 16;
/**
 * A forgery or a redirect ends the check at once. A confirmation needs CONFIRMING_ROUNDS
 * verified rounds since the last refusal of the genuine delivery, the forged delivery sent first
 * in some and second in others.
 */
function conclude(rounds) {
    const last = rounds.at(-1);
    if (last?.verdict === 'forgery accepted' || last?.verdict === 'redirected')
        return last.verdict;
    if (!last || !isVerified(last))
        return undefined;
    const since = rounds.slice(rounds.findLastIndex(round => round.verdict === 'not yet') + 1);
    const streak = since.filter(isVerified);
    const bothOrders = streak.some(round => round.forgedFirst) && streak.some(round => !round.forgedFirst);
    if (streak.length < CONFIRMING_ROUNDS || !bothOrders)
        return undefined;
    return streak.every(round => round.verdict === 'verified')
        ? 'confirmed'
        : 'confirmed, event refused';
}
const isConfirmed = (conclusion) => conclusion === 'confirmed' || conclusion === 'confirmed, event refused';
/** The last status, not a refusal nor 2xx, that a forged delivery got: why no round decided. */
function forgedNonRefusal(rounds) {
    return rounds
        .map(round => verdict_statusOf(round.forged))
        .filter(status => status !== undefined && !REFUSALS.includes(status))
        .at(-1);
}
/** `HTTP 401`, or `timed out after 10 s (timeout-seconds)`. */
function describeAnswer(answer) {
    return 'status' in answer ? `HTTP ${answer.status}` : answer.error;
}

;// CONCATENATED MODULE: ./src/receiver/messages.ts
// What the receiver check says: a line per round, the sentence that ends it, and what failed in
// a few words for a headline. Pure.

const pair = (round, time) => `${describeAnswer(round.genuine)} to the delivery signed with the new secret${time(round.genuine)}, ${describeAnswer(round.forged)} to the one signed with a random secret${time(round.forged)}`;
const answers = (round) => pair(round, () => '');
function roundLine(round, index) {
    const first = round.forgedFirst ? 'random-secret one sent first' : 'new-secret one sent first';
    return `Receiver check, round ${index} (${first}): ${pair(round, answer => ` (${answer.ms} ms)`)}: ${round.verdict}.`;
}
/** The sentence of a check that the rounds decided. */
function decidedMessage(shownUrl, conclusion, round) {
    switch (conclusion) {
        case 'confirmed':
            return `The receiver at ${shownUrl} verifies deliveries with the new secret (${answers(round)}), whichever of the two is sent first.`;
        case 'confirmed, event refused':
            return `The receiver at ${shownUrl} verified the delivery signed with the new secret, then refused the check event itself (${answers(round)}): confirmed. Answering 2xx to verified events of unknown types avoids this note (docs/receiver.md).`;
        case 'redirected': {
            const redirect = [round.genuine, round.forged].find(a => 'redirect' in a && a.redirect);
            return `Receiver check of ${shownUrl}: the receiver ${describeAnswer(redirect)}. Give the URL it redirects to.`;
        }
        case 'forgery accepted':
            return `Security finding: the receiver at ${shownUrl} accepted a delivery signed with a random secret (${answers(round)}). It does not verify Composio's signatures, so anyone who knows its URL can send it events: make it verify every delivery before acting on it (docs/receiver.md).`;
    }
}
/** What failed, for a headline: "…, but the receiver still rejects the new secret". */
function unfinishedHeadline(last) {
    switch (last.verdict) {
        case 'not yet':
            return 'the receiver still rejects the new secret';
        case 'forgery accepted':
            return 'the receiver accepts forged deliveries';
        case 'redirected':
            return 'the receiver redirects the check';
        default:
            return 'the receiver check got no conclusive answer';
    }
}
/** Why no round could decide, when a forged delivery got an answer the table does not read. */
function forgedNote(rounds) {
    const status = forgedNonRefusal(rounds);
    if (status === undefined)
        return '';
    const answered = ` The receiver answered ${status} to a forged delivery`;
    if (status >= 500)
        return `${answered}; answer 401 so that it can be told apart from an outage.`;
    return NOT_NOW.includes(status)
        ? `${answered}, which says "not now" (a rate limit, a duplicate), not "bad signature": let the check's two deliveries a round through (their user-agent says what they are).`
        : `${answered}; only ${REFUSALS.join(', ')} are read as refusing it (docs/receiver.md): answer 401.`;
}
/** The sentence of a check that ran out of time (or was cancelled). */
function messages_unfinishedMessage(shownUrl, rounds, seconds, cancelled) {
    if (cancelled)
        return `Receiver check of ${shownUrl}: cancelled after ${seconds} s, not confirmed.`;
    const last = rounds.at(-1);
    // What to do must work after the job has ended, when the secret output is gone.
    const found = last.verdict === 'not yet'
        ? `the receiver still rejects deliveries signed with the new secret after ${seconds} s: redeploy it from the secret the rotation stored (not from the secret output, which ends with the job), then check it again with a run of rotate-composio-webhook-secret with rotate: false and verify-receiver (re-running the job would rotate again)`
        : `no conclusive answer after ${seconds} s`;
    return `Receiver check of ${shownUrl}: ${found} (last answers: ${answers(last)}).${forgedNote(rounds)}`;
}

;// CONCATENATED MODULE: ./src/receiver/check.ts
// The receiver check's loop: one pair of deliveries per round, one after the other (never
// together: a receiver that rate-limits or drops a burst must not look like one that refuses a
// forgery), in a random order. A round every interval (start to start), or at once after a
// verified round, until enough of them confirm (verdict.ts). The timeout is wall time:
// no round starts after it, and no request outlives it by more than one request timeout. Bodies
// of answers are never read.






async function checkReceiver(url, secret, timing, deps) {
    const shownUrl = (0,urls/* displayUrl */.Qy)(url);
    const forgerySecret = randomSecret(); // one per run, never the new secret
    const started = deps.now().getTime();
    const deadline = started + timing.timeoutMs;
    const rounds = [];
    let next = started;
    for (;;) {
        const forgedFirst = (0,external_node_crypto_.randomInt)(2) === 1;
        const round = await sendRound(url, secret, forgerySecret, forgedFirst, deadline, deps);
        rounds.push(round);
        deps.log(roundLine(round, rounds.length));
        const conclusion = conclude(rounds);
        if (conclusion) {
            const message = decidedMessage(shownUrl, conclusion, round);
            return isConfirmed(conclusion)
                ? { shownUrl, rounds, message, confirmedAt: deps.now() }
                : { shownUrl, rounds, message, failed: unfinishedHeadline(round) };
        }
        // A verified round is followed at once, to gather the rounds that confirm; others, on a fixed
        // schedule from the start, so slow rounds do not push the later ones back.
        next = round.verdict.startsWith('verified') ? deps.now().getTime() : next + timing.intervalMs;
        const cancelled = deps.signal?.aborted ?? false;
        if (cancelled || next > deadline || deps.now().getTime() >= deadline) {
            const seconds = Math.round((deps.now().getTime() - started) / 1000);
            const message = messages_unfinishedMessage(shownUrl, rounds, seconds, cancelled);
            const failed = cancelled ? 'the receiver check was cancelled' : unfinishedHeadline(round);
            return { shownUrl, rounds, message, failed };
        }
        await deps.sleep(Math.max(0, next - deps.now().getTime()));
    }
}
/** One round's pair, one delivery after the other; none outlives the deadline by more than one request timeout. */
async function sendRound(url, secret, forgerySecret, forgedFirst, deadline, deps) {
    const at = deps.now();
    const pair = deliveryPair(secret, forgerySecret, at);
    const cutOff = AbortSignal.timeout(Math.max(0, deadline + deps.requestTimeoutMs - at.getTime()));
    const signal = deps.signal ? AbortSignal.any([deps.signal, cutOff]) : cutOff;
    const cut = { signal, cutOff };
    const first = await check_send(url, forgedFirst ? pair.forged : pair.genuine, cut, deps);
    const second = await check_send(url, forgedFirst ? pair.genuine : pair.forged, cut, deps);
    const [genuine, forged] = forgedFirst ? [second, first] : [first, second];
    return { at, forgedFirst, genuine, forged, verdict: classify(genuine, forged) };
}
async function check_send(url, delivery, { signal, cutOff }, deps) {
    const started = deps.now().getTime();
    const ms = () => deps.now().getTime() - started;
    try {
        const response = await deps.fetch(url, {
            method: 'POST',
            headers: delivery.headers,
            body: delivery.body,
            signal
        });
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status, ms: ms() };
    }
    catch (error) {
        const timedOut = error?.name === 'TimeoutError';
        const why = !timedOut
            ? (0,http/* describeNetworkError */.gl)(error, 0)
            : cutOff.aborted && !deps.signal?.aborted
                ? "no answer before the check's timeout"
                : deps.requestTimedOut;
        return {
            error: why,
            ms: ms(),
            ...(error instanceof http/* RedirectRefusedError */.jw && { redirect: true })
        };
    }
}

;// CONCATENATED MODULE: ./src/receiver/after-writes.ts





/**
 * Sets the webhook-url output (the subscription's receiver, as Composio's read gave it), and
 * returns the URL to check, if any: the input's, or (`subscription`) the read's, held to where
 * Composio can deliver (https to a public address; loopback too when Composio is on this
 * machine). A URL that fails it fails the run here, before the rotation.
 */
function receiverUrlOf(run, checked) {
    const { io, settings } = run;
    const webhookUrl = checked.subscription?.webhookUrl;
    // Like every output, a failure to set it is noted, not fatal: it must not stop a run by itself.
    if (webhookUrl) {
        // Set whole (verify-receiver's url needs the receiver's token, if it takes one), but a query
        // or user info is masked first: the runner prints outputs passed as a later step's inputs.
        for (const part of (0,urls/* urlCredentials */.O4)(webhookUrl))
            io.setSecret(part);
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
            const composioIsLocal = (0,urls/* isLoopback */.U9)(new URL(settings.composioBaseUrl).hostname);
            url = (0,urls/* subscriptionReceiverUrl */.EC)(webhookUrl, composioIsLocal);
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
    io.info(`Checking the receiver at ${(0,urls/* displayUrl */.Qy)(url)}: two distinct deliveries, one signed with the new secret and one with a random secret, one after the other in a random order, every ${intervalMs / 1000} s (at once after a verified round) for up to ${timeoutMs / 1000} s.`);
    const outcome = await checkReceiver(url, secret, settings.verifyTiming, {
        fetch: deps.fetch,
        sleep: ms => deps.sleep(ms, guard.signal),
        now: deps.now,
        signal: guard.signal,
        requestTimeoutMs: settings.timeoutMs,
        requestTimedOut: (0,http/* timedOut */.iU)(settings.timeoutMs),
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

;// CONCATENATED MODULE: ./src/receiver/summary.ts


/** Rounds shown in full at most; a long check shows its first and its last ones. */
const SHOWN_FIRST = 10;
const SHOWN_LAST = 20;
function rows(round, index) {
    const row = (signedWith, answer) => [
        String(index + 1),
        round.at.toISOString(),
        signedWith,
        (0,html/* escapeHtml */.ZD)(describeAnswer(answer)),
        `${answer.ms} ms`
    ];
    const genuine = row('new secret', round.genuine);
    const forged = row('random secret', round.forged);
    // In the order they were sent.
    return round.forgedFirst ? [forged, genuine] : [genuine, forged];
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
        .addRaw((0,html/* escapeHtml */.ZD)(outcome.message), true)
        .addTable([(0,html/* header */.wx)('Round', 'Sent at', 'Signed with', 'Answer', 'Time'), ...shown]);
}

;// CONCATENATED MODULE: ./src/github/workflows.ts
// The Actions REST calls a redeploy makes, through Octokit's endpoint methods: the workflow and
// its file, the dispatch, and the runs. https://docs.github.com/en/rest/actions/workflows

/** The branch or tag name a run of a dispatch on `ref` shows as its `head_branch`. */
const branchOf = (ref) => ref.replace(/^refs\/(heads|tags)\//, '');
async function getWorkflow(octokit, where, workflow) {
    const { data } = await octokit.rest.actions.getWorkflow({ ...where, workflow_id: workflow });
    return {
        id: data.id,
        path: (0,http/* serverText */.Tn)(data.path, 200),
        state: (0,http/* serverText */.Tn)(data.state, 50),
        htmlUrl: (0,http/* serverUrl */.Vd)(data.html_url)
    };
}
async function getRepositoryFacts(octokit, where) {
    const { data } = await octokit.rest.repos.get({ ...where });
    return {
        id: data.id,
        defaultBranch: (0,http/* serverText */.Tn)(data.default_branch, 255),
        visibility: data.visibility ?? (data.private ? 'private' : 'public')
    };
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
 * which they answer 204 without the run.
 */
async function dispatchWorkflow(octokit, where, workflowId, ref, 
/** Called between the refusal and the dispatch without the parameter. */
beforePlainDispatch) {
    const params = { ...where, workflow_id: workflowId, ref, request: { retries: 0 } };
    let answer;
    try {
        // Octokit's types predate the 200 answer: its body is read as unknown below.
        answer = await octokit.rest.actions.createWorkflowDispatch({
            ...params,
            return_run_details: true
        });
    }
    catch (error) {
        const status = error.status;
        if (status !== 422 && status !== 400)
            throw error;
        await beforePlainDispatch();
        // The refusal started nothing: the same dispatch without the parameter is not a second run.
        answer = await octokit.rest.actions.createWorkflowDispatch(params);
    }
    const runId = answer.status === 200
        ? answer.data.workflow_run_id
        : undefined;
    const at = new Date(answer.headers.date ?? NaN);
    return {
        runId: typeof runId === 'number' ? runId : undefined,
        at: Number.isNaN(at.getTime()) ? undefined : at
    };
}
/**
 * The `workflow_dispatch` runs of the workflow on `ref`, newest first, as GitHub lists them (the
 * first 100). The filters are applied here too: a server that ignores the query shows the rest.
 */
async function listDispatchRuns(octokit, where, workflowId, ref) {
    const { data } = await octokit.rest.actions.listWorkflowRuns({
        ...where,
        workflow_id: workflowId,
        event: 'workflow_dispatch',
        per_page: 100
    });
    return data.workflow_runs
        .filter(run => run.event === 'workflow_dispatch' && run.head_branch === branchOf(ref))
        .map(run => ({ id: run.id, createdAt: Date.parse(run.created_at) }));
}
async function getRun(octokit, where, runId) {
    const { data } = await octokit.rest.actions.getWorkflowRun({ ...where, run_id: runId });
    const text = (value) => (value === null ? null : (0,http/* serverText */.Tn)(value, 50));
    return {
        id: data.id,
        htmlUrl: (0,http/* serverUrl */.Vd)(data.html_url),
        status: text(data.status),
        conclusion: text(data.conclusion),
        workflowId: data.workflow_id,
        headBranch: data.head_branch,
        event: data.event
    };
}

;// CONCATENATED MODULE: ./src/redeploy/reach.ts
/** Undefined when a run of the line's repository reads one of the targets written for it. */
function reachProblem(line, 
/** Read whenever the line has an organization target. */
repository, targets, visibilityKept, 
/** The environments the workflow's jobs run in; undefined: the file cannot settle it. */
environments) {
    // A dispatched run reads Actions secrets only (the input already refused lines with none).
    const mine = targets.filter(t => line.labels.includes(t.label) && t.target.store === undefined);
    const ranIn = (name) => environments?.some(used => used.toLowerCase() === name.toLowerCase()) ?? true;
    const readable = ({ target, access }) => target.kind === 'organization'
        ? repository !== undefined && reads(access, repository)
        : target.kind !== 'environment' || ranIn(target.environment);
    if (mine.length === 0 || mine.some(readable))
        return undefined;
    const kept = visibilityKept
        ? " (visibility not given: the existing secret's is kept, private for a new one)"
        : '';
    const why = mine.map(({ target, label, access }) => target.kind === 'environment'
        ? `${label}'s secret is an environment's, and no job of ${line.workflowPath} runs in environment '${target.environment}'`
        : `${label}'s secret ${unreached(access, repository)}${kept}`);
    return `${line.owner}/${line.repo} could not read the secret, so its deploy would ship the old one: ${why.join('; ')}. Add ${line.owner}/${line.repo} to targets, run the deploy job in the environment, or widen the organization secret's visibility`;
}
function reads(access, repository) {
    switch (access?.visibility ?? 'private') {
        case 'all':
            return true;
        case 'private':
            return repository.visibility !== 'public';
        case 'selected':
            return access?.selectedRepositoryIds?.includes(repository.id) ?? false;
    }
}
function unreached(access, repository) {
    return access?.visibility === 'selected'
        ? 'will be visible to selected repositories only, and this repository is not one of them (selected-repositories)'
        : `will be visible to private and internal repositories only (visibility: private), and this repository is ${repository?.visibility ?? 'not known'}`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/redeploy/workflow-file.ts
// Whether a workflow file can be started by hand: its `on:` must declare `workflow_dispatch`, and
// the dispatch, which sends no inputs, must satisfy it: no input required without a default.
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
        return requiredInputsProblem(on);
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
/**
 * GitHub refuses a dispatch that leaves a required input without a default (422), which would come
 * after the rotation. The redeploy sends no inputs (see docs/redeploy.md): such a workflow is refused.
 */
function requiredInputsProblem(on) {
    const dispatch = on[TRIGGER];
    const inputs = dispatch?.inputs;
    if (typeof inputs !== 'object' || inputs === null)
        return undefined;
    const missing = Object.entries(inputs).flatMap(([name, spec]) => {
        const fields = (typeof spec === 'object' && spec !== null ? spec : {});
        // `'true'` is not the boolean GitHub's schema asks for: such a file cannot be dispatched
        // either. An empty default fills nothing: GitHub still finds the input not provided.
        const required = fields['required'] === true || fields['required'] === 'true';
        const empty = fields['default'] === '';
        if (!required || (fields['default'] ?? '') !== '')
            return [];
        return [`'${(0,http/* serverText */.Tn)(name, 100)}'${empty ? ' (its default is empty)' : ''}`];
    });
    if (missing.length === 0)
        return undefined;
    return `its ${TRIGGER} input${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required without a default, and a redeploy sends no inputs; give ${missing.length > 1 ? 'them defaults' : 'it a default'} or make ${missing.length > 1 ? 'them' : 'it'} optional`;
}
/**
 * The environments the workflow's jobs run in, which are the only ones whose secrets its run
 * reads; undefined when the file cannot settle it: a job's environment given by an expression, or
 * a job that calls a reusable workflow (its jobs are in another file). Names as written.
 */
function jobEnvironments(text) {
    let jobs;
    try {
        jobs = (0,dist/* parse */.qg)(text)?.jobs;
    }
    catch {
        return undefined;
    }
    if (typeof jobs !== 'object' || jobs === null)
        return [];
    const names = [];
    for (const job of Object.values(jobs)) {
        const fields = (typeof job === 'object' && job !== null ? job : {});
        if ('uses' in fields)
            return undefined;
        const environment = fields['environment'];
        const name = typeof environment === 'object' && environment !== null
            ? environment.name
            : environment;
        if (name === undefined || name === null)
            continue;
        if (typeof name !== 'string' || name.includes('${{'))
            return undefined;
        names.push(name);
    }
    return names;
}

;// CONCATENATED MODULE: ./src/redeploy/check.ts





/** What reading and starting workflows takes, for every hint. */
const ACTIONS_PERMISSION = "'Actions: Read and write' and 'Contents: Read' (fine-grained PAT), 'actions: write' and 'contents: read' (GitHub App), or the repo scope (classic PAT)";
/**
 * Resolves with every line checked, or fails before the rotation listing every bad line. `targets`
 * is the preflight's result: whether each repository can read what is written for it.
 */
async function checkRedeploys(run, targets) {
    // A failed preflight reports itself; reach is judged only on what it prepared. Caught at once:
    // a rejection left unhandled while the lines are read would end the process.
    const preflighted = targets.catch(() => undefined);
    const lines = run.settings.redeploy;
    const checked = await Promise.allSettled(lines.map(line => check_prepare(run, line)));
    const prepared = await preflighted;
    const kept = run.settings.visibility === undefined;
    const problems = checked.flatMap((result, index) => {
        const problem = result.status === 'rejected'
            ? result.reason.message
            : prepared &&
                reachProblem(result.value, result.value.repository, prepared, kept, result.value.environments);
        return problem ? [`Input 'redeploy', line '${lines[index].line}': ${problem}`] : [];
    });
    if (problems.length > 0) {
        failBeforeRotation(run, `${problems.length} of ${lines.length} redeploys cannot start`, [
            ...problems,
            "(Starting a workflow also takes 'actions: write', which only a dispatch can prove.)"
        ]);
    }
    const ready = checked.map(result => result.value);
    for (const line of ready) {
        run.io.info(`Redeploy checked: ${line.owner}/${line.repo} will start ${line.workflowPath} on ${line.dispatchRef} (it declares workflow_dispatch).`);
    }
    return ready;
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
async function check_prepare(run, line) {
    const { octokit } = run.github;
    const where = { owner: line.owner, repo: line.repo };
    const byName = !/^\d+$/.test(line.workflow);
    const readFile = (path) => check_explained(run, `could not read ${path}`, 'file', getFileText(octokit, where, path, line.ref));
    const [workflow, repository, text] = await Promise.all([
        check_explained(run, 'could not read the workflow', 'workflow', getWorkflow(octokit, where, line.workflow)),
        // Its default branch, and, for an organization target, its id and visibility for the reach.
        line.ref === undefined ||
            line.labels.some(label => label.toLowerCase() === `org:${line.owner.toLowerCase()}`)
            ? check_explained(run, 'could not read the repository', 'repository', getRepositoryFacts(octokit, where))
            : undefined,
        byName ? readFile(`.github/workflows/${line.workflow}`) : undefined
    ]);
    // One of the two is given: the repository is read when the line has no ref.
    const dispatchRef = line.ref ?? repository.defaultBranch;
    if (workflow.state !== 'active') {
        throw new Error(`the workflow ${workflow.path} is ${workflow.state}, not active; enable it (gh workflow enable ${workflow.id} -R ${line.owner}/${line.repo})`);
    }
    const file = text ?? (await readFile(workflow.path));
    const problem = dispatchTriggerProblem(file);
    if (problem) {
        throw new Error(`${workflow.path} at ${dispatchRef} cannot be started by hand: ${problem}`);
    }
    const runsUrl = workflow.htmlUrl && runsPage(workflow.htmlUrl, line, workflow.path);
    return {
        ...line,
        workflowId: workflow.id,
        workflowPath: workflow.path,
        dispatchRef,
        runsUrl,
        repository,
        environments: jobEnvironments(file)
    };
}
/** `https://github.com/acme/app/actions/workflows/deploy.yml`, on the workflow page's server. */
function runsPage(workflowPage, where, path) {
    const file = encodeURIComponent(path.split('/').at(-1) ?? '');
    return `${new URL(workflowPage).origin}/${where.owner}/${where.repo}/actions/workflows/${file}`;
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

;// CONCATENATED MODULE: ./src/redeploy/identify.ts

/**
 * Subtracted from the dispatch answer's `Date`: that header is cut to the second, and it is
 * stamped when the answer leaves, after the run was created while the request was handled. A
 * wider window can only find more candidates, which ends in "not identified", never a wrong run.
 */
const DISPATCH_SKEW_MS = 5_000;
/** Without a `Date` header, the runner's clock, which may be minutes off GitHub's. */
const RUNNER_CLOCK_SKEW_MS = 120_000;
/** Dispatches (src/github/workflows.ts) and says how its run will be found. */
async function dispatchTracked(octokit, line, runnerSentAt, describe) {
    // Unless the answer names the run, its absence is the first thing said.
    let before = {
        unlisted: 'the server accepted return_run_details but did not name the run'
    };
    const dispatched = await dispatchWorkflow(octokit, { owner: line.owner, repo: line.repo }, line.workflowId, line.dispatchRef, async () => {
        before = await listed(octokit, line).then(runs => new Set(runs.map(run => run.id)), (error) => ({
            unlisted: `the runs there before it could not be listed (${describe(error)})`
        }));
    });
    if (dispatched.runId !== undefined)
        return { runId: dispatched.runId };
    if ('unlisted' in before)
        return before;
    return { from: earliestCreation(dispatched, runnerSentAt), before };
}
/** The earliest creation time a run of this dispatch can show. */
function earliestCreation(dispatched, runnerSentAt) {
    return dispatched.at
        ? new Date(Math.floor(dispatched.at.getTime() / 1000) * 1000 - DISPATCH_SKEW_MS)
        : new Date(runnerSentAt.getTime() - RUNNER_CLOCK_SKEW_MS);
}
/** Asked at every poll until the run completes: a second candidate appearing later undoes a claim. */
async function identifyRun(octokit, line, { from, before }) {
    const ids = (await listed(octokit, line))
        .filter(run => run.createdAt >= from.getTime() && !before.has(run.id))
        .map(run => run.id);
    return ids.length === 1 ? { runId: ids[0] } : { candidates: ids.length };
}
const listed = (octokit, line) => listDispatchRuns(octokit, { owner: line.owner, repo: line.repo }, line.workflowId, line.dispatchRef);
/** Undefined when `state` is a run of the line's workflow, on its ref, started by a dispatch. */
function notOfDispatch(state, line) {
    if (state.workflowId === line.workflowId &&
        state.headBranch === branchOf(line.dispatchRef) &&
        state.event === 'workflow_dispatch')
        return undefined;
    return `GitHub named run ${state.id} as the dispatch's run, but that run is not of ${line.workflowPath} on ${branchOf(line.dispatchRef)} started by workflow_dispatch, so it is not followed as ours; find the dispatch's run in ${runsList(line)}`;
}
/** A dispatch whose run cannot be found: `not_identified`, and where to look. */
function unlistedDetail(line, unlisted) {
    return `the dispatch was sent, but its run cannot be identified: ${unlisted}, and a run listed after the dispatch cannot be told from one that was there before; find it in ${runsList(line)}`;
}
/** Where a person finds a run this action could not identify: the workflow's runs page. */
function runsList(line) {
    return line.runsUrl ? `the runs list, ${line.runsUrl}` : `the workflow's runs list`;
}

;// CONCATENATED MODULE: ./src/redeploy/follow.ts





/** How often a run is asked for its status, once it has run a while. */
const POLL_INTERVAL_MS = 10_000;
/** The first wait: a short deploy is seen to end within a second or two, not 10 s later. */
const FIRST_POLL_MS = 1_000;
/** The wait after the n-th read of a run (from 0): 1, 2, 4, 8 s, then every 10 s. */
function pollDelay(reads) {
    return Math.min(FIRST_POLL_MS * 2 ** reads, POLL_INTERVAL_MS);
}
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
async function dispatchAndFollow(run, line, progress = () => undefined) {
    const { octokit } = run.github;
    const where = { owner: line.owner, repo: line.repo };
    const since = run.deps.now();
    let tracking;
    try {
        progress({ dispatch: 'sent' });
        tracking = await dispatchTracked(octokit, line, since, error => describeGitHubAnswer(error, run.settings.timeoutMs, () => undefined));
    }
    catch (error) {
        const why = describeGitHubAnswer(error, run.settings.timeoutMs, status => status === 403 || status === 404
            ? `starting a workflow needs ${ACTIONS_PERMISSION}; the check before the rotation can read the workflow but cannot prove this without starting a run`
            : undefined);
        return resultOf(line, 'dispatch_failed', `the dispatch failed: ${why}`);
    }
    progress({ dispatch: 'accepted', ...('runId' in tracking && { runId: tracking.runId }) });
    run.io.info(`${where.owner}/${where.repo}: started ${line.workflowPath} on ${line.dispatchRef}.`);
    if ('unlisted' in tracking)
        return resultOf(line, 'not_identified', unlistedDetail(line, tracking.unlisted));
    return follow(run, line, tracking, since, progress);
}
/** Polls the run until it completes or the time is up; says at once when it waits for approval. */
async function follow(run, line, tracking, since, progress) {
    const { octokit } = run.github;
    const { deps, io, settings } = run;
    const where = { owner: line.owner, repo: line.repo };
    const name = `${where.owner}/${where.repo}`;
    const deadline = since.getTime() + settings.redeployTimeoutMs;
    const minutes = settings.redeployTimeoutMs / 60_000;
    let runId = 'runId' in tracking ? tracking.runId : undefined;
    let state;
    let saidWaiting = false;
    let lastError;
    for (let reads = 0;; reads++) {
        try {
            if ('from' in tracking) {
                const identified = await identifyRun(octokit, line, tracking);
                if ('candidates' in identified && identified.candidates > 1)
                    return notIdentified(line, identified.candidates);
                // A claim holds only while the run is the one candidate: one listed later undoes it.
                runId = 'runId' in identified ? identified.runId : undefined;
                if (runId === undefined)
                    state = undefined;
            }
            if (runId !== undefined) {
                const first = state === undefined;
                state = await getRun(octokit, where, runId);
                const stranger = notOfDispatch(state, line);
                if (stranger)
                    return resultOf(line, 'not_identified', stranger);
                progress({ dispatch: 'accepted', runId, run: state });
                if (first)
                    io.info(`${name}: following run ${state.htmlUrl ?? http/* NOT_SHOWN */.a6} (up to ${minutes} min).`);
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
            io.warning(`${name}: run ${state.htmlUrl ?? http/* NOT_SHOWN */.a6} is waiting for an environment's approval; the receiver keeps the old secret until it is approved and deploys. Following it up to ${minutes} min (redeploy-timeout-minutes).`);
        }
        const left = deadline - deps.now().getTime();
        // A cancelled job ends the follow at once (the guard is exiting).
        if (left <= 0 || run.guard.signal.aborted)
            return unfinished(line, state, lastError, minutes);
        await deps.sleep(Math.min(pollDelay(reads), left), run.guard.signal);
    }
}
function notIdentified(line, candidates) {
    return resultOf(line, 'not_identified', `the dispatch was sent, but its run could not be identified: ${candidates} workflow_dispatch runs on ${line.dispatchRef} were created since (another dispatch of this workflow at the same time?), and this server does not say which run a dispatch started; find it in ${runsList(line)}`);
}
function finished(line, state) {
    const conclusion = state.conclusion ?? 'unknown';
    const result = { ...resultOf(line, conclusion), runUrl: state.htmlUrl, runId: state.id };
    return conclusion === 'success' ? result : { ...result, detail: `the run ended: ${conclusion}` };
}
function unfinished(line, state, lastError, minutes) {
    const also = lastError ? ` (last status request: ${lastError})` : '';
    if (state === undefined) {
        return resultOf(line, 'not_found', `the dispatch was sent, but no run of it could be identified within ${minutes} min${also}; find it in ${runsList(line)}`);
    }
    const waiting = state.status === 'waiting';
    return {
        ...resultOf(line, waiting ? 'waiting' : 'in_progress', waiting
            ? `still waiting for an environment's approval after ${minutes} min${also}`
            : `still ${state.status ?? 'running'} after ${minutes} min (redeploy-timeout-minutes)${also}`),
        runUrl: state.htmlUrl,
        runId: state.id
    };
}

;// CONCATENATED MODULE: ./src/redeploy/report.ts


/** Dispatched, but no run known to be ours: whether it deployed is unknown. */
const UNKNOWN_RUN = new Set(['not_found', 'not_identified']);
/** The `redeploys` output: one entry per line, as far as each got. */
function setRedeploysOutput(run, results) {
    const output = results.map(({ repository, workflow, runUrl, conclusion }) => ({
        repository,
        workflow,
        run_url: runUrl ?? null,
        conclusion
    }));
    run.problems.noteNow('Setting the redeploys output', () => run.io.setOutput('redeploys', JSON.stringify(output)));
}
function noteRedeploys(run, results) {
    if (run.settings.redeploy.length === 0)
        return;
    setRedeploysOutput(run, results);
    for (const result of results) {
        if (result.conclusion === 'success')
            continue;
        const { repository, workflow, ref, runUrl, detail, conclusion } = result;
        const command = `gh workflow run ${(0,shell/* shellQuote */.Z)(workflow)} -R ${(0,shell/* shellQuote */.Z)(repository)} --ref ${(0,shell/* shellQuote */.Z)(ref)}`;
        const what = `(${workflow} on ${ref}${runUrl ? `, ${runUrl}` : ''}): ${detail}`;
        run.problems.add(UNKNOWN_RUN.has(conclusion)
            ? `${repository} may not be redeployed ${what}. If no run of that dispatch deployed, redeploy by hand: ${command}`
            : `${repository} was not redeployed ${what}. Redeploy by hand once the cause is fixed: ${command}`);
    }
}
/** The summary's Redeploys section: one row per repository. */
function redeploySummary(summary, results) {
    if (results.length === 0)
        return summary;
    return summary
        .addHeading('Redeploys', 3)
        .addTable([
        (0,html/* header */.wx)('Repository', 'Workflow', 'Run', 'Conclusion'),
        ...results.map(result => [
            (0,html/* escapeHtml */.ZD)(result.repository),
            (0,html/* escapeHtml */.ZD)(`${result.workflow} on ${result.ref}`),
            runCell(result),
            (0,html/* escapeHtml */.ZD)(result.detail ? `${result.conclusion}: ${result.detail}` : result.conclusion)
        ])
    ]);
}
/** A link to the run; a run whose URL was not https is named by its id, never linked. */
function runCell({ runUrl, runId }) {
    if (runUrl)
        return `<a href="${(0,html/* escapeHtml */.ZD)(runUrl)}">run</a>`;
    return runId === undefined ? 'none' : `run ${runId} (URL not shown)`;
}
/** A dry run's Redeploys section: what each line would dispatch, and after which writes. */
function redeployPlan(summary, lines) {
    if (lines.length === 0)
        return summary;
    return summary
        .addHeading('Redeploys', 3)
        .addRaw('<p>Checked, not started. A real run would dispatch each workflow (no inputs) once every target of its repository holds the new secret:</p>', true)
        .addTable([
        ['Repository', 'Would dispatch', 'On', 'After writing'].map(data => ({ data, header: true })),
        ...lines.map(line => [
            (0,html/* escapeHtml */.ZD)(`${line.owner}/${line.repo}`),
            `<code>${(0,html/* escapeHtml */.ZD)(line.workflowPath)}</code>`,
            `<code>${(0,html/* escapeHtml */.ZD)(line.dispatchRef)}</code>`,
            (0,html/* escapeHtml */.ZD)(line.labels.join(', '))
        ])
    ]);
}

;// CONCATENATED MODULE: ./src/redeploy/cancelled.ts



/** Each line's redeploy as known at the cancellation: its result, else how far it got. */
function knownAtCancel(line, result, progress) {
    if (result)
        return result;
    if (!progress)
        return resultOf(line, 'not_dispatched', 'not started: the job was cancelled first');
    if (progress.dispatch === 'sent') {
        return resultOf(line, 'dispatch_unknown', 'the dispatch was sent, and the job was cancelled before GitHub answered: a run may have started');
    }
    const { run, runId } = progress;
    if (!run) {
        const which = runId === undefined ? 'run not identified' : `run ${runId}, not read yet`;
        return resultOf(line, 'dispatched', `dispatched (${which}); it may still be running`);
    }
    return {
        ...resultOf(line, run.status === 'waiting' ? 'waiting' : 'in_progress', `last seen ${run.status ?? 'without a status'}; it may still be running`),
        runUrl: run.htmlUrl
    };
}
/** Sets the `redeploys` output with what is known, and returns the lines the error adds. */
function sayCancelledRedeploys(run, known) {
    setRedeploysOutput(run, known);
    const lines = known.map(({ repository, workflow, ref, runUrl, conclusion, detail }) => {
        const what = `${repository} (${workflow} on ${ref})`;
        if (conclusion === 'success')
            return `${what}: redeployed, ${runUrl ?? 'run not identified'}.`;
        const repo = `${(0,shell/* shellQuote */.Z)(workflow)} -R ${(0,shell/* shellQuote */.Z)(repository)}`;
        const todo = conclusion === 'not_dispatched'
            ? `Redeploy by hand once its targets hold the secret: gh workflow run ${repo} --ref ${(0,shell/* shellQuote */.Z)(ref)}`
            : `See its runs: gh run list -w ${repo}`;
        const where = runUrl ? `${runUrl}, ` : '';
        const how = detail ? `${conclusion}: ${detail}` : conclusion;
        return `${what}: ${where}${how}. ${todo}`;
    });
    return [
        'Redeploys when the job was cancelled (this job no longer follows them; a run it started goes on without it):',
        ...lines
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/redeploy/redeploy.ts


function startRedeploys(run, lines) {
    const settled = new Map();
    // How far each line got, for a cancellation to say: its result, or its progress.
    const results = lines.map(() => undefined);
    const progress = lines.map(() => undefined);
    if (lines.length > 0) {
        run.guard.alsoSay(() => sayCancelledRedeploys(run, lines.map((line, index) => knownAtCancel(line, results[index], progress[index]))));
    }
    const resolvers = [];
    const each = lines.map((_, index) => new Promise(resolve => resolvers.push(work => void work.then(done => resolve((results[index] = done))))));
    const started = lines.map(() => false);
    const onSettled = (result) => {
        settled.set(result.label, result);
        lines.forEach((line, index) => {
            if (started[index] || !line.labels.every(label => settled.has(label)))
                return;
            started[index] = true;
            const unwritten = line.labels.filter(label => !('written' in settled.get(label).outcome));
            resolvers[index](unwritten.length === 0
                ? dispatchAndFollow(run, line, known => (progress[index] = known))
                : Promise.resolve(resultOf(line, 'not_dispatched', `not started: ${unwritten.join(', ')} did not receive the secret, so a deploy would ship the old one`)));
        });
    };
    return { onSettled, results: Promise.all(each) };
}

;// CONCATENATED MODULE: ./src/rotation/read-back.ts
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
        const { secret, updatedAt } = await readWebhookSubscription(options, run.settings.subscriptionId);
        return secret === undefined ? undefined : { secret, updatedAt };
    }
    catch (error) {
        run.io.warning(`${UNREAD[when]}${error.message}`);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/rotation/confirm.ts


async function confirmRotation(run, obtained) {
    const { how } = obtained.source;
    // A current one was not rotated; a cancelled run sends nothing more.
    if (how === 'current' || run.guard.signal.aborted)
        return 'not needed';
    const read = await readCurrentSecret(run, 'back');
    if (read?.secret === obtained.secret)
        return 'confirmed';
    const older = read !== undefined && isFromBefore(read, obtained.before);
    if (how === 'recovered' && (read === undefined || older)) {
        run.io.warning(CONFIRMATION_TEXT['possibly stale']);
        return 'possibly stale';
    }
    if (read === undefined)
        return 'unconfirmed';
    if (older) {
        run.io.warning("Composio's read after the rotation still showed the previous secret, or an older one (a stale read); the rotation's answer is the secret stored.");
        return 'stale';
    }
    return 'changed';
}
/**
 * A read of the secret from before the rotation, or of one no newer than it (a replica lagging
 * further behind): not a rotation by someone else during this run.
 */
function isFromBefore(read, before) {
    if (before === undefined)
        return false;
    if (read.secret === before.secret)
        return true;
    return (read.updatedAt !== undefined &&
        before.updatedAt !== undefined &&
        read.updatedAt <= before.updatedAt);
}

;// CONCATENATED MODULE: ./src/rotation/recovery.ts
// What a read after a lost rotation answer proves. Replicas lag: a read may show the secret from
// before the rotation, or from several rotations ago. Only a secret never seen before, with an
// `updated_at` later than the baseline's, is taken for the rotation's result; anything else
// leaves the rotation unknown, and nothing is stored.

/** `attemptsInDoubt`: the attempts so far that may have rotated, this one included. */
function judgeRead(baseline, seen, read, attemptsInDoubt) {
    if (baseline === undefined || read === undefined)
        return 'unknown';
    if (read.secret === baseline.secret)
        return 'not taken effect';
    const newer = baseline.updatedAt !== undefined &&
        read.updatedAt !== undefined &&
        read.updatedAt > baseline.updatedAt;
    return newer && !seen.has(read.secret) && attemptsInDoubt === 1 ? 'new' : 'unproven';
}
/** A failed rotation says whether the old secret may be dead, and what to do. */
function explainRotationFailure(error, outcome) {
    const consequence = {
        unknown: 'The subscription may have been rotated although no secret reached this run, so its old secret may no longer work: run this action again (the newest rotation is the one that counts), or with rotate: false to store the secret it holds now. Nothing was written to GitHub.',
        unproven: "The subscription may have been rotated although no secret reached this run, so its old secret may no longer work. Composio's read after the lost answer showed a secret that is not provably the newest rotation's (a lagging read: a secret seen before, one updated no later than the one before the rotation, or one of several attempts): it was not stored. Run this action with rotate: false in a few minutes, to store the secret the subscription holds then (or again with rotate: true: the newest rotation is the one that counts). Nothing was written to GitHub.",
        // A replica lagging behind every attempt shows the same: said as likely, not as seen.
        'not taken effect': "The rotation did not take effect as far as Composio's read shows (the subscription still showed the secret it had before): nothing written; the old secret should still work. A lagging read looks the same: if deliveries fail verification, run this action with rotate: false in a few minutes.",
        'not rotated': 'Nothing was rotated and nothing written: the old secret still works.'
    }[outcome];
    return new errors/* ComposioError */.M_(`${error.message}\n${consequence}`, error.status, error.mayHaveRotated);
}

;// CONCATENATED MODULE: ./src/rotation/rotate.ts
// Step 4: the secret to store. Rotated exactly once (the one irreversible call), recovered by a
// read when the rotation's answer is lost, or, with `rotate: false`, the current one as read.





function fingerprint(secret) {
    return (0,external_node_crypto_.createHash)('sha256').update(secret, 'utf8').digest('hex').slice(0, 16);
}
/** The rotation, or (rotate: false) the current secret; masked the moment it was parsed. */
async function obtainSecret(run, checked) {
    const { settings } = run;
    const read = checked.subscription;
    const preflight = read?.secret === undefined ? undefined : { secret: read.secret, updatedAt: read.updatedAt };
    const obtained = settings.rotate
        ? await rotate(run, preflight)
        : { secret: preflight.secret, how: 'current' }; // preflight refused a masked one
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
 * attempt and judged against the baseline, what it held before the rotation (src/rotation/recovery.ts):
 * a secret never seen, updated later, means the rotation happened (stored as if answered); the
 * baseline's, that no attempt so far took effect (retried as any failure); anything else, that
 * the attempt may have rotated: unknown. Each attempt's outcome replaces the previous one's.
 */
async function rotate(run, preflight) {
    await waitForWriteBudget(run);
    // A read after a lost answer proves something only against the secret from before: when the
    // preflight did not show it in full, one more read, right before the rotation.
    const baseline = preflight ?? (await readCurrentSecret(run, 'before the rotation', 1));
    // Every secret read so far: a lagging replica may show any of them again.
    const seen = new Set(baseline ? [baseline.secret] : []);
    run.guard.rotating();
    let outcome = 'not rotated';
    let recovered = false;
    let attemptsInDoubt = 0;
    const afterFailure = async (error) => {
        // This attempt rotated nothing (a refusal, a 429): what the earlier ones left stands.
        if (!error.mayHaveRotated)
            return undefined;
        // Not read back (no baseline, or cancelled): this attempt may have rotated.
        // One attempt per read: the rotation's own retries follow, and a dead Composio must not double them.
        const read = baseline === undefined || run.guard.signal.aborted
            ? undefined
            : await readCurrentSecret(run, 'back', 1);
        const verdict = judgeRead(baseline, seen, read, ++attemptsInDoubt);
        if (read)
            seen.add(read.secret);
        if (verdict !== 'new') {
            // Once a read showed a secret it could not place, the baseline seen again proves nothing.
            if (!(outcome === 'unproven' && verdict === 'not taken effect'))
                outcome = verdict;
            return undefined;
        }
        recovered = true;
        run.io.warning(`${error.message}. The answer was lost, but Composio's subscription now holds a new secret: the rotation happened, and that secret is the one stored. Not rotating again.`);
        return read.secret;
    };
    try {
        const secret = await rotateWebhookSecret(run.composio, run.settings.subscriptionId, afterFailure);
        return { secret, how: recovered ? 'recovered' : 'rotated', before: baseline };
    }
    catch (error) {
        throw error instanceof errors/* ComposioError */.M_ ? explainRotationFailure(error, outcome) : error;
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

// EXTERNAL MODULE: ./src/inputs/store-targets.ts
var store_targets = __webpack_require__(5027);
;// CONCATENATED MODULE: ./src/report/store-recipe.ts

/** The shell variable each credential is read from in the recipe. */
const COMPOSIO_KEY_VARIABLE = {
    'x-api-key': 'COMPOSIO_API_KEY',
    'x-user-api-key': 'COMPOSIO_USER_API_KEY'
};
function storeRecipe(settings, source, store) {
    const { composioBaseUrl, composioAuth, secretName } = settings;
    const read = `${composioBaseUrl}/api/v3.1/webhook_subscriptions/${encodeURIComponent(source.subscriptionId)}`;
    const key = COMPOSIO_KEY_VARIABLE[composioAuth.header];
    const mismatch = 'Composio now holds another secret than the one this run stored (masked in the read, or rotated since): nothing written. Run the action again instead.';
    return [
        `# To finish ${store.label} by hand: run this action again with rotate: false and targets: ${store.label}`,
        "# (it stores Composio's current secret without rotating). Or paste this block into bash, with",
        `# ${key} and the store's credential set: the secret goes from Composio's read into the store, never to the terminal.`,
        '(',
        '  set -euo pipefail',
        `  SECRET="$(curl -fsS ${(0,shell/* shellQuote */.Z)(read)} -H "${composioAuth.header}: $${key}" | jq -er .secret)"`,
        `  if [ "$(printf '%s' "$SECRET" | sha256sum | cut -c1-16)" != ${(0,shell/* shellQuote */.Z)(source.fingerprint)} ]; then`,
        `    echo ${(0,shell/* shellQuote */.Z)(mismatch)} >&2; exit 1`,
        '  fi',
        ...store
            .recipe(secretName)
            .split('\n')
            .map(line => `  ${line}`),
        `  echo ${(0,shell/* shellQuote */.Z)(`${secretName} written to ${store.label}.`)}`,
        ')'
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/stores/registry.ts
const LOADERS = {
    // settings.cloudflare is set whenever a cloudflare: target is (src/inputs/store-inputs.ts).
    cloudflare: async (target, settings, context) => (await __webpack_require__.e(/* import() */ 79).then(__webpack_require__.bind(__webpack_require__, 6079))).createCloudflareStore(target, settings.cloudflare, context),
    'aws-secretsmanager': async (target, _settings, context) => (await __webpack_require__.e(/* import() */ 108).then(__webpack_require__.bind(__webpack_require__, 5108))).createAwsSecretsManagerStore(target, context)
};
function loadStore(target, settings, context) {
    const load = LOADERS[target.kind];
    return load(target, settings, context);
}

;// CONCATENATED MODULE: ./src/write/write-check.ts




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
    // From the first PUT until its DELETE is answered, a probe may exist: a cancellation names it.
    const unconfirmed = new Set(targets);
    run.guard.probesWritten(() => leftovers(run, [...unconfirmed], name));
    const results = await Promise.allSettled(probes.map(probe => putSecret(writeChecks, probe)));
    let removing;
    const deleting = () => (removing ??= removeProbes(run, targets, name, target => unconfirmed.delete(target)));
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
/**
 * Deletes every probe (one that was never written answers 404, which is fine), telling `deleted`
 * of each as its answer comes.
 */
async function removeProbes(run, targets, name, deleted) {
    const { writeChecks } = run.github;
    const results = await Promise.allSettled(targets.map(async (prepared) => {
        try {
            await deleteSecret(writeChecks, prepared.target, name);
        }
        catch (error) {
            if (error.status !== 404)
                throw error;
        }
        deleted(prepared);
    }));
    results.forEach((result, index) => {
        if (result.status === 'fulfilled')
            return;
        const { label, target } = targets[index];
        const why = describeGitHubError(result.reason, target, run.settings.timeoutMs, 'write');
        run.io.warning(`Could not delete the write-check secret ${name} from ${label} (${why}). It holds no secret; delete it by hand or let the next run remove it.`);
    });
}
/** The warning that names each probe not confirmed deleted, with the request that deletes it. */
function leftovers(run, targets, name) {
    if (targets.length === 0)
        return undefined;
    const commands = targets.map(({ target }) => `curl -fsS -X DELETE ${(0,shell/* shellQuote */.Z)(deleteUrl(run.github.octokit, target, name))} -H "Authorization: Bearer $GITHUB_TOKEN" -H 'Accept: application/vnd.github+json'`);
    return [
        `The write-check secret ${name} is not confirmed deleted from ${targets.map(t => t.label).join(', ')}. It holds no secret and the next run removes it; to delete it now, with GITHUB_TOKEN set to a token that may write secrets:`,
        ...commands
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/write/stores.ts





function storeContext(run) {
    const { deps, io, settings, guard } = run;
    return {
        fetch: deps.fetch,
        timeoutMs: settings.timeoutMs,
        env: process.env,
        log: { debug: () => undefined, warning: io.warning },
        sleep: ms => deps.sleep(ms, guard.signal)
    };
}
/**
 * Loads every store and, in a run that rotates or a dry run, proves each writable: all at once.
 * Resolves to the stores, or to one problem line per store that failed (`label: why`).
 */
async function prepareStores(run) {
    const { settings } = run;
    const prove = settings.rotate || settings.dryRun;
    const context = storeContext(run);
    const settled = await Promise.allSettled(settings.stores.map(async (target) => {
        const store = await loadStore(target, settings, context);
        const proof = prove ? await store.proveWritable(settings.secretName) : undefined;
        return { store, proof };
    }));
    const problems = settled.flatMap((result, index) => result.status === 'rejected'
        ? [`${labelOf(run, index)}: ${result.reason.message}`]
        : []);
    if (problems.length > 0)
        return { problems };
    const loaded = settled.map(result => result.value);
    return {
        prepared: {
            stores: loaded.map(({ store }) => store),
            proofs: loaded.flatMap(({ store, proof }) => proof === undefined ? [] : [{ label: store.label, proof }])
        }
    };
}
/** A write check's refusal lists its problems; anything else is not a refusal: rethrown. */
function problemsOf(reason) {
    if (reason instanceof PreflightError)
        return reason.problems;
    throw reason;
}
const labelOf = (run, index) => (0,store_targets/* formatStoreTarget */.Yq)(run.settings.stores[index]);
/**
 * Every store's write, each started before this returns: none waits for another, nor for
 * GitHub. `settled` never rejects: a failed write is a result with the recipe that finishes it.
 * Cancelled while rotating: the answer came, but nothing more is sent (as for GitHub's).
 */
function writeStores(run, stores, obtained) {
    const cancelled = run.guard.signal.aborted;
    const writes = cancelled
        ? []
        : stores.map(store => store.write(run.settings.secretName, obtained.secret));
    const results = stores.map((store) => ({
        label: store.label,
        recipe: storeRecipe(run.settings, obtained.source, store),
        outcome: {
            failed: cancelled
                ? 'cancelled before the write'
                : 'cancelled before the store confirmed the write'
        }
    }));
    const settled = writes.map(async (write, index) => {
        const result = results[index];
        try {
            await write;
            result.outcome = { written: 'written', at: now(run) };
        }
        catch (error) {
            result.outcome = { failed: error.message };
        }
    });
    return { results, settled: Promise.all(settled).then(() => results) };
}
const now = (run) => run.deps.now().toISOString();
/**
 * Step 3 for every target at once: GitHub's write checks (src/write/write-check.ts) and the
 * stores' proofs, side by side. Any refusal fails the run before the rotation with every
 * problem listed, after the GitHub probes already written are deleted again.
 */
async function proveEveryTarget(run, targets) {
    const { rotate, dryRun } = run.settings;
    // A real run that does not rotate has nothing to protect: its writes are the check.
    const checkGitHub = (rotate || dryRun) && targets.length > 0;
    const [github, stores] = await Promise.allSettled([
        checkGitHub ? checkWrites(run, targets) : undefined,
        prepareStores(run)
    ]);
    if (stores.status === 'rejected')
        throw stores.reason;
    const storeProblems = 'problems' in stores.value ? stores.value.problems : [];
    const githubProblems = github.status === 'rejected' ? problemsOf(github.reason) : [];
    if (githubProblems.length + storeProblems.length > 0) {
        if (github.status === 'fulfilled')
            await github.value?.remove();
        const all = targets.length + run.settings.stores.length;
        failBeforeRotation(run, `${githubProblems.length + storeProblems.length} of ${all} targets cannot be written`, [...githubProblems, ...storeProblems]);
    }
    const prepared = stores.value.prepared;
    for (const { label, proof } of prepared.proofs)
        run.io.info(`${label} ${proof}.`);
    return {
        writeCheck: github.value,
        stores: prepared
    };
}

;// CONCATENATED MODULE: ./src/write/write.ts



/**
 * Writes every target at once: every turn in GitHub's write budget is taken first (given at once
 * up to 80, in the places kept for them; later ones as the secret's own writes leave the window),
 * then each target's value is sealed and its write sent before the next is sealed. A
 * cancellation during the writes, or while rotating, prints the recipe of every write GitHub has
 * not confirmed, and of every write going on `alongside` (the runtime stores') not confirmed.
 */
async function writeEverywhere(run, targets, obtained, seal, options = {}) {
    const { onSettled, alongside = [] } = options;
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
        const unfinished = () => unfinishedMessage(obtained.source, [...results, ...alongside]);
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
    run.guard.writing(() => unfinishedMessage(obtained.source, [...results, ...alongside]));
    await Promise.all(settled);
    return results;
}

;// CONCATENATED MODULE: ./src/context/cancel.ts
// Runner cancellation: SIGINT, then SIGTERM 7.5 s later. What a signal must do depends on whether
// the irreversible rotation has been sent: before it, stop; after it, never leave silently.
/**
 * How long after the first signal a cancelled run may go on cleaning up: well inside the 7.5 s
 * the runner leaves before its SIGTERM, which kills a run whose guard is gone.
 */
const CLEANUP_AFTER_CANCEL_MS = 3000;
class CancellationGuard {
    signals;
    sink;
    phase = { name: 'checking' };
    controller = new AbortController();
    /** When the first signal arrived (ms since the epoch). */
    signalledAt;
    /** Names the write-check secrets not confirmed deleted, with how to delete each, if any. */
    leftovers = () => undefined;
    /** What else a cancellation says, each run when it happens (the redeploys started so far). */
    notes = [];
    constructor(signals, sink) {
        this.signals = signals;
        this.sink = sink;
        signals.on('SIGINT', this.onSignal);
        signals.on('SIGTERM', this.onSignal);
    }
    /** Aborted once a signal arrives while rotating: no new attempt, no backoff wait. */
    get signal() {
        return this.controller.signal;
    }
    probesWritten(leftovers) {
        this.leftovers = leftovers;
    }
    /** `note()` is added to what a cancellation prints, as it stands then. */
    alsoSay(note) {
        this.notes.push(note);
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
    /**
     * The cleanup of a run that failed after a signal, bounded: the write-check secrets not yet
     * confirmed deleted are named at once (a DELETE may hang for timeout-seconds, past the
     * runner's SIGTERM), then the deletes get until CLEANUP_AFTER_CANCEL_MS after the signal
     * before the run exits. Without a signal, the cleanup takes its own course.
     */
    async boundCleanup(cleanup) {
        if (this.signalledAt === undefined)
            return;
        // One turn first: the run's own error, with its recipes, is printed once it has rejected.
        await this.sink.sleep(0);
        if (!this.warnLeftovers())
            return;
        const left = this.signalledAt + CLEANUP_AFTER_CANCEL_MS - this.sink.now().getTime();
        const timer = new AbortController();
        const deleted = await Promise.race([
            cleanup.then(() => this.leftovers() === undefined),
            this.sink.sleep(Math.max(0, left), timer.signal).then(() => undefined)
        ]);
        timer.abort();
        if (deleted === undefined)
            return this.sink.exit(1);
        if (deleted)
            this.sink.info('The write-check secrets named above were deleted after all.');
    }
    onSignal = (signal) => {
        this.signalledAt ??= this.sink.now().getTime();
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
    /** Says what stands (the error first: it may hold recipes), names what is left, and exits. */
    stop(message) {
        this.phase = { name: 'done' };
        const notes = this.notes.flatMap(note => note() ?? []);
        this.sink.fail([message, ...notes].join('\n'));
        this.warnLeftovers();
        this.sink.exit(1);
    }
    /** True when some write-check secret is not confirmed deleted (and was named). */
    warnLeftovers() {
        const warning = this.leftovers();
        if (warning !== undefined)
            this.sink.warn(warning);
        return warning !== undefined;
    }
}

;// CONCATENATED MODULE: ./src/context/run.ts
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
            if (failure.cause instanceof http/* RedirectRefusedError */.jw)
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

;// CONCATENATED MODULE: ./src/run/start.ts






function startRun(settings, deps) {
    const { io } = deps;
    // A cancellation prints what stands, writes it as the job summary too, then exits.
    let cancelled = Promise.resolve();
    const guard = new CancellationGuard(deps.signals, {
        fail: message => {
            io.error(message);
            cancelled = (0,failure_summary/* writeFailureSummary */.KJ)(io, describeFailure(new Error(message)));
        },
        warn: io.warning,
        info: io.info,
        exit: code => void cancelled.then(() => deps.exit(code)),
        sleep: deps.sleep,
        now: deps.now
    });
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

;// CONCATENATED MODULE: ./src/run/action.ts














async function runAction(settings, deps) {
    const run = startRun(settings, deps);
    let writeCheck;
    let finished = false;
    try {
        // 1. Inputs were read, and credentials masked, by main.ts before anything else.
        // 2. Every target's public key and Composio's subscription, all at once.
        const count = settings.targets.length + settings.stores.length;
        run.io.info(`Checking ${count} target(s) for ${settings.secretName}…`);
        //    Each redeploy's workflow and file are checked alongside, awaited before the rotation.
        //    Whether each repository can read what is written for it needs the preflight's answer.
        const preflighted = preflight(run);
        const redeployCheck = checkRedeploys(run, preflighted.then(({ targets }) => targets));
        redeployCheck.catch(() => undefined); // awaited below; a preflight failure must not leave it unhandled
        const checked = await preflighted.catch(error => withRedeployProblems(error, redeployCheck));
        const receiverUrl = receiverUrlOf(run, checked); // verify-receiver: subscription needs the read
        // 3. A write that every target accepts, before anything irreversible: GitHub's probes and
        //    each runtime store's proof, side by side (src/write/stores.ts).
        const writable = await proveEveryTarget(run, checked.targets);
        writeCheck = writable.writeCheck;
        const { stores, proofs } = writable.stores;
        const redeployLines = await redeployCheck;
        if (settings.dryRun) {
            await writeCheck?.remove();
            return await reportDryRun(run, checked, proofs, [
                summary => redeployPlan(summary, redeployLines)
            ]);
        }
        // 4. The secret, rotated exactly once (or read, rotate: false), masked the moment it arrives.
        //    The write checks' deletes are queued first, in the lane of the write budget that yields:
        //    they never take a place the writes need (src/github/write-budget.ts).
        writeCheck?.removeBehind(settings.targets.length);
        const obtained = await obtainSecret(run, checked);
        // 5. The runtime stores' writes go out first, on the next line: the receiver reading one
        //    sees the new secret one round trip after the rotation's answer. Then GitHub's, each
        //    sealed for its target; behind the writes, the outputs set and Composio read to
        //    confirm the rotation.
        const storeWrites = writeStores(run, stores, obtained);
        //    Each repository's workflow starts as soon as its own targets are written.
        const redeploys = startRedeploys(run, redeployLines);
        const writing = writeEverywhere(run, checked.targets, obtained, await run.sealer, {
            onSettled: redeploys.onSettled,
            // A cancellation prints the stores' recipes too, for every write not confirmed.
            alongside: storeWrites.results
        });
        announce(run, obtained);
        const [written, storeResults, confirmation] = await Promise.all([
            writing,
            storeWrites.settled,
            confirmRotation(run, obtained)
        ]);
        const results = [...written, ...storeResults];
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
            (summary) => storeProofSection(summary, proofs),
            (summary) => redeploySummary(summary, redeployed),
            ...(receiver ? [(summary) => receiverSection(summary, receiver)] : [])
        ];
        await reportStored(run, obtained.source, results, confirmation, sections, receiver?.failed);
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
        // then finish on their own, before the process ends (after a cancellation, within a bound).
        // A finished run waits for them.
        const cleanup = writeCheck?.remove();
        if (finished)
            await cleanup;
        else if (cleanup)
            void run.guard.boundCleanup(cleanup);
        run.guard.dispose();
    }
}

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
/**
 * Waits `ms`, or until `signal` aborts; never rejects. Node's own timer removes its abort listener
 * when it fires: a listener left on the run's one signal per wait (a redeploy followed for
 * minutes, sixteen confirming rounds) made Node print MaxListenersExceededWarning into the log.
 */
const sleepUnlessAborted = (ms, signal) => (0,promises_.setTimeout)(ms, undefined, signal && { signal }).catch(() => undefined);
function productionDeps(timeoutMs) {
    const fetch = (0,http/* createFetch */.Hy)(timeoutMs);
    return {
        io: runnerIo,
        // With step debug logging on (RUNNER_DEBUG=1), one `::debug::` line per request.
        fetch: core/* isDebug */._o()
            ? logRequests(fetch, { debug: core/* debug */.Yz, now: () => performance.now() })
            : fetch,
        sleep: sleepUnlessAborted,
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


/***/ }),

/***/ 997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ shellQuote)
/* harmony export */ });
// Quoting for the shell recipes this action prints: pasted whole into bash, nothing inside a
// value is expanded or run.
/** Single quotes for a POSIX shell: nothing inside is expanded or run. */
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}


/***/ })

};

//# sourceMappingURL=250.index.js.map