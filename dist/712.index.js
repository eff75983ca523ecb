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
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
// The one way this action speaks HTTP: undici's fetch with a per-attempt timeout and the
// runner's proxy settings. Composio and Octokit both go through it.

/**
 * A fetch whose every call is bounded by `timeoutMs`: connecting, the headers and the whole body
 * (the signal stays attached while the body is read, so a slow-drip body is cut off too).
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured as self-hosted runners behind a proxy set them.
 */
function createFetch(timeoutMs, env = process.env) {
    // Without a proxy variable undici's default agent is used (EnvHttpProxyAgent warns that it is
    // experimental each time it is built).
    const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some(name => env[name]);
    const dispatcher = proxied ? new undici__WEBPACK_IMPORTED_MODULE_0__/* .EnvHttpProxyAgent */ .J2() : undefined;
    const boundedFetch = (input, init = {}) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        return (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .fetch */ .hd)(input, { ...init, signal, ...(dispatcher && { dispatcher }) });
    };
    return boundedFetch;
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
    if (!(error instanceof Error))
        return 'network error';
    if (error.name === 'TimeoutError')
        return `no complete answer within ${timeoutMs / 1000} s`;
    if (error instanceof ResponseTooLargeError)
        return error.message;
    const cause = error.cause;
    if (cause !== null && typeof cause === 'object') {
        // A failure below fetch (socket, DNS, TLS, proxy): its code and reason name no header.
        const { code, message } = cause;
        const reason = [code, message].filter(part => typeof part === 'string' && part !== '');
        return ['network error:', ...reason].join(' ');
    }
    // Without a cause, fetch refused the request itself, and may quote what it refused: a header
    // value ("Headers.append: \"<value>\" is an invalid header value"), credential included.
    if (HEADER_REFUSAL.test(error.message)) {
        return 'not sent: a header value (a credential?) holds a character that HTTP headers cannot carry (a newline, NUL or non-Latin-1 character)';
    }
    return PLAIN_MESSAGES.has(error.message)
        ? `network error: ${error.message}`
        : `network error (${error.name})`;
}


/***/ }),

/***/ 6712:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   productionDeps: () => (/* binding */ productionDeps)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6803);
// The real collaborators of a run: @actions/core, the network, the clock, the process.


function productionDeps(timeoutMs) {
    return {
        io: {
            setSecret: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq,
            setOutput: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH,
            info: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq,
            warning: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e,
            error: _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3,
            // Local runs have no GITHUB_STEP_SUMMARY, and core.summary.write() throws without it.
            writeSummary: async (markdown) => {
                if (process.env['GITHUB_STEP_SUMMARY'])
                    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown).write();
                else
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(markdown);
            }
        },
        fetch: (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .createFetch */ .Hy)(timeoutMs),
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