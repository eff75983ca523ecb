// @ts-check
// Cloudflare's Workers script-secret operations the action calls, as this project's own schema,
// written from the facts of Cloudflare's published API description, the public repository
// cloudflare/api-schemas, openapi.json (nothing copied: field names, types, required fields, enums
// and status codes only). Where each fact was read:
//   - the envelopes, from openapi.json itself (stored copy at commit
//     000680a73ec83a472d7886bb1f8d3ef5cb585c4f, components.schemas.*_api-response-common and
//     *_api-response-common-failure): success, errors, messages, result all required; a failure
//     has success false, at least one {code, message} error, and result null (or an object);
//   - the two operations, from cloudflare/cloudflare-typescript
//     src/resources/workers/scripts/secrets.ts (commit 0469ea117d73650dd0d8d23dd1b544d3af82f612),
//     which Stainless generates from that description (the 3.6 MB file could not be searched
//     for them here):
//       PUT    /accounts/{account_id}/workers/scripts/{script_name}/secrets  "Add a secret to a
//              script": body (binding kind secret_text) name, text, type "secret_text"; 200
//              result {name, type}
//       DELETE /accounts/{account_id}/workers/scripts/{script_name}/secrets/{secret_name}:
//              200, result unknown (null)
//   - account_id is the common 32-character identifier; security a bearer API token.
// Facts from elsewhere: 403 code 10000 "Authentication error" for a token without the permission
// (the team's toolchain notes, "Runtime stores"); 404 code 10007 for a Worker the account does
// not have, and 7003 for a route with an unknown object identifier (Cloudflare's API error codes).
// Plain ESM: runs under `node` as is (tests and scripts only).
import _Ajv from 'ajv'

const Ajv = _Ajv.default

const MESSAGES = {
  type: 'array',
  items: {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: { type: 'integer', minimum: 1000 },
      message: { type: 'string' },
      documentation_url: { type: 'string' }
    }
  }
}

/** api-response-common, with `result` as each operation gives it. */
const success = (/** @type {object} */ result) => ({
  type: 'object',
  required: ['success', 'errors', 'messages', 'result'],
  properties: { success: { const: true }, errors: MESSAGES, messages: MESSAGES, result }
})

const FAILURE = {
  type: 'object',
  required: ['success', 'errors', 'messages', 'result'],
  properties: {
    success: { const: false },
    errors: { ...MESSAGES, minItems: 1 },
    messages: MESSAGES,
    result: { anyOf: [{ type: 'null' }, { type: 'object' }] }
  }
}

/** The secret_text binding kind: the one variant of the request body the action sends. */
const SECRET_TEXT = {
  type: 'object',
  required: ['name', 'text', 'type'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    text: { type: 'string' },
    type: { const: 'secret_text' }
  }
}

const SECRET_BINDING = {
  type: 'object',
  required: ['name', 'type'],
  properties: { name: { type: 'string' }, type: { const: 'secret_text' } }
}

const ACCOUNT_ID = '([^/]{1,32})'
const SCRIPT = '/accounts/' + ACCOUNT_ID + '/workers/scripts/([^/]+)/secrets'

/**
 * @typedef {{ method: string, path: RegExp, body?: object, ok: object }} Operation
 */
/** @satisfies {Record<string, Operation>} */
export const OPERATIONS = {
  putScriptSecret: {
    method: 'PUT',
    path: new RegExp(`^${SCRIPT}$`),
    body: SECRET_TEXT,
    ok: success(SECRET_BINDING)
  },
  deleteScriptSecret: {
    method: 'DELETE',
    path: new RegExp(`^${SCRIPT}/([^/]+)$`),
    body: undefined,
    ok: success({})
  }
}

const ajv = new Ajv({ strict: true, allErrors: true })
const failure = ajv.compile(FAILURE)
const validators = new Map(
  Object.entries(OPERATIONS).map(([id, op]) => [
    id,
    { ok: ajv.compile(op.ok), body: op.body && ajv.compile(op.body) }
  ])
)

/**
 * The operation a request is for, given the path below the API base (`/accounts/…`).
 * @param {string} method @param {string} path @returns {string | undefined}
 */
export function operationOf(method, path) {
  return Object.entries(OPERATIONS).find(
    ([, op]) => op.method === method && op.path.test(path)
  )?.[0]
}

/**
 * What a request breaks of the description, one line per problem (never a value: the body
 * carries the secret).
 * @param {string | undefined} operationId
 * @param {{ headers: Record<string, string>, body: unknown, badJson: boolean }} request
 * @returns {string[]}
 */
export function checkRequest(operationId, request) {
  if (operationId === undefined) return ['no such operation']
  const problems = []
  if (!/^Bearer [^\s]+$/.test(request.headers['authorization'] ?? ''))
    problems.push('no bearer token in Authorization')
  const body = validators.get(operationId)?.body
  if (body) {
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? ''))
      problems.push('Content-Type is not application/json')
    if (request.badJson) problems.push('the body is not JSON')
    else problems.push(...problemsOf('request body', body, request.body))
  }
  return problems
}

/**
 * What an answer breaks of the description.
 * @param {string | undefined} operationId @param {number} status @param {unknown} body
 * @returns {string[]}
 */
export function checkAnswer(operationId, status, body) {
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body)
    } catch {
      return [`HTTP ${status}: the body is not JSON`]
    }
  }
  const ok = operationId === undefined ? undefined : validators.get(operationId)?.ok
  if (status === 200 && ok) return problemsOf(`HTTP ${status} body`, ok, body)
  if (status >= 400 && status <= 599) return problemsOf(`HTTP ${status} body`, failure, body)
  return [`HTTP ${status} is not documented`]
}

/**
 * @param {string} where @param {import('ajv').ValidateFunction} validate @param {unknown} value
 * @returns {string[]}
 */
function problemsOf(where, validate, value) {
  if (validate(value)) return []
  return (validate.errors ?? []).map(e => `${where}${e.instancePath} ${e.message ?? 'is invalid'}`)
}
