// The Composio client: the rotation, whose answer is the only copy of the new secret
// (https://docs.composio.dev/reference/api-reference/webhook-subscriptions/postWebhookSubscriptionsByIdRotateSecret),
// and the v3.1 read of the subscription, which also carries its current secret
// (https://docs.composio.dev/reference/api-reference/webhook-subscriptions/getWebhookSubscriptionsById).
import {
  RedirectRefusedError,
  describeNetworkError,
  readTextCapped,
  type Fetch
} from '../http/http.js'
import type { ComposioAuth } from '../inputs/settings.js'
import { ComposioError, describeStatus, parseComposioError } from './errors.js'
import { parseRetryAfter, withRetries, type Attempt, type RetryPolicy } from './retry.js'
import {
  namesAnotherSubscription,
  parseRotatedSecret,
  parseSubscription,
  type Subscription
} from './subscription.js'

export interface ComposioClientOptions extends RetryPolicy {
  baseUrl: string
  auth: ComposioAuth
  fetch: Fetch
  timeoutMs: number
  /** Called with every full secret on the line after it is parsed, before anything else sees it. */
  mask: (secret: string) => void
}

const MAX_BODY_BYTES = 1024 * 1024

/**
 * POST /api/v3/webhook_subscriptions/{id}/rotate_secret, retried where a new rotation is
 * harmless (5xx, 429, lost answers: the newest rotation is the one that counts). After each
 * failure `afterFailure` may recover the secret another way (a read), ending the attempts.
 */
export function rotateWebhookSecret(
  options: ComposioClientOptions,
  subscriptionId: string,
  afterFailure?: (error: ComposioError) => Promise<string | undefined>
): Promise<string> {
  return withRetries(options, () => rotateOnce(options, subscriptionId), afterFailure)
}

/** GET /api/v3.1/webhook_subscriptions/{id}, retried like the rotation (a read is always safe). */
export function readWebhookSubscription(
  options: ComposioClientOptions,
  subscriptionId: string
): Promise<Subscription> {
  return withRetries(options, () => readOnce(options, subscriptionId))
}

async function rotateOnce(
  options: ComposioClientOptions,
  subscriptionId: string
): Promise<Attempt<string>> {
  const operation = `Composio rotate_secret for subscription '${subscriptionId}'`
  const path = `/api/v3/webhook_subscriptions/${encodeURIComponent(subscriptionId)}/rotate_secret`
  // Without an answer, the request may have reached Composio and rotated the secret.
  const answer = await send(options, 'POST', path, operation, { lostMayHaveRotated: true })
  if ('error' in answer) return answer
  const rotation = judgeRotationAnswer(answer, subscriptionId)
  if ('problem' in rotation) {
    const message = `${operation} ${rotation.problem} (body not shown: it may hold a secret)`
    return { error: new ComposioError(message, answer.status, true), retry: false }
  }
  options.mask(rotation.secret)
  return { value: rotation.secret }
}

/**
 * The rotation's answer is the secret, whatever it looks like: never judged as a read is. Only
 * the documented answer proves this subscription's rotation: a 200 naming it (or no id at all).
 */
function judgeRotationAnswer(
  { status, body }: { status: number; body: string },
  subscriptionId: string
): { secret: string } | { problem: string } {
  if (status !== 200) {
    return {
      problem: `answered HTTP ${status}, not the 200 of a done rotation, so whether it rotated is not known`
    }
  }
  if (namesAnotherSubscription(body, subscriptionId)) {
    return {
      problem: "answered HTTP 200 naming another subscription's id: its secret is not this one's"
    }
  }
  const secret = parseRotatedSecret(body)
  return secret === undefined
    ? { problem: "answered HTTP 200 without a full 'secret'" }
    : { secret }
}

async function readOnce(
  options: ComposioClientOptions,
  subscriptionId: string
): Promise<Attempt<Subscription>> {
  const operation = `Composio read of subscription '${subscriptionId}'`
  const path = `/api/v3.1/webhook_subscriptions/${encodeURIComponent(subscriptionId)}`
  const answer = await send(options, 'GET', path, operation, { lostMayHaveRotated: false })
  if ('error' in answer) return answer
  const subscription = parseSubscription(answer.body)
  if (subscription === undefined) {
    const problem = `${operation} answered HTTP ${answer.status} without a subscription (body not shown: it may hold a secret)`
    return { error: new ComposioError(problem, undefined, false), retry: false }
  }
  if (subscription.secret !== undefined) options.mask(subscription.secret)
  return { value: subscription }
}

/** A 2xx answer's status and body, or the failed attempt. */
async function send(
  options: ComposioClientOptions,
  method: 'GET' | 'POST',
  path: string,
  operation: string,
  { lostMayHaveRotated }: { lostMayHaveRotated: boolean }
): Promise<{ status: number; body: string } | Exclude<Attempt<never>, { value: never }>> {
  let response: Response
  let body: string
  try {
    response = await options.fetch(`${options.baseUrl}${path}`, {
      method,
      headers: { [options.auth.header]: options.auth.value, accept: 'application/json' }
    })
    body = await readTextCapped(response, MAX_BODY_BYTES)
  } catch (error) {
    const reason = describeNetworkError(error, options.timeoutMs)
    // A refused redirect is an answer that did nothing: no retry, nothing rotated.
    const redirected = error instanceof RedirectRefusedError
    const status = redirected ? error.status : undefined
    const mayHaveRotated = lostMayHaveRotated && !redirected
    const failure = new ComposioError(`${operation} failed: ${reason}`, status, mayHaveRotated)
    return { error: failure, retry: !redirected }
  }
  if (response.ok) return { status: response.status, body }
  const { status } = response
  const details = parseComposioError(body)
  const message = `${operation} failed: ${describeStatus(status, details, options.auth.header)}`
  return {
    error: new ComposioError(message, status, lostMayHaveRotated && status >= 500),
    retry: status === 429 || status >= 500,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now())
  }
}
