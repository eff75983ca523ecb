import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2769);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2769:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

;// CONCATENATED MODULE: ./src/input-reader.ts
// Reading inputs as the runner passes them, and errors that name the input.
class InputError extends Error {
    name = 'InputError';
    constructor(input, problem, kind = 'Input') {
        super(`${kind} '${input}': ${problem}`);
    }
}
/** Reads an input as the runner passes it: INPUT_<NAME UPPERCASED>, hyphens kept, trimmed. */
function input(env, name) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function required(env, name, why = '') {
    const value = input(env, name);
    if (value === '')
        throw new InputError(name, `is required and was empty${why}`);
    return value;
}
/** Runs a parser, turning its error into one that names the input. */
function parsed(name, parse, kind) {
    try {
        return parse();
    }
    catch (error) {
        throw new InputError(name, error.message, kind);
    }
}

// EXTERNAL MODULE: ./src/targets.ts
var src_targets = __nccwpck_require__(8993);
;// CONCATENATED MODULE: ./src/target-inputs.ts
// The inputs that say where the secret goes: targets, or repository and environment, and how an
// organization secret is shared.


function readTargets(env) {
    const lines = input(env, 'targets');
    const repository = input(env, 'repository');
    const environment = input(env, 'environment');
    if (lines !== '') {
        // The runner fills `repository` with its default (github.repository) even when the user did
        // not set it, so only a different repository counts as given.
        if (repository !== '' && repository !== env['GITHUB_REPOSITORY']) {
            throw new InputError('targets', "cannot be combined with 'repository'; list it in targets");
        }
        if (environment !== '') {
            throw new InputError('targets', "cannot be combined with 'environment'; write owner/name@environment");
        }
        return parsed('targets', () => (0,src_targets/* parseTargetLines */.C0)(lines));
    }
    const fullName = repository || env['GITHUB_REPOSITORY'] || '';
    if (fullName === '')
        throw new InputError('repository', 'is required (owner/name) when targets is empty');
    const { owner, repo } = parsed('repository', () => (0,src_targets/* parseRepository */.SU)(fullName));
    return [
        parsed('environment', () => (0,src_targets/* parseTarget */.hu)(environment ? `${owner}/${repo}@${environment}` : `${owner}/${repo}`))
    ];
}
function readOrganizationOptions(env, targets) {
    const visibility = input(env, 'visibility');
    const selected = input(env, 'selected-repositories')
        .split(/[\s,]+/)
        .filter(name => name !== '');
    if (visibility !== '' && !['all', 'private', 'selected'].includes(visibility)) {
        throw new InputError('visibility', `'${visibility}' is not one of all, private, selected`);
    }
    if (visibility !== '' && !targets.some(target => target.kind === 'organization')) {
        throw new InputError('visibility', 'applies only to organization targets (org:NAME)');
    }
    if (visibility === 'selected' && selected.length === 0) {
        throw new InputError('selected-repositories', "is required when visibility is 'selected'");
    }
    if (visibility !== 'selected' && selected.length > 0) {
        throw new InputError('selected-repositories', "is allowed only with visibility 'selected'");
    }
    for (const name of selected) {
        if (!(0,src_targets/* isRepositoryName */.en)(name)) {
            throw new InputError('selected-repositories', `'${name}' is not a repository name`);
        }
    }
    return {
        visibility: (visibility || undefined),
        selectedRepositories: selected
    };
}

;// CONCATENATED MODULE: ./src/urls.ts
// Where a credential may be sent: https anywhere, plain http only to this machine. An API key or
// a token never crosses a network unencrypted.
/** The host names whose traffic never leaves this machine. */
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
/**
 * Checks a URL that requests with credentials will go to and returns it normalized: the origin,
 * plus the path without trailing slashes when `allowPath` (GitHub Enterprise Server's /api/v3).
 */
