// @ts-check
// Composio's answers on the two webhook-subscription routes the action calls, as Composio's own
// OpenAPI description gives them: this project's schema, written from the facts of
//   ComposioHQ/composio, docs/public/openapi.json ("Composio Platform API v3.1", info.version
//   3.1.0) at commit 030e86e4810ae8a0f64492f4c61ae25207301513: operations
//   getWebhookSubscriptionsById (GET /api/v3.1/webhook_subscriptions/{id}) and
//   postWebhookSubscriptionsByIdRotateSecret (POST …/{id}/rotate_secret; the v3 route the action
//   calls has the same schemas, docs/public/openapi-v3.json), and components.schemas.Error.
// That file's license is proprietary: nothing of it is copied here, only field names, types,
// required fields and status codes. Facts from elsewhere are marked where used:
//   - 429: a bare {"message": …} with Retry-After (Composio's rate-limit reference);
//   - 403: scoped project keys without the "Webhooks" permission (Composio's "Scoped Project API
//     Key" page);
//   - the two-credentials 401 (@composio/client's notes: "Multiple authentication modes were
//     provided…").
// Plain ESM: runs under `node` as is (tests and scripts only).
import _Ajv from 'ajv'

// ajv is CommonJS with a `default` property; this works under node and jest.
const Ajv = _Ajv.default

/** components.schemas.Error: every error of Composio's API. */
const ERROR = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['message', 'code', 'slug', 'status'],
      properties: {
        message: { type: 'string' },
        code: { type: 'number' },
        slug: { type: 'string' },
        status: { type: 'number' },
        request_id: { type: 'string' },
        suggested_fix: { type: 'string' },
        errors: { type: 'array', items: { type: 'string' } }
      }
    }
  }
}

/** Some 429s: a bare message, per Composio's rate-limit reference. */
const BARE_MESSAGE = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string' } }
}

const VERSIONS = ['V1', 'V2', 'V3']

/** getWebhookSubscriptionsById, 200: every field required. */
const SUBSCRIPTION = {
  type: 'object',
  required: [
    'id',
    'webhook_url',
    'version',
    'enabled_events',
    'secret',
    'created_at',
    'updated_at'
  ],
  properties: {
    id: { type: 'string' },
    webhook_url: { type: 'string' },
    version: { type: 'string', enum: VERSIONS },
    enabled_events: { type: 'array', items: { type: 'string' } },
    secret: { type: 'string' },
    created_at: { type: 'string' },
    updated_at: { type: 'string' }
  }
}

/** postWebhookSubscriptionsByIdRotateSecret, 200. */
const ROTATED = {
  type: 'object',
  required: ['id', 'secret'],
  properties: { id: { type: 'string' }, secret: { type: 'string' } }
}

/**
 * Both operations document 200 and, with the Error envelope, 401, 404 and 500. Any other 4xx or
 * 5xx must still be that envelope (Composio's API answers every error with it: 403 for a scoped
 * key, 502 to 504 from its gateway), and a 429 may be the bare message.
 * @typedef {{ path: RegExp, method: string, ok: object, userKey: boolean }} Operation
 */
/** @satisfies {Record<string, Operation>} */
export const OPERATIONS = {
  getWebhookSubscriptionsById: {
    method: 'GET',
    path: /^\/api\/v3\.1\/webhook_subscriptions\/[^/]+$/,
    ok: SUBSCRIPTION,
    // security: ApiKeyAuth only (x-api-key) in the v3.1 description
    userKey: false
  },
  postWebhookSubscriptionsByIdRotateSecret: {
    method: 'POST',
    path: /^\/api\/v3(?:\.1)?\/webhook_subscriptions\/[^/]+\/rotate_secret$/,
    ok: ROTATED,
    // the v3 reference also lists UserApiKeyAuth (x-user-api-key); v3.1 only ApiKeyAuth
    userKey: true
  }
}

const ajv = new Ajv({ strict: true, allErrors: true })
const errorValidator = ajv.compile(ERROR)
const bareValidator = ajv.compile(BARE_MESSAGE)
/** @type {Map<string, import('ajv').ValidateFunction>} */
const okValidators = new Map(Object.entries(OPERATIONS).map(([id, op]) => [id, ajv.compile(op.ok)]))

/**
 * @param {string} method
 * @param {string} path
 * @returns {string | undefined} the operationId
 */
export function operationOf(method, path) {
  return Object.entries(OPERATIONS).find(
    ([, op]) => op.method === method && op.path.test(path)
  )?.[0]
}

/**
 * What an answer breaks of the description, one line per problem (never the values: they may be
 * secrets). `body` is what the fake sends: an object (sent as JSON), a string, or undefined.
 * @param {string | undefined} operationId undefined: a route Composio does not have (an error is due)
 * @param {number} status
 * @param {unknown} body
 * @returns {string[]}
 */
export function checkAnswer(operationId, status, body) {
  let value = body
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body)
    } catch {
      return [`HTTP ${status}: the body is not JSON`]
    }
  }
  if (status >= 200 && status < 300) {
    const validate = operationId === undefined ? undefined : okValidators.get(operationId)
    if (validate === undefined || status !== 200) return [`HTTP ${status} is not documented`]
    return problems(`HTTP ${status}`, validate, value)
  }
  if (status < 400 || status > 599) return [`HTTP ${status} is not documented`]
  if (status === 429 && bareValidator(value)) return []
  return problems(`HTTP ${status}`, errorValidator, value)
}

/**
 * @param {string} where
 * @param {import('ajv').ValidateFunction} validate
 * @param {unknown} value
 * @returns {string[]}
 */
function problems(where, validate, value) {
  if (validate(value)) return []
  return (validate.errors ?? []).map(
    e => `${where} body${e.instancePath} ${e.message ?? 'is invalid'}`
  )
}
