export const id = 79;
export const ids = [79];
export const modules = {

/***/ 6079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PROBE_SUFFIX: () => (/* binding */ PROBE_SUFFIX),
  createCloudflareStore: () => (/* binding */ createCloudflareStore)
});

// EXTERNAL MODULE: ./src/inputs/store-targets.ts
var store_targets = __webpack_require__(5027);
// EXTERNAL MODULE: ./src/shell.ts
var shell = __webpack_require__(997);
// EXTERNAL MODULE: ./src/composio/retry.ts
var retry = __webpack_require__(127);
// EXTERNAL MODULE: ./src/http/http.ts
var http = __webpack_require__(8694);
// EXTERNAL MODULE: ./src/stores/store.ts
var store = __webpack_require__(4703);
;// CONCATENATED MODULE: ./src/stores/cloudflare-api.ts
// Cloudflare's v4 API as the Workers secrets need it: one request with the token, the envelope
// {success, errors: [{code, message}], messages, result} read, bounded retries where a repeat is
// harmless, and errors that say what to fix. Described in the public repository
// cloudflare/api-schemas (openapi.json); test/fakes/cloudflare-schema.js holds our schema of it.



const MAX_ATTEMPTS = 3;
const MAX_RETRY_AFTER_MS = 30_000;
const MAX_BODY_BYTES = 256 * 1024;
/** A wait longer than any allowed: no new attempt. */
const NEVER = Infinity;
/** Cloudflare's codes: a token without the permission; a Worker that does not exist. */
const AUTHENTICATION_ERROR = 10000;
const SCRIPT_NOT_FOUND = 10007;
/**
 * Sends `call` with the token. PUT and DELETE of a secret are idempotent, so a 429 (after its
 * Retry-After, up to 30 s), a 5xx or a lost answer is tried again, three attempts in all.
 */
