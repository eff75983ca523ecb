// @ts-check
// GitHub's own OpenAPI description, as the fake GitHub's referee: the operations it serves,
// extracted from @octokit/openapi by scripts/openapi/extract.js into openapi/github-operations.json,
// compiled with Ajv. checkRequest says what a request breaks, checkResponse what an answer
// breaks. Plain ESM: runs under `node` as is (tests and scripts only; never imported by src/).
import { readFileSync } from 'node:fs'
import _Ajv from 'ajv'
import _addFormats from 'ajv-formats'

// ajv and ajv-formats are CommonJS with a `default` property; this works under node and jest.
const Ajv = _Ajv.default
const addFormats = _addFormats.default

/**
 * @typedef {object} Parameter
 * @property {string} name
 * @property {'path' | 'query'} in
 * @property {boolean} required
 * @property {object} schema
 */
/**
 * @typedef {object} MediaType
 * @property {object} [schema] absent when the status has no body (204)
 * @property {Record<string, unknown>} [examples] example name → value
 */
/**
 * @typedef {object} Operation
 * @property {string} method upper case
 * @property {string} path template, e.g. /repos/{owner}/{repo}
 * @property {Parameter[]} parameters
 * @property {MediaType & { required: boolean }} [requestBody]
 * @property {Record<string, MediaType>} responses status code → media type
 */
/**
 * @typedef {object} Description
 * @property {{ package: string, version: string, integrity?: string, file: string, openapi: string, regenerate: string }} source
 * @property {string[]} operationIds
 * @property {{ from: string, schema: object }} basicError
 * @property {Record<string, Operation>} operations
 */
/**
 * @typedef {object} OperationMatch
 * @property {string} operationId
 * @property {Operation} operation
 * @property {Record<string, string>} params URL-decoded path parameters
 */
/**
 * @typedef {object} RequestToCheck
 * @property {string} method
 * @property {string} path as sent: percent-encoded, without the query string
 * @property {Record<string, string>} [query]
 * @property {unknown} [body] parsed JSON; undefined when there was none
 * @property {string} [rawBody] the body as sent; tells "no body" from "not JSON"
 * @property {string} [contentType]
 */

/** @type {Description} */
export const description = JSON.parse(
  readFileSync(new URL('./openapi/github-operations.json', import.meta.url), 'utf8')
)

/**
 * Client errors GitHub's REST API answers on any operation, whether or not the description lists
 * them for it (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api):
 * 400 unparseable body, 401 bad credentials, 403 no permission, 404 not found (also GitHub's
 * answer when a token may not see the resource), 422 validation failed. The description documents
 * few of them per operation (none for the secrets operations), so an undocumented status from
 * this list passes when its body is the description's own Basic Error; any other undocumented
 * status (a 2xx, a 5xx…) is a problem.
 */
export const GENERIC_ERROR_STATUSES = [400, 401, 403, 404, 422]

// OpenAPI 3.0 schemas: `nullable` (Ajv 8 supports it), `format: int64` (ajv-formats), and
// keywords such as `deprecated` that Ajv's strict mode would refuse.
const ajv = new Ajv({ strict: false, allErrors: true })
addFormats(ajv)

/** @type {Map<string, import('ajv').ValidateFunction>} */
const compiled = new Map()

/**
 * OpenAPI 3.0's `nullable: true` where Ajv does not read it as OpenAPI means it (the issues
 * operations have both): beside `oneOf`/`anyOf` and no `type`, which Ajv refuses, it becomes
 * `anyOf` the schema and null; beside an `enum`, which Ajv would hold null to, null joins the enum.
 * Everything else is copied as it is.
 * @param {unknown} schema
 * @returns {unknown}
 */
export function typedNullable(schema) {
  if (Array.isArray(schema)) return schema.map(typedNullable)
  if (typeof schema !== 'object' || schema === null) return schema
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === 'enum' || key === 'default' ? value : typedNullable(value)
    ])
  )
  if (copy.nullable !== true) return copy
  if (Array.isArray(copy.enum) && !copy.enum.includes(null)) copy.enum = [...copy.enum, null]
  if ('type' in copy) return copy
  delete copy.nullable
  return { anyOf: [copy, { type: 'null' }] }
}
/**
 * Compiled once per key (the full-repository schema alone takes a few hundred ms).
 * @param {string} key
 * @param {object} schema
 */
