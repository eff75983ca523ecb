// What a failed Secrets Manager call says: the operation, the secret and its region, the error
// AWS named and its HTTP status, and what to fix. The SDK raises each error with `name` = the
// service's error type. AWS's own message is quoted (it names the role and the resource), never
// the request, and never the secret should a message ever echo it.
import { withoutSecret } from '../http/http.js'
import { MAX_ATTEMPTS } from './aws-secretsmanager-client.js'
import { StoreError } from './store.js'

export interface FailedCall {
  operation: 'PutSecretValue' | 'UpdateSecretVersionStage'
  secretId: string
  region: string
  timeoutMs: number
}

interface SdkError {
  name?: string
  message?: string
  code?: string
  $metadata?: { httpStatusCode?: number; attempts?: number }
}

type Hint = [matches: (error: SdkError) => boolean, hint: (call: FailedCall) => string]

const DOCS = 'docs/aws-secrets-manager.md'
const named =
  (...names: string[]) =>
  (error: SdkError) =>
    names.includes(error.name ?? '')

const HINTS: Hint[] = [
  [
    error => error.name === 'AccessDeniedException' && /\bKMS\b/i.test(error.message ?? ''),
    () =>
      `The role may not use the secret's KMS key: allow kms:GenerateDataKey and kms:Decrypt on that customer managed key, in the key policy or the role's policy (${DOCS}).`
  ],
  [
    named('AccessDeniedException'),
    call =>
      `The role may not call secretsmanager:${call.operation} on this secret: allow it on the secret's ARN in the role's policy, and check the secret's resource policy for a Deny (${DOCS}).`
  ],
  [
    error =>
      named('EncryptionFailure', 'DecryptionFailure')(error) || /^KMS/.test(error.name ?? ''),
    () =>
      `Secrets Manager could not use the secret's KMS key: check that the key is enabled and not pending deletion, and that the role has kms:GenerateDataKey and kms:Decrypt on it (${DOCS}).`
  ],
  [
    named('ResourceNotFoundException'),
    call =>
      `No secret '${call.secretId}' exists in ${call.region} that this role can see: check the name or ARN, and the region (the ARN's, else AWS_REGION). This action writes an existing secret; it does not create one.`
  ],
  [
    named('InvalidRequestException'),
    () =>
      "Secrets Manager refused it in the secret's present state: a secret scheduled for deletion must be restored first."
  ],
  [
    named('ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded'),
    () => `AWS throttled the call on every attempt (${MAX_ATTEMPTS}): run again later.`
  ],
  [
    named(
      'UnrecognizedClientException',
      'InvalidSignatureException',
      'ExpiredTokenException',
      'InvalidClientTokenId',
      'IncompleteSignature'
    ),
    () =>
      'AWS refused the credentials: aws-actions/configure-aws-credentials must run earlier in the same job, and its session must outlast this step (role-duration-seconds).'
  ],
  [
    named('CredentialsProviderError'),
    () =>
      'No AWS credentials were found: add aws-actions/configure-aws-credentials before this step (with OIDC: permissions: id-token: write).'
  ],
  [
    named('TimeoutError', 'AbortError'),
    call =>
      `No answer within ${call.timeoutMs} ms (timeout-seconds) per attempt, ${MAX_ATTEMPTS} attempts at most.`
  ],
  [
    error => isRedirect(error.$metadata?.httpStatusCode),
    () =>
      'It answered with a redirect, which is not followed (no credential goes with a redirect): check AWS_ENDPOINT_URL_SECRETS_MANAGER / AWS_ENDPOINT_URL.'
  ],
  [
    error => (error.$metadata?.httpStatusCode ?? 0) >= 500 || error.name === 'InternalServiceError',
    () => `Secrets Manager failed on every attempt (${MAX_ATTEMPTS}): run again later.`
  ]
]

const isRedirect = (status: number | undefined) =>
  status !== undefined && status >= 300 && status < 400

/** The StoreError for a failed call; `secret`, when given, is blanked out of AWS's message. */
export function awsStoreError(error: unknown, call: FailedCall, secret?: string): StoreError {
  if (error instanceof StoreError) return error
  const sdkError = (typeof error === 'object' && error !== null ? error : {}) as SdkError
  const status = sdkError.$metadata?.httpStatusCode
  const kind = `${sdkError.name ?? 'Error'}${sdkError.code ? ` ${sdkError.code}` : ''}${status ? ` (HTTP ${status})` : ''}`
  const hint = HINTS.find(([matches]) => matches(sdkError))?.[1](call)
  // Only an answer is AWS's word; anything else (a timeout, a refused connection) is this side's.
  const source = status ? 'AWS said' : 'Detail'
  const said = sdkError.message ? ` ${source}: ${quoted(sdkError.message, secret)}` : ''
  return new StoreError(
    `AWS Secrets Manager ${call.operation} on '${call.secretId}' (${call.region}) failed: ${kind}.${hint ? ` ${hint}` : ''}${said}`
  )
}

function quoted(message: string, secret: string | undefined): string {
  const text = withoutSecret(message, secret)
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}
