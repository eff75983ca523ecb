export const id = 712;
export const ids = [712];
export const modules = {

/***/ 6803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hy: () => (/* binding */ createFetch),
/* harmony export */   XS: () => (/* binding */ readTextCapped),
/* harmony export */   gl: () => (/* binding */ describeNetworkError)
/* harmony export */ });
/* unused harmony export ResponseTooLargeError */
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


/***/ }),

/***/ 6712:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   productionDeps: () => (/* binding */ productionDeps)
/* harmony export */ });
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6803);
/* harmony import */ var _workflow_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5144);


function productionDeps(timeoutMs) {
    return {
        io: (0,_workflow_js__WEBPACK_IMPORTED_MODULE_1__/* .runnerIo */ .Np)(process.env, process.stdout),
        fetch: (0,_http_js__WEBPACK_IMPORTED_MODULE_0__/* .createFetch */ .Hy)(timeoutMs),
        sleep: (ms, signal) => new Promise(resolve => {
            const timer = setTimeout(resolve, ms);
            signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        }),
        now: () => new Date(),
        signals: process,
        exit: code => process.exit(code)
    };
}


/***/ })

};

//# sourceMappingURL=712.index.js.map