function credentialUrl(text, { allowPath }) {
    const fail = (problem, shown = text) => {
        throw new Error(`'${shown}' ${problem}`);
    };
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return fail('is not a URL');
    }
    // Never echo a URL that carries credentials: the error would print them.
    if (url.username || url.password)
        fail('must not carry credentials', `${url.protocol}//…@${url.host}`);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        fail('must use https (plain http is allowed only to localhost, so that a key never crosses a network unencrypted)');
    }
    if (url.search || url.hash)
        fail('must not carry a query or a fragment');
    if (!allowPath && url.pathname !== '/')
        fail('must be an origin such as https://backend.composio.dev, without a path');
    return `${url.origin}${allowPath ? url.pathname.replace(/\/+$/, '') : ''}`;
}

;// CONCATENATED MODULE: ./src/inputs.ts
// Every input read and validated once, into one typed settings object, before any request.
// Dependency-free on purpose: a bad input fails before Octokit or libsodium load.



// readSettings throws InputError: callers and tests need it from here.

const DEFAULT_SECRET_NAME = 'COMPOSIO_WEBHOOK_SECRET';
const DEFAULT_COMPOSIO_BASE_URL = 'https://backend.composio.dev';
const DEFAULT_TIMEOUT_SECONDS = 10;
const MAX_TIMEOUT_SECONDS = 300;
/** The inputs that carry credentials. */
const CREDENTIAL_INPUTS = ['github-token', 'api-key', 'user-api-key'];
// Secrets are not passed to workflows from forks nor to Dependabot runs: the likely cause of an
// empty credential input.
const EMPTY_SECRET_HINT = '. If it comes from a secret, note that secrets are not passed to workflows triggered from forks or by Dependabot';
function readSettings(env) {
    const subscriptionId = required(env, 'subscription-id');
    const githubToken = credential('github-token', required(env, 'github-token', EMPTY_SECRET_HINT));
    const targets = readTargets(env);
    return {
        subscriptionId,
        composioAuth: readComposioAuth(env),
        githubToken,
        secretName: readSecretName(env),
        targets,
        ...readOrganizationOptions(env, targets),
        dryRun: readBoolean(env, 'dry-run'),
        composioBaseUrl: readOrigin(env, 'composio-base-url', DEFAULT_COMPOSIO_BASE_URL),
        githubApiUrl: readGitHubApiUrl(env),
        timeoutMs: readTimeoutSeconds(env) * 1000
    };
}
/**
 * Credentials travel in HTTP headers: visible ASCII only. fetch would refuse anything else in an
 * error that quotes the value, so refuse it here, without quoting it.
 */
function credential(name, value) {
    if (!/^[\x21-\x7e]+$/.test(value)) {
        throw new InputError(name, 'holds a character an HTTP header cannot carry (a space, newline, control or non-ASCII character, often from a bad paste); store the secret again');
    }
    return value;
}
function readComposioAuth(env) {
    const apiKey = input(env, 'api-key');
    const userApiKey = input(env, 'user-api-key');
    // Composio answers 401 when both headers are sent, so exactly one is allowed.
    if (apiKey !== '' && userApiKey !== '') {
        throw new InputError('api-key', "and 'user-api-key' were both given; give exactly one");
    }
    if (apiKey !== '')
        return { header: 'x-api-key', value: credential('api-key', apiKey) };
    if (userApiKey !== '')
        return { header: 'x-user-api-key', value: credential('user-api-key', userApiKey) };
    throw new InputError('api-key', `and 'user-api-key' were both empty; give exactly one${EMPTY_SECRET_HINT}`);
}
function checkSecretName(name) {
    if (!/^[A-Za-z0-9_]+$/.test(name))
        return 'may contain only letters, digits and underscores';
    if (/^[0-9]/.test(name))
        return 'must not start with a digit';
    if (/^GITHUB_/i.test(name))
        return 'must not start with GITHUB_';
    return undefined;
}
function readSecretName(env) {
    const name = input(env, 'secret-name') || DEFAULT_SECRET_NAME;
    const problem = checkSecretName(name);
    if (problem)
        throw new InputError('secret-name', `'${name}' ${problem}`);
    return name;
}
function readBoolean(env, name) {
    // The same spellings @actions/core's getBooleanInput accepts (YAML 1.2 core schema).
    const value = input(env, name);
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE', ''].includes(value))
        return false;
    throw new InputError(name, `'${value}' is not a boolean; use true or false`);
}
function readTimeoutSeconds(env) {
    const text = input(env, 'timeout-seconds');
    if (text === '')
        return DEFAULT_TIMEOUT_SECONDS;
    const seconds = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
        throw new InputError('timeout-seconds', `'${text}' is not a number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}`);
    }
    return seconds;
}
/** An origin that credentials may be sent to: https, or plain http only to a loopback host. */
function readOrigin(env, name, fallback) {
    const text = input(env, name) || fallback;
    return parsed(name, () => credentialUrl(text, { allowPath: false }));
}
function readGitHubApiUrl(env) {
    // Not an input: the runner sets GITHUB_API_URL (GitHub Enterprise Server: https://host/api/v3).
    const text = env['GITHUB_API_URL'] || 'https://api.github.com';
    return parsed('GITHUB_API_URL', () => credentialUrl(text, { allowPath: true }), 'Environment variable');
}

