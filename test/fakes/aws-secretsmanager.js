// @ts-check
// A fake AWS Secrets Manager endpoint on 127.0.0.1 for the real SDK: JSON 1.1 (POST /,
// X-Amz-Target: secretsmanager.<Op>), every request's SigV4 signature verified against the
// test's fake credentials (./aws-sigv4.js) and its members held to the service's model
// (./aws-secretsmanager-model.js), as is every answer the fake sends. Secrets have versions and
// staging labels as the service keeps them, and the fake remembers every value AWSCURRENT ever
// pointed to and every value GetSecretValue returned, so a test can show a reader never saw a
// value. Errors as the service sends them: HTTP 400 (500 for its own faults), x-amzn-ErrorType,
// and {"__type", "message"}. `close()` throws when a request or an answer broke the model,
// unless the test called `expectViolations()`. Plain ESM: runs under `node` as is.
import crypto from 'node:crypto'
import { startFakeServer } from './http-fake.js'
import { checkAnswer, checkRequest } from './aws-secretsmanager-model.js'
import { checkSigV4 } from './aws-sigv4.js'
import { createSecretStore } from './aws-secretsmanager-state.js'

/** @typedef {import('./http-fake.js').FaultAction} FaultAction */
/** @typedef {import('./aws-sigv4.js').FakeCredentials} FakeCredentials */
/**
 * Do the operation, then answer with `then` instead (e.g. reset: "the write happened but the
 * answer was lost").
 * @typedef {{ applyThen: FaultAction }} ApplyThenAction
 */
/** @typedef {(req: { operation: string, attempt: number, body: any }) => FaultAction | ApplyThenAction | undefined} AwsFault */
/** @typedef {{ operation: string | undefined, body: any, status: number | undefined, headers: Record<string, string> }} AwsCall */

export const FAKE_AWS_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIDFAKEEXAMPLE0001',
  secretAccessKey: 'fake-secret-access-key-for-tests-only'
})

/**
 * @param {object} [options]
 * @param {string} [options.region] default us-east-1
 * @param {FakeCredentials} [options.credentials] default FAKE_AWS_CREDENTIALS
 * @param {Record<string, string>} [options.secrets] name → current value (default none)
 * @param {AwsFault} [options.fault]
 */
export async function startFakeSecretsManager(options = {}) {
  const region = options.region ?? 'us-east-1'
  const credentials = options.credentials ?? FAKE_AWS_CREDENTIALS
  const state = createSecretStore(region, options.secrets ?? {})
  let fault = options.fault
  let excused = false
  /** @type {string[]} requests and own answers that break the model: never excused */
  const violations = []
  /** @type {string[]} injected answers that break it */
  const injectedViolations = []
  /** @type {AwsCall[]} */
  const calls = []
  /** @type {Map<string, number>} */
  const attempts = new Map()

  const server = await startFakeServer({
    handle(ctx) {
      const { operation, problems } = checkRequest(ctx)
      /** @type {AwsCall} */
      const call = { operation, body: ctx.body, status: undefined, headers: ctx.headers }
      calls.push(call)
      const refusal = checkSigV4(ctx, { credentials, region, service: 'secretsmanager' })
      if (refusal) return answer(call, awsError(refusal.type, refusal.message))
      if (problems.length > 0 || operation === undefined) {
        violations.push(...problems)
        return answer(call, awsError('ValidationException', problems.join('; ')))
      }
      const attempt = (attempts.get(operation) ?? 0) + 1
      attempts.set(operation, attempt)
      const injected = fault?.({ operation, attempt, body: ctx.body })
      if (injected && !('applyThen' in injected)) return answer(call, injected, true)
      const real = state.apply(operation, ctx.body)
      const own = 'error' in real ? awsError(real.error, real.message) : ok(real.output)
      return answer(call, injected ? injected.applyThen : own, Boolean(injected))
    }
  })

  /**
   * @param {AwsCall} call
   * @param {FaultAction} action
   * @param {boolean} [isInjected]
   * @returns {FaultAction}
   */
  function answer(call, action, isInjected = false) {
    if ('status' in action && action.status !== undefined) {
      call.status = action.status
      const problems = call.operation ? checkAnswer(call.operation, action.status, action.body) : []
      ;(isInjected ? injectedViolations : violations).push(...problems)
    }
    return action
  }

  return {
    url: server.url,
    region,
    calls,
    /** Every request with its timing (performance.now()), as the other fakes keep them. */
    requests: server.requests,
    violations,
    state,
    /** @param {AwsFault | undefined} fn */
    setFault(fn) {
      fault = fn
    },
    /** The test injects answers that break the model on purpose: those are excused. */
    expectViolations() {
      excused = true
    },
    async close() {
      await server.close()
      const broken = excused ? violations : [...violations, ...injectedViolations]
      if (broken.length > 0)
        throw new Error(
          `fake Secrets Manager saw requests or answers that break the model:\n${broken.join('\n')}`
        )
    }
  }
}

/** @param {object} output @returns {FaultAction} */
const ok = output => ({ status: 200, headers: jsonHeaders(), body: output })

/**
 * An error as the service sends it.
 * @param {string} type
 * @param {string} message
 * @param {number} [status] 400 unless given (500 for InternalServiceError)
 * @returns {import('./http-fake.js').ReplyAction}
 */
export function awsError(type, message, status) {
  return {
    status: status ?? (type === 'InternalServiceError' ? 500 : 400),
    headers: {
      ...jsonHeaders(),
      'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazonaws.secretsmanager/`
    },
    body: { __type: type, message }
  }
}

function jsonHeaders() {
  return { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': crypto.randomUUID() }
}