async function callCloudflare(context, token, call) {
    for (let attempt = 1;; attempt++) {
        const outcome = await once(context, token, call);
        if (outcome === 'ok')
            return;
        const { error, retryAfterMs } = outcome;
        const delay = retryAfterMs ?? 1000 * attempt;
        if (attempt >= MAX_ATTEMPTS || delay > MAX_RETRY_AFTER_MS) {
            const after = attempt > 1 ? ` (after ${attempt} attempts)` : '';
            throw new store/* StoreError */.A(`${error.message}${after}`, error.status);
        }
        context.log.warning(`${error.message}; retrying in ${delay / 1000} s`);
        await context.sleep(delay);
    }
}
async function once(context, token, call) {
    let response;
    try {
        response = await context.fetch(call.url, {
            method: call.method,
            // Never followed: the token must not go where a redirect points.
            redirect: 'manual',
            signal: AbortSignal.timeout(context.timeoutMs),
            headers: {
                Authorization: `Bearer ${token}`,
                ...(call.body !== undefined && { 'Content-Type': 'application/json' })
            },
            ...(call.body !== undefined && { body: JSON.stringify(call.body) })
        });
    }
    catch (error) {
        const why = (0,http/* describeNetworkError */.gl)(error, context.timeoutMs);
        const refused = new store/* StoreError */.A(`Cloudflare: could not ${call.operation}: ${why}`);
        // A redirect is refused for good; a lost answer may be tried again.
        return error instanceof http/* RedirectRefusedError */.jw
            ? { error: refused, retryAfterMs: NEVER }
            : { error: refused };
    }
    const answer = await (0,http/* readTextCapped */.XS)(response, MAX_BODY_BYTES).catch(() => '');
    const text = (0,http/* withoutSecret */.Nt)(answer, call.conceal);
    const envelope = parseEnvelope(text);
    if (response.ok && envelope?.success === true) {
        if (namesTheSecret(call, envelope.result))
            return 'ok';
        // A success that does not say what it stored is not seen to be ours: not counted as written.
        const error = new store/* StoreError */.A(`Cloudflare answered the request to ${call.operation} with HTTP ${response.status} and success, but its result does not name ${call.secretName ?? 'the secret'}: not counted as written`, response.status);
        return { error, retryAfterMs: NEVER };
    }
    const error = new store/* StoreError */.A(describe(call, response.status, envelope), response.status);
    if (response.status === 429) {
        return { error, retryAfterMs: (0,retry/* parseRetryAfter */.mu)(response.headers.get('retry-after'), Date.now()) };
    }
    return response.status >= 500 ? { error } : { error, retryAfterMs: NEVER };
}
function namesTheSecret(call, result) {
    if (call.secretName === undefined)
        return true;
    return (typeof result === 'object' &&
        result !== null &&
        'name' in result &&
        result.name === call.secretName);
}
function parseEnvelope(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** `Cloudflare refused to …: HTTP 403 (10000 Authentication error). Hint: …` */
function describe(call, status, envelope) {
    const errors = Array.isArray(envelope?.errors) ? envelope.errors : [];
    const codes = errors.map(error => error.code);
    const words = errors
        .map(error => (0,http/* serverText */.Tn)(`${String(error.code)} ${String(error.message)}`, 200))
        .join('; ');
    const said = words === '' ? '' : ` (${words})`;
    const { accountId, scriptName } = call.worker;
    const hint = status >= 300 && status < 400
        ? 'Cloudflare answered with a redirect, which is not followed (no token goes with one): check cloudflare-api-url'
        : status === 401 || status === 403 || codes.includes(AUTHENTICATION_ERROR)
            ? `the token cannot edit this Worker's secrets: cloudflare-api-token needs the permission "Workers Scripts Write" (Account › Workers Scripts › Edit) on account ${accountId}`
            : status === 404 && codes.includes(SCRIPT_NOT_FOUND)
                ? `account ${accountId} has no Worker named '${scriptName}': check the script name in targets (the Worker's name in the dashboard)`
                : status === 404
                    ? `Cloudflare knows no account ${accountId} that this token reaches, or no Worker '${scriptName}' in it: check the account ID in targets (the dashboard's Account ID, 32 hex digits)`
                    : status === 429
                        ? "Cloudflare's rate limit (1,200 requests per 5 minutes per user): run again later"
                        : status >= 500
                            ? "Cloudflare's own fault: run again later (https://www.cloudflarestatus.com)"
                            : 'see Cloudflare’s words above';
    return `Cloudflare refused to ${call.operation}: HTTP ${status}${said}. Hint: ${hint}`;
}

;// CONCATENATED MODULE: ./src/stores/cloudflare.ts



const PROBE_SUFFIX = '_WRITE_CHECK';
const PROBE_VALUE = 'write check by rotate-composio-webhook-secret; not a secret; safe to delete';
function createCloudflareStore(target, settings, context) {
    const { accountId, scriptName } = target;
    const secrets = `${settings.apiUrl}/accounts/${accountId}/workers/scripts/${encodeURIComponent(scriptName)}/secrets`;
    const worker = { accountId, scriptName };
    const call = (request) => callCloudflare(context, settings.token, { ...request, worker });
    const put = (name, text, what) => call({
        method: 'PUT',
        url: secrets,
        body: { name, text, type: 'secret_text' },
        secretName: name,
        conceal: text,
        operation: `write ${what} ${name} to Worker '${scriptName}' of account ${accountId}`
    });
    return {
        label: (0,store_targets/* formatStoreTarget */.Yq)(target),
        /**
         * A Worker has no write that no reader sees: the probe secret <NAME>_WRITE_CHECK is written
         * and deleted again, which deploys two new versions of the Worker (same code, same other
         * bindings; the receiver's own secret is untouched). Cloudflare has no dry-run write and
         * reading the secrets list needs only read access, so nothing less proves the permission.
         */
        async proveWritable(secretName) {
            const probe = `${secretName}${PROBE_SUFFIX}`;
            await put(probe, PROBE_VALUE, 'the probe secret');
            try {
                await call({
                    method: 'DELETE',
                    url: `${secrets}/${encodeURIComponent(probe)}`,
                    operation: `delete the probe secret ${probe} from Worker '${scriptName}'`
                });
            }
            catch (error) {
                context.log.warning(`${error.message}. The probe ${probe} holds no secret; delete it by hand (wrangler secret delete ${probe} --name ${(0,shell/* shellQuote */.Z)(scriptName)}) or let the next run remove it.`);
                return `accepted the probe secret ${probe} (one new version deployed; the probe could not be deleted)`;
            }
            return `accepted the probe secret ${probe}, deleted again (two new versions of the Worker deployed, code and other bindings unchanged)`;
        },
        async write(secretName, secret) {
            // Cloudflare's words are quoted: put() blanks the value out of them first.
            await put(secretName, secret, 'the secret');
        },
        recipe(secretName) {
            const body = `{name: ${JSON.stringify(secretName)}, text: ., type: "secret_text"}`;
            return [
                `printf '%s' "$SECRET" | jq -Rs ${(0,shell/* shellQuote */.Z)(body)} |`,
                `  curl -fsS -o /dev/null -X PUT ${(0,shell/* shellQuote */.Z)(secrets)} \\`,
                `    -H "Authorization: Bearer $CLOUDFLARE_API_TOKEN" -H 'Content-Type: application/json' --data-binary @-`
            ].join('\n');
        }
    };
}


/***/ }),

/***/ 4703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ StoreError)
/* harmony export */ });
// The one interface every runtime store implements: a store is one file that exports a
// create…Store function, plus one line in registry.ts. The run never sees a store's API.
/** What a store refused, in words that say the operation, the resource, the status and a fix. */
class StoreError extends Error {
    status;
    name = 'StoreError';
    constructor(message, 
    /** The HTTP status, when there was an answer. */
    status) {
        super(message);
        this.status = status;
    }
}


/***/ })

};

//# sourceMappingURL=79.index.js.map