// EXTERNAL MODULE: ./src/workflow.ts + 3 modules
var workflow = __nccwpck_require__(5144);
;// CONCATENATED MODULE: ./src/main.ts
// The run's frame: validate inputs with nothing heavy loaded, then load the rest. A bad input
// fails in about the time Node takes to start, before any request.



const processRuntime = {
    env: process.env,
    stdout: process.stdout,
    setExitCode: code => {
        process.exitCode = code;
    }
};
/** The single top-level catch: anything thrown, Error or not, fails the step. */
async function run(runtime = processRuntime) {
    try {
        // Credentials are masked first, valid or not and whatever their source: no later line can
        // show them.
        for (const name of CREDENTIAL_INPUTS) {
            const value = input(runtime.env, name);
            if (value !== '')
                (0,workflow/* command */.G5)(runtime.stdout, 'add-mask', value);
        }
        const settings = readSettings(runtime.env);
        // Octokit, libsodium and the rest load only now, in one chunk.
        const { runInProduction } = await Promise.all(/* import() */[__nccwpck_require__.e(830), __nccwpck_require__.e(137)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7137));
        await runInProduction(settings);
    }
    catch (error) {
        fail(runtime, error instanceof Error ? error.message : String(error));
    }
}
/** Fails the step: an `::error::` annotation and exit code 1. */
function fail(runtime, message) {
    (0,workflow/* command */.G5)(runtime.stdout, 'error', message);
    runtime.setExitCode(1);
}


/***/ }),

/***/ 8993:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C0: () => (/* binding */ parseTargetLines),
/* harmony export */   P4: () => (/* binding */ formatTarget),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   en: () => (/* binding */ isRepositoryName),
/* harmony export */   hu: () => (/* binding */ parseTarget)
/* harmony export */ });
/* unused harmony export MAX_TARGETS */
// Where the rotated secret is written, and the one-line syntax users write targets in.
// Pure and dependency-free: it runs before anything heavy is loaded.
/** GitHub's hard limit on concurrent requests is 100; one rotation feeding more targets is a smell. */
const MAX_TARGETS = 100;
// Owners and organizations: alphanumerics and single inner hyphens, at most 39 characters.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
// Repository names: letters, digits, '.', '-', '_', at most 100 characters, never '.' or '..'.
const REPO = /^(?!\.\.?$)[A-Za-z0-9._-]{1,100}$/;
// Environment names: at most 255 characters, no control characters, no surrounding spaces.
// eslint-disable-next-line no-control-regex
const ENVIRONMENT = /^(?! )[^\u0000-\u001f\u007f]{1,255}(?<! )$/;
/** The line syntax: `owner/name`, `owner/name@environment` or `org:NAME`. */
function formatTarget(target) {
    switch (target.kind) {
        case 'repository':
            return `${target.owner}/${target.repo}`;
        case 'environment':
            return `${target.owner}/${target.repo}@${target.environment}`;
        case 'organization':
            return `org:${target.org}`;
    }
}
/** Parses one target; the error says what is wrong without naming the input (callers add that). */
function parseTarget(text) {
    if (text.toLowerCase().startsWith('org:')) {
        const org = text.slice(4);
        if (!OWNER.test(org))
            throw new Error(`'${org}' is not an organization name`);
        return { kind: 'organization', org };
    }
    const at = text.indexOf('@');
    const repository = at === -1 ? text : text.slice(0, at);
    const { owner, repo } = parseRepository(repository);
    if (at === -1)
        return { kind: 'repository', owner, repo };
    const environment = text.slice(at + 1);
    if (!ENVIRONMENT.test(environment)) {
        throw new Error(`'${environment}' is not an environment name (1 to 255 characters, no control characters, no leading or trailing space)`);
    }
    return { kind: 'environment', owner, repo, environment };
}
function isRepositoryName(name) {
    return REPO.test(name);
}
function parseRepository(text) {
    const parts = text.split('/');
    const [owner, repo] = parts;
    if (parts.length !== 2 || !owner || !repo || !OWNER.test(owner) || !REPO.test(repo)) {
        throw new Error(`'${text}' is not a repository; expected owner/name`);
    }
    return { owner, repo };
}
/**
 * Parses the `targets` input: one target per line, blank lines and `#` comments ignored.
 * Errors name the line number and the line, so a long list is easy to fix.
 */