function validator(key, schema) {
  let validate = compiled.get(key)
  if (!validate) {
    validate = ajv.compile(/** @type {object} */ (typedNullable(schema)))
    compiled.set(key, validate)
  }
  return validate
}

/**
 * A path or query value (text) as the JSON value its schema is about: `per_page=100` is the
 * integer 100. Only plain decimal text counts as a number (`1e2`, `0x10`, ` 5` stay text, and so
 * fail an integer schema); `true` / `false` are booleans.
 * @param {string} text
 * @param {any} schema
 * @returns {unknown}
 */
export function fromText(text, schema) {
  const types = [schema?.type].flat()
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(text))
    return Number(text)
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true'
  return text
}

/**
 * Ajv's errors as one line each, prefixed with where: `body/selected_repository_ids/0 must be
 * integer`. The offending values are not repeated (they may be sealed secrets).
 * @param {string} where
 * @param {import('ajv').ErrorObject[] | null | undefined} errors
 * @returns {string[]}
 */
function describeErrors(where, errors) {
  return (errors ?? []).map(e => {
    const at = `${where}${e.instancePath}`
    const params = /** @type {Record<string, unknown>} */ (e.params)
    let detail = ''
    if (e.keyword === 'enum')
      detail = ` (${/** @type {unknown[]} */ (params.allowedValues).join(', ')})`
    else if (e.keyword === 'additionalProperties')
      detail = ` (${String(params.additionalProperty)})`
    return `${at} ${e.message ?? 'is invalid'}${detail}`
  })
}

/**
 * @param {string} operationId
 * @returns {Operation | undefined}
 */
export function operation(operationId) {
  return Object.hasOwn(description.operations, operationId)
    ? description.operations[operationId]
    : undefined
}

/** @param {string} path @returns {string[] | undefined} URL-decoded segments */
function decodeSegments(path) {
  try {
    return path.split('/').slice(1).map(decodeURIComponent)
  } catch {
    return undefined
  }
}

/**
 * Every operation whose path template matches the path, whatever its method. Literal segments
 * match exactly; `{name}` matches one whole segment (URL-decoded).
 * @param {string} path
 * @returns {(OperationMatch & { literals: boolean[] })[]}
 */
function matchTemplates(path) {
  const segments = decodeSegments(path)
  if (!segments) return []
  /** @type {(OperationMatch & { literals: boolean[] })[]} */
  const matches = []
  for (const [operationId, op] of Object.entries(description.operations)) {
    const parts = op.path.split('/').slice(1)
    if (parts.length !== segments.length) continue
    /** @type {Record<string, string>} */
    const params = {}
    const literals = []
    let ok = true
    for (let i = 0; ok && i < parts.length; i++) {
      const part = /** @type {string} */ (parts[i])
      const segment = /** @type {string} */ (segments[i])
      const param = /^\{(.+)\}$/.exec(part)
      if (param) params[/** @type {string} */ (param[1])] = segment
      else ok = part === segment
      literals.push(!param)
    }
    if (ok) matches.push({ operationId, operation: op, params, literals })
  }
  return matches
}

/**
 * The operation a request is for: the method's operation whose template matches the raw path,
 * the most literal one when several do (GET …/secrets/public-key is the public key, not a secret
 * called "public-key").
 * @param {string} method
 * @param {string} path as sent (percent-encoded), without the query string
 * @returns {OperationMatch | undefined}
 */
export function matchOperation(method, path) {
  const candidates = matchTemplates(path).filter(m => m.operation.method === method.toUpperCase())
  candidates.sort((a, b) => {
    for (let i = 0; i < a.literals.length; i++)
      if (a.literals[i] !== b.literals[i]) return a.literals[i] ? -1 : 1
    return 0
  })
  const best = candidates[0]
  return best && { operationId: best.operationId, operation: best.operation, params: best.params }
}

/**
 * What a request breaks in the description: an unknown route, a path or query parameter that
 * does not fit its schema (or is missing, or is not documented), a JSON body that does not fit
 * the request body schema (or is missing, or is not JSON, or is sent where none is documented).
 * @param {RequestToCheck} request
 * @returns {{ operationId: string | undefined, problems: string[] }}
 */
