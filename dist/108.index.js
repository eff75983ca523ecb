export const id = 108;
export const ids = [108];
export const modules = {

/***/ 5108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WRITE_CHECK_LABEL: () => (/* binding */ WRITE_CHECK_LABEL),
  WRITE_CHECK_VALUE: () => (/* binding */ WRITE_CHECK_VALUE),
  cliRecipe: () => (/* binding */ cliRecipe),
  createAwsSecretsManagerStore: () => (/* binding */ createAwsSecretsManagerStore)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/shell.ts
var shell = __webpack_require__(997);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./src/http/urls.ts + 1 modules
var urls = __webpack_require__(6146);
// EXTERNAL MODULE: ./src/inputs/store-inputs.ts
var store_inputs = __webpack_require__(5624);
// EXTERNAL MODULE: ./src/stores/store.ts
var store = __webpack_require__(4703);
;// CONCATENATED MODULE: ./src/stores/aws-secretsmanager-client.ts




/** The SDK's standard retry (throttling, 5xx and timeouts, with its backoff), bounded. */
const MAX_ATTEMPTS = 3;
/**
 * Checks the endpoint the SDK would take from the environment now, before any request (a bad
 * one is bad input), then connects on the first call.
 */
function createSecretsManagerCalls(region, context) {
    // Checked with the inputs already (src/inputs/store-inputs.ts); read again, not passed down.
    const endpoint = (0,store_inputs/* configuredAwsEndpoint */.Zr)(context.env);
    let connecting;
    const connect = () => (connecting ??= connectClient(region, endpoint, context));
    return {
        async putSecretValue(input) {
            const { sdk, client } = await connect();
            return withDeadline(context.timeoutMs * MAX_ATTEMPTS, abortSignal => client.send(new sdk.PutSecretValueCommand(input), { abortSignal }));
        },
        async updateSecretVersionStage(input) {
            const { sdk, client } = await connect();
            await withDeadline(context.timeoutMs * MAX_ATTEMPTS, abortSignal => client.send(new sdk.UpdateSecretVersionStageCommand(input), { abortSignal }));
        }
    };
}
/**
 * Each attempt has the handler's timeouts; this bounds the whole call, a slow-drip body and the
 * SDK's backoff included. The SDK reports an abort mid-body as a deserialization error: the
 * deadline is named for what it is.
 */
async function withDeadline(ms, send) {
    const signal = AbortSignal.timeout(ms);
    try {
        return await send(signal);
    }
    catch (error) {
        if (!signal.aborted)
            throw error;
        throw Object.assign(new Error(`the call did not finish within ${ms} ms`), {
            name: 'TimeoutError'
        });
    }
}
async function connectClient(region, endpoint, context) {
    // The documented switch for the SDK's NodeVersionSupportWarning (aws/aws-sdk-js-v3#7983): it
    // goes to stderr, which a runner shows in the user's log, and it is about local Node 20 runs
    // only (the action runs on node24). The SDK reads it when the client is built.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
    const sdk = await __webpack_require__.e(/* import() */ 994).then(__webpack_require__.t.bind(__webpack_require__, 2994, 19));
    // The handler's own warnings (a socket pool at capacity) are for step debug logging only.
    const toDebug = (message) => context.log.debug(message);
    // HTTPS_PROXY and NO_PROXY as for every other request of the action (docs/proxy.md): the SDK
    // itself ignores them. Decided for the regional endpoint's name, or the configured one's.
    const url = endpoint ?? `https://secretsmanager.${region}.amazonaws.com`;
    const agent = new lib/* HttpClient */.Qq('rotate-composio-webhook-secret', [], { keepAlive: true }).getAgent(url);
    // The proxy's tunnelling agent is no https.Agent, and the SDK takes an object without destroy()
    // for an agent's constructor options, then connects directly: give it the method it looks for.
    const tunnel = agent;
    tunnel.destroy ??= () => undefined;
    const agents = url.startsWith('https:')
        ? { httpsAgent: agent }
        : { httpAgent: agent };
    const client = new sdk.SecretsManagerClient({
        region,
        ...(endpoint ? { endpoint } : {}),
        maxAttempts: MAX_ATTEMPTS,
        retryMode: 'standard',
        requestHandler: {
            connectionTimeout: context.timeoutMs,
            requestTimeout: context.timeoutMs,
            // Without it a breached request timeout is only a console warning, and the call goes on.
            throwOnRequestTimeout: true,
            logger: { debug: toDebug, info: toDebug, warn: toDebug, error: toDebug },
            ...agents
        }
    });
    client.middlewareStack.add(next => args => {
        refusePlainHttpOffLoopback(args.request);
        return next(args);
    }, 
    // Before retries and signing: a refused endpoint never sees a request, nor a credential.
    { step: 'build', name: 'refusePlainHttpOffLoopback' });
    return { sdk, client };
}
/**
 * The SDK can also find an endpoint where this action does not look (a profile's endpoint_url
 * in ~/.aws/config): every request is checked where it is about to leave.
 */
function refusePlainHttpOffLoopback(request) {
    if (request?.protocol === 'http:' && !(0,urls/* isLoopback */.U9)(request.hostname ?? '')) {
        throw new store/* StoreError */.A(`the AWS endpoint http://${request.hostname ?? ''} must use https (plain http is allowed only to localhost, so that a credential never crosses a network unencrypted)`);
    }
}

// EXTERNAL MODULE: ./src/http/http.ts
var http = __webpack_require__(8694);
;// CONCATENATED MODULE: ./src/stores/aws-secretsmanager-errors.ts
// What a failed Secrets Manager call says: the operation, the secret and its region, the error
// AWS named and its HTTP status, and what to fix. The SDK raises each error with `name` = the
// service's error type. AWS's own message is quoted (it names the role and the resource), never
// the request, and never the secret should a message ever echo it.



const DOCS = 'docs/aws-secrets-manager.md';
const named = (...names) => (error) => names.includes(error.name ?? '');
const HINTS = [
    [
        error => error.name === 'AccessDeniedException' && /\bKMS\b/i.test(error.message ?? ''),
        () => `The role may not use the secret's KMS key: allow kms:GenerateDataKey and kms:Decrypt on that customer managed key, in the key policy or the role's policy (${DOCS}).`
    ],
    [
        named('AccessDeniedException'),
        call => `The role may not call secretsmanager:${call.operation} on this secret: allow it on the secret's ARN in the role's policy, and check the secret's resource policy for a Deny (${DOCS}).`
    ],
    [
        error => named('EncryptionFailure', 'DecryptionFailure')(error) || /^KMS/.test(error.name ?? ''),
        () => `Secrets Manager could not use the secret's KMS key: check that the key is enabled and not pending deletion, and that the role has kms:GenerateDataKey and kms:Decrypt on it (${DOCS}).`
    ],
    [
        named('ResourceNotFoundException'),
        call => `No secret '${call.secretId}' exists in ${call.region} that this role can see: check the name or ARN, and the region (the ARN's, else AWS_REGION). This action writes an existing secret; it does not create one.`
    ],
    [
        named('InvalidRequestException'),
        () => "Secrets Manager refused it in the secret's present state: a secret scheduled for deletion must be restored first."
    ],
    [
        named('ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded'),
        () => `AWS throttled the call on every attempt (${MAX_ATTEMPTS}): run again later.`
    ],
    [
        named('UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException', 'InvalidClientTokenId', 'IncompleteSignature'),
        () => 'AWS refused the credentials: aws-actions/configure-aws-credentials must run earlier in the same job, and its session must outlast this step (role-duration-seconds).'
    ],
    [
        named('CredentialsProviderError'),
        () => 'No AWS credentials were found: add aws-actions/configure-aws-credentials before this step (with OIDC: permissions: id-token: write).'
    ],
    [
        named('TimeoutError', 'AbortError'),
        call => `No answer within ${call.timeoutMs} ms (timeout-seconds) per attempt, ${MAX_ATTEMPTS} attempts at most.`
    ],
    [
        error => isRedirect(error.$metadata?.httpStatusCode),
        () => 'It answered with a redirect, which is not followed (no credential goes with a redirect): check AWS_ENDPOINT_URL_SECRETS_MANAGER / AWS_ENDPOINT_URL.'
    ],
    [
        error => (error.$metadata?.httpStatusCode ?? 0) >= 500 || error.name === 'InternalServiceError',
        () => `Secrets Manager failed on every attempt (${MAX_ATTEMPTS}): run again later.`
    ]
];
const isRedirect = (status) => status !== undefined && status >= 300 && status < 400;
/** The StoreError for a failed call; `secret`, when given, is blanked out of AWS's message. */
function awsStoreError(error, call, secret) {
    if (error instanceof store/* StoreError */.A)
        return error;
    const sdkError = (typeof error === 'object' && error !== null ? error : {});
    const status = sdkError.$metadata?.httpStatusCode;
    const kind = `${sdkError.name ?? 'Error'}${sdkError.code ? ` ${sdkError.code}` : ''}${status ? ` (HTTP ${status})` : ''}`;
    const hint = HINTS.find(([matches]) => matches(sdkError))?.[1](call);
    // Only an answer is AWS's word; anything else (a timeout, a refused connection) is this side's.
    const source = status ? 'AWS said' : 'Detail';
    const said = sdkError.message ? ` ${source}: ${quoted(sdkError.message, secret)}` : '';
    return new store/* StoreError */.A(`AWS Secrets Manager ${call.operation} on '${call.secretId}' (${call.region}) failed: ${kind}.${hint ? ` ${hint}` : ''}${said}`);
}
function quoted(message, secret) {
    const text = (0,http/* withoutSecret */.Nt)(message, secret);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

;// CONCATENATED MODULE: ./src/stores/aws-secretsmanager.ts
// AWS Secrets Manager as a target: the secret's whole SecretString is the webhook secret, read by
// a Lambda or a container at run time, so the receiver has it one round trip after the write.
// Proved writable before the rotation by a version that only our own staging label points to:
// readers ask for AWSCURRENT and never see it.





/** The staging label of the write check's version: never AWSCURRENT, so no reader gets it. */
const WRITE_CHECK_LABEL = 'ROTATE_COMPOSIO_WRITE_CHECK';
/** What that version holds: plainly not a secret, should anyone list the versions. */
const WRITE_CHECK_VALUE = 'rotate-composio-webhook-secret write check: not a secret, never labelled AWSCURRENT';
function createAwsSecretsManagerStore(target, context) {
    const calls = createSecretsManagerCalls(target.region, context);
    const label = `aws-secretsmanager:${target.secretId}`;
    const { secretId } = target;
    const attempt = async (operation, call, secret) => {
        try {
            return await call();
        }
        catch (error) {
            throw awsStoreError(error, { operation, ...target, timeoutMs: context.timeoutMs }, secret);
        }
    };
    return {
        label,
        async proveWritable() {
            // ClientRequestToken becomes the version's id, and makes the SDK's retries of a write
            // whose answer was lost land on the same version instead of making another.
            const token = (0,external_node_crypto_.randomUUID)();
            const put = await attempt('PutSecretValue', () => calls.putSecretValue({
                SecretId: secretId,
                SecretString: WRITE_CHECK_VALUE,
                VersionStages: [WRITE_CHECK_LABEL],
                ClientRequestToken: token
            }));
            const proved = `wrote a version labelled ${WRITE_CHECK_LABEL}, never AWSCURRENT`;
            try {
                await attempt('UpdateSecretVersionStage', () => calls.updateSecretVersionStage({
                    SecretId: secretId,
                    VersionStage: WRITE_CHECK_LABEL,
                    RemoveFromVersionId: put.VersionId ?? token
                }));
            }
            catch (error) {
                // The write is proved all the same; the label only marks a version no reader asks for,
                // and the next write check moves it.
                context.log.warning(`${label}: the write check's version keeps its label ${WRITE_CHECK_LABEL}. ${error.message} To take it off by hand: ${removeLabelCommand(target, token)}`);
                return `${proved}; the label could not be taken off (see the warning)`;
            }
            return `${proved}, then took the label off`;
        },
        async write(_secretName, secret) {
            // No VersionStages: Secrets Manager moves AWSCURRENT to the new version (and AWSPREVIOUS
            // to the old one), which is what readers get next.
            const put = await attempt('PutSecretValue', () => calls.putSecretValue({
                SecretId: secretId,
                SecretString: secret,
                ClientRequestToken: (0,external_node_crypto_.randomUUID)()
            }), secret);
            // Written means readers get it: only an answer that labels the version AWSCURRENT says so.
            if (!put.VersionStages?.includes('AWSCURRENT')) {
                throw new store/* StoreError */.A(`AWS Secrets Manager PutSecretValue on '${secretId}' (${target.region}) answered without labelling the new version AWSCURRENT: readers may still get the previous value, so it is not counted as written`);
            }
        },
        recipe: () => cliRecipe(target)
    };
}
/**
 * The lines that write the shell variable SECRET (set by the lines the run puts before them,
 * src/report/store-recipe.ts) with the AWS CLI. The value goes in on stdin (`file:///dev/stdin`),
 * never on a command line, where `ps` would show it.
 */
function cliRecipe(target) {
    return [
        `printf '%s' "$SECRET" | aws secretsmanager put-secret-value --region ${(0,shell/* shellQuote */.Z)(target.region)} \\`,
        `  --secret-id ${(0,shell/* shellQuote */.Z)(target.secretId)} --secret-string file:///dev/stdin --query VersionId --output text`
    ].join('\n');
}
/** The AWS CLI line that takes the write check's label off its version (ids are ours: quoted). */
function removeLabelCommand(target, versionId) {
    return [
        `aws secretsmanager update-secret-version-stage --region ${(0,shell/* shellQuote */.Z)(target.region)}`,
        `--secret-id ${(0,shell/* shellQuote */.Z)(target.secretId)} --version-stage ${WRITE_CHECK_LABEL}`,
        `--remove-from-version-id ${(0,shell/* shellQuote */.Z)(versionId)}`
    ].join(' ');
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

//# sourceMappingURL=108.index.js.map