// @ts-check
// The Secrets Manager operations the action calls (and GetSecretValue, which receivers call), as
// the service's published Smithy model gives them: this project's compact schema, written from
// the facts of aws/aws-sdk-js-v3, codegen/sdk-codegen/aws-models/secrets-manager.json (service
// version 2017-10-17, protocol aws.protocols#awsJson1_1, sigv4 name "secretsmanager") at commit
// 12647db40b2c983bf85141c071ae840dfba92f50: the shapes PutSecretValue, UpdateSecretVersionStage,
// GetSecretValue, their Request/Response structures (required members) and errors lists, and
// the length traits of ClientRequestTokenType and SecretVersionIdType (32–64),
// SecretStringType (1–65536), SecretVersionStageType (1–256), SecretVersionStagesType (1–20
// items). RotationToken on PutSecretValueRequest is a newer member, as the installed
// @aws-sdk/client-secrets-manager's schema has it. SecretIdType's 1–2048 is the API reference's.
// Plain ESM: runs under `node` as is (tests only).

/** @typedef {{ type: 'string', min?: number, max?: number } | { type: 'list', min: number, max: number, item: { min: number, max: number } } | { type: 'blob' } | { type: 'timestamp' }} Member */
/** @typedef {{ input: Record<string, Member>, required: string[], output: string[], errors: string[] }} Operation */

const SECRET_ID = /** @type {Member} */ ({ type: 'string', min: 1, max: 2048 })
const TOKEN = /** @type {Member} */ ({ type: 'string', min: 32, max: 64 })
const STAGE = /** @type {Member} */ ({ type: 'string', min: 1, max: 256 })
const STAGES = /** @type {Member} */ ({ type: 'list', min: 1, max: 20, item: { min: 1, max: 256 } })

/** @type {Record<string, Operation>} */
export const OPERATIONS = {
  PutSecretValue: {
    input: {
      SecretId: SECRET_ID,
      ClientRequestToken: TOKEN,
      SecretBinary: { type: 'blob' },
      SecretString: { type: 'string', min: 1, max: 65536 },
      VersionStages: STAGES,
      RotationToken: { type: 'string' }
    },
    required: ['SecretId'],
    output: ['ARN', 'Name', 'VersionId', 'VersionStages'],
    errors: [
      'DecryptionFailure',
      'EncryptionFailure',
      'InternalServiceError',
      'InvalidParameterException',
      'InvalidRequestException',
      'LimitExceededException',
      'ResourceExistsException',
      'ResourceNotFoundException'
    ]
  },
  UpdateSecretVersionStage: {
    input: {
      SecretId: SECRET_ID,
      VersionStage: STAGE,
      RemoveFromVersionId: TOKEN,
      MoveToVersionId: TOKEN
    },
    required: ['SecretId', 'VersionStage'],
    output: ['ARN', 'Name'],
    errors: [
      'InternalServiceError',
      'InvalidParameterException',
      'InvalidRequestException',
      'LimitExceededException',
      'ResourceNotFoundException'
    ]
  },
  GetSecretValue: {
    input: { SecretId: SECRET_ID, VersionId: TOKEN, VersionStage: STAGE },
    required: ['SecretId'],
    output: [
      'ARN',
      'Name',
      'VersionId',
      'SecretBinary',
      'SecretString',
      'VersionStages',
      'CreatedDate'
    ],
    errors: [
      'DecryptionFailure',
      'InternalServiceError',
      'InvalidParameterException',
      'InvalidRequestException',
      'ResourceNotFoundException'
    ]
  }
}

/**
 * Errors any AWS JSON service may answer whatever the operation (AWS's "Common Errors" page):
 * not in the model's lists, but sent by the service all the same.
 */
export const COMMON_ERRORS = [
  'AccessDeniedException',
  'IncompleteSignature',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'ThrottlingException',
  'ValidationException',
  'SerializationException',
  'ServiceUnavailable'
]

/**
 * What is wrong with a request, by the model: the protocol's headers, the operation, and each
 * member's presence, type and length. An empty list when it conforms.
 * @param {import('./http-fake.js').RequestContext} ctx
 * @returns {{ operation: string | undefined, problems: string[] }}
 */
export function checkRequest(ctx) {
  const problems = []
  if (ctx.method !== 'POST' || ctx.path !== '/')
    problems.push(`expected POST /, got ${ctx.method} ${ctx.path}`)
  if (ctx.headers['content-type'] !== 'application/x-amz-json-1.1')
    problems.push(
      `Content-Type must be application/x-amz-json-1.1, got ${ctx.headers['content-type']}`
    )
  const target = ctx.headers['x-amz-target'] ?? ''
  const operation = target.startsWith('secretsmanager.')
    ? target.slice('secretsmanager.'.length)
    : undefined
  const op = operation === undefined ? undefined : OPERATIONS[operation]
  if (!op)
    return { operation: undefined, problems: [...problems, `unknown X-Amz-Target '${target}'`] }
  const body = ctx.body
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { operation, problems: [...problems, 'the body is not a JSON object'] }
  for (const name of op.required)
    if (body[name] === undefined) problems.push(`${operation}: ${name} is required`)
  for (const [name, value] of Object.entries(body)) {
    const member = op.input[name]
    if (!member) problems.push(`${operation}: unknown member ${name}`)
    else problems.push(...checkMember(`${operation}.${name}`, member, value))
  }
  return { operation, problems }
}

/**
 * @param {string} where
 * @param {Member} member
 * @param {unknown} value
 * @returns {string[]}
 */
function checkMember(where, member, value) {
  if (member.type === 'list') {
    if (!Array.isArray(value)) return [`${where} must be a list`]
    if (value.length < member.min || value.length > member.max)
      return [`${where} must have ${member.min}–${member.max} items`]
    return value.flatMap((item, i) =>
      checkMember(`${where}[${i}]`, { type: 'string', ...member.item }, item)
    )
  }
  if (member.type !== 'string')
    return typeof value === 'string' ? [] : [`${where} must be a string`]
  if (typeof value !== 'string') return [`${where} must be a string`]
  const tooShort = member.min !== undefined && value.length < member.min
  const tooLong = member.max !== undefined && value.length > member.max
  return tooShort || tooLong
    ? [`${where} must be ${member.min ?? 0}–${member.max ?? '∞'} characters`]
    : []
}

/**
 * What is wrong with an answer: an error type the operation cannot send, or a member its
 * output does not have.
 * @param {string} operation
 * @param {number} status
 * @param {any} body
 * @returns {string[]}
 */
export function checkAnswer(operation, status, body) {
  const op = OPERATIONS[operation]
  if (!op) return [`unknown operation ${operation}`]
  if (status >= 300) {
    const type = body?.__type
    return op.errors.includes(type) || COMMON_ERRORS.includes(type)
      ? []
      : [`${operation} cannot answer ${type}`]
  }
  return Object.keys(body ?? {})
    .filter(name => !op.output.includes(name))
    .map(name => `${operation} has no output member ${name}`)
}