export function checkRequest(request) {
  const { method, path, query = {}, body, rawBody, contentType } = request
  const match = matchOperation(method, path)
  if (!match) {
    if (!decodeSegments(path)) return { operationId: undefined, problems: ['malformed path'] }
    const others = [...new Set(matchTemplates(path).map(m => m.operation.method))]
    const problem = others.length
      ? `${method} is not documented for this path (only ${others.join(', ')})`
      : `no operation matches ${method} ${path}`
    return {
      operationId: undefined,
      problems: [
        `${problem}; the fake checks the ${description.operationIds.length} operations scripts/openapi/extract.js extracts`
      ]
    }
  }
  const { operationId, operation: op, params } = match
  /** @type {string[]} */
  const problems = []

  for (const p of op.parameters.filter(p => p.in === 'path')) {
    const value = params[p.name]
    if (value === undefined || value === '') {
      problems.push(`path parameter ${p.name} is empty`)
      continue
    }
    const validate = validator(`${operationId} path ${p.name}`, p.schema)
    if (!validate(fromText(value, p.schema)))
      problems.push(...describeErrors(`path ${p.name}`, validate.errors))
  }

  const queryParams = op.parameters.filter(p => p.in === 'query')
  for (const [name, value] of Object.entries(query)) {
    const p = queryParams.find(q => q.name === name)
    if (!p) {
      problems.push(`query parameter ${name} is not documented for ${operationId}`)
      continue
    }
    const validate = validator(`${operationId} query ${name}`, p.schema)
    if (!validate(fromText(value, p.schema)))
      problems.push(...describeErrors(`query ${name}`, validate.errors))
  }
  for (const p of queryParams)
    if (p.required && !(p.name in query)) problems.push(`query parameter ${p.name} is required`)

  const sent = body !== undefined || (rawBody !== undefined && rawBody !== '')
  const documented = op.requestBody
  if (!documented) {
    if (sent) problems.push(`${operationId} documents no request body, yet one was sent`)
  } else if (body === undefined) {
    if (sent) problems.push('the request body is not JSON')
    else if (documented.required) problems.push(`${operationId} requires a JSON request body`)
  } else {
    if (contentType !== undefined && !/^application\/json\b/i.test(contentType))
      problems.push(`the request body is sent as ${contentType}, not application/json`)
    if (documented.schema) {
      const validate = validator(`${operationId} request`, documented.schema)
      if (!validate(body)) problems.push(...describeErrors('body', validate.errors))
    }
  }
  return { operationId, problems }
}

/**
 * What an answer breaks in the description: a status the operation does not document (see
 * GENERIC_ERROR_STATUSES), a body that does not fit that status's schema, a body on a status
 * that has none (204), or no body where one is documented.
 * @param {string} operationId
 * @param {number} status
 * @param {unknown} body the parsed JSON answer; undefined when there is none
 * @returns {string[]}
 */
export function checkResponse(operationId, status, body) {
  const op = operation(operationId)
  if (!op) return [`unknown operationId ${operationId}`]
  const code = String(status)
  const documented =
    op.responses[code] ?? op.responses[`${code[0]}XX`] ?? op.responses['default'] ?? undefined
  /** @type {{ schema?: object, key: string }} */
  let expected
  if (documented) expected = { schema: documented.schema, key: `${operationId} ${code}` }
  else if (GENERIC_ERROR_STATUSES.includes(status))
    expected = { schema: description.basicError.schema, key: 'basic-error' }
  else {
    const listed = Object.keys(op.responses).join(', ')
    return [`status ${status} is not documented for ${operationId} (documented: ${listed})`]
  }
  if (!expected.schema) {
    return body === undefined
      ? []
      : [`status ${status} of ${operationId} has no body, yet one was sent`]
  }
  if (body === undefined)
    return [`status ${status} of ${operationId} has a JSON body in the description; none was sent`]
  const validate = validator(`response ${expected.key}`, expected.schema)
  return validate(body) ? [] : describeErrors(`response ${status} body`, validate.errors)
}

/**
 * A copy of the description's example answer of an operation (its first example), to build a
 * complete answer on; undefined when the description has none.
 * @param {string} operationId
 * @param {number | string} status
 * @returns {any}
 */
export function exampleOf(operationId, status) {
  const examples = operation(operationId)?.responses[String(status)]?.examples
  const first = examples && Object.values(examples)[0]
  return first === undefined ? undefined : structuredClone(first)
}
