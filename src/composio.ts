// The Composio client: one endpoint, rotate_secret, whose answer is the only copy of the new
// secret. https://docs.composio.dev/reference/api-reference/webhooks/postWebhookSubscriptionsByIdRotateSecret
import type { ComposioAuth } from './inputs.js'
import { describeNetworkError, readTextCapped, type Fetch } from './http.js'

export interface ComposioClientOptions {
  baseUrl: string
  auth: ComposioAuth
  fetch: Fetch
  timeoutMs: number
  sleep: (ms: number) => Promise<void>
  /** Called with the secret on the line after it is parsed, before anything else sees it. */
  mask: (secret: string) => void
  log: (message: string) => void
  /** Consulted before each retry: a cancelled run sends no new rotation. */
  mayRetry?: () => boolean
  maxAttempts?: number
}

export interface ComposioErrorDetails {
  message?: string
  slug?: string
  requestId?: string
  suggestedFix?: string
}

export class ComposioError extends Error {
  override name = 'ComposioError'
  constructor(
    message: string,
    readonly status: number | undefined,
    /** Whether the subscription may have been rotated although no secret reached us. */
    readonly mayHaveRotated: boolean
  ) {
    super(message)
  }
}

const MAX_BODY_BYTES = 1024 * 1024
const DEFAULT_MAX_ATTEMPTS = 3
const BACKOFF_BASE_MS = 500
/** Longest Retry-After we wait for; a longer one fails the run (nothing was rotated by a 429). */
export const MAX_RETRY_AFTER_MS = 30_000

const HINTS: Record<number, string> = {
  401: "check the Composio key: 'api-key' is a project API key (x-api-key), 'user-api-key' a user API key (x-user-api-key)",
  403: 'the key lacks permission to manage this webhook subscription',
  404: "check 'subscription-id' and that it belongs to the key's project"
}

/** Composio's error envelope `{"error":{…}}`, a bare `{"message"}` (some 429s), or nothing usable. */
export function parseComposioError(body: string): ComposioErrorDetails {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return {} // HTML error pages and empty bodies carry nothing worth quoting.
  }
  const record = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  const outer = record(parsed)
  const error = 'error' in outer ? record(outer['error']) : outer
  const text = (key: string): string | undefined => {
    const value = error[key]
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  return {
    message: text('message'),
    slug: text('slug'),
    requestId: text('request_id'),
    suggestedFix: text('suggested_fix')
  }
}

/** Returns the secret of a 200 answer, or undefined. JSON errors are swallowed: V8 quotes the input. */
export function parseRotatedSecret(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as unknown
    const secret = (parsed as { secret?: unknown } | null)?.secret
    return typeof secret === 'string' && secret !== '' ? secret : undefined
  } catch {
    return undefined
  }
}

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  // Only an IMF-fixdate: Date.parse also reads '1.5' or '-1' as dates in 2001.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(header.trim()))
    return undefined
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function describeStatus(status: number, details: ComposioErrorDetails): string {
  const parts = [`HTTP ${status}`]
  if (details.slug) parts.push(details.slug)
  let text = parts.join(' ')
  if (details.message) text += `: ${details.message}`
  if (details.requestId) text += ` (request_id: ${details.requestId})`
  if (details.suggestedFix) text += `. Suggested fix: ${details.suggestedFix}`
  const hint = HINTS[status]
  return hint ? `${text}. Hint: ${hint}` : text
}

type Attempt = { secret: string } | { retryAfterMs?: number; error: ComposioError; retry: boolean }

/**
 * POST /api/v3/webhook_subscriptions/{id}/rotate_secret, retried only where a new rotation is
 * harmless: 5xx, 429 and lost answers (the newest rotation is the one that counts).
 */
export async function rotateWebhookSecret(
  options: ComposioClientOptions,
  subscriptionId: string
): Promise<string> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  const url = `${options.baseUrl}/api/v3/webhook_subscriptions/${encodeURIComponent(subscriptionId)}/rotate_secret`
  const operation = `Composio rotate_secret for subscription '${subscriptionId}'`
  let mayHaveRotated = false
  for (let attempt = 1; ; attempt++) {
    const result = await attemptRotation(options, url, operation)
    if ('secret' in result) return result.secret
    mayHaveRotated ||= result.error.mayHaveRotated
    const delay = result.retryAfterMs ?? BACKOFF_BASE_MS * 2 ** (attempt - 1)
    const mayRetry = (): boolean => options.mayRetry?.() ?? true
    const giveUp = (why: string): ComposioError =>
      new ComposioError(`${result.error.message}${why}`, result.error.status, mayHaveRotated)
    if (!result.retry || attempt >= maxAttempts || !mayRetry() || delay > MAX_RETRY_AFTER_MS)
      throw giveUp(attempt > 1 ? ` (after ${attempt} attempts)` : '')
    options.log(
      `${result.error.message}; retrying in ${delay / 1000} s (attempt ${attempt + 1} of ${maxAttempts})`
    )
    await options.sleep(delay)
    // A cancellation during the wait ends it early: ask again, a cancelled run sends no new rotation.
    if (!mayRetry()) throw giveUp(` (cancelled before attempt ${attempt + 1})`)
  }
}

async function attemptRotation(
  options: ComposioClientOptions,
  url: string,
  operation: string
): Promise<Attempt> {
  let response: Response
  let body: string
  try {
    response = await options.fetch(url, {
      method: 'POST',
      headers: { [options.auth.header]: options.auth.value, accept: 'application/json' }
    })
    body = await readTextCapped(response, MAX_BODY_BYTES)
  } catch (error) {
    // The request may have reached Composio and rotated the secret before the answer was lost.
    const reason = describeNetworkError(error, options.timeoutMs)
    return {
      error: new ComposioError(`${operation} failed: ${reason}`, undefined, true),
      retry: true
    }
  }
  if (response.ok) {
    const secret = parseRotatedSecret(body)
    if (secret === undefined) {
      const problem = `${operation} answered HTTP ${response.status} without a non-empty string 'secret' (body not shown: it may hold a secret)`
      return { error: new ComposioError(problem, response.status, true), retry: false }
    }
    options.mask(secret)
    return { secret }
  }
  const details = parseComposioError(body)
  const error = new ComposioError(
    `${operation} failed: ${describeStatus(response.status, details)}`,
    response.status,
    response.status >= 500
  )
  const retry = response.status === 429 || response.status >= 500
  return {
    error,
    retry,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now())
  }
}