function parseTargetLines(text) {
    const targets = [];
    const seen = new Map();
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
        const line = raw.replace(/(^|\s)#.*$/, '').trim();
        if (line === '')
            continue;
        const where = `line ${index + 1} ('${line}')`;
        let target;
        try {
            target = parseTarget(line);
        }
        catch (error) {
            throw new Error(`${where}: ${error.message}`);
        }
        // GitHub treats owner, repository, environment and organization names case-insensitively.
        const key = formatTarget(target).toLowerCase();
        const first = seen.get(key);
        if (first !== undefined)
            throw new Error(`${where}: duplicate of line ${first}`);
        seen.set(key, index + 1);
        targets.push(target);
    }
    if (targets.length === 0)
        throw new Error('no targets: give at least one line');
    if (targets.length > MAX_TARGETS) {
        throw new Error(`${targets.length} targets: at most ${MAX_TARGETS} are allowed`);
    }
    return targets;
}


/***/ }),

/***/ 5144:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  G5: () => (/* binding */ command),
  Np: () => (/* binding */ runnerIo)
});

// UNUSED EXPORTS: outputBlock

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/workflow.ts
// The runner's protocol, which is all this action needs of @actions/core: workflow commands on
// stdout, file commands appended to GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
// Why not @actions/core: it imports @actions/http-client and undici (~1 MB of bundle, ~50 ms of
// start-up, measured in docs/benchmarks.md), and without GITHUB_OUTPUT its setOutput falls back
// to printing `::set-output name=secret::<value>` on stdout.




/** `::name::message`, escaped as the runner reads it (the rules of @actions/core). */
function command(stdout, name, message) {
    const escaped = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    stdout.write(`::${name}::${escaped}${external_node_os_namespaceObject.EOL}`);
}
/** `name<<DELIMITER` blocks: the multi-line-safe form of GITHUB_OUTPUT. */
function outputBlock(name, value, delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`) {
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`output ${name}: delimiter collision`);
    return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`;
}
function runnerIo(env, stdout) {
    const info = (message) => void stdout.write(`${message}${external_node_os_namespaceObject.EOL}`);
    return {
        setSecret: value => command(stdout, 'add-mask', value),
        setOutput: (name, value) => {
            const file = env['GITHUB_OUTPUT'];
            // Outside a runner (a local run) there is nowhere safe to put an output: never stdout.
            if (file)
                (0,external_node_fs_namespaceObject.appendFileSync)(file, outputBlock(name, value), 'utf8');
            else
                info(`GITHUB_OUTPUT is not set: output '${name}' not recorded.`);
        },
        info,
        warning: message => command(stdout, 'warning', message),
        error: message => command(stdout, 'error', message),
        writeSummary: async (markdown) => {
            const file = env['GITHUB_STEP_SUMMARY'];
            if (file)
                await (0,promises_namespaceObject.appendFile)(file, `${markdown}${external_node_os_namespaceObject.EOL}`, 'utf8');
            else
                info(markdown);
        }
    };
}


/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map