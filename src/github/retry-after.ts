// Failures plugin-retry would retry on its own short backoff, though it must not. A 429 that asks
// for a wait without saying "secondary rate limit": the throttling plugin honours `retry-after`
// only on messages that say so, and GitHub's rule is never to retry before it. This plugin, the
// innermost, waits it out first (so plugin-retry's retry comes after it), or forbids the retry
// when the wait is longer than the run would make, or when no attempt is left (a wait then would
// only delay the failure and its recipe). And a refused redirect, which Octokit reports
// as a 500: asking again would only be redirected again.
import type { Octokit } from '@octokit/core'
import { RedirectRefusedError } from '../http/http.js'

export interface RetryAfterOptions {
  /** plugin-retry's retries, unless a request sets its own. */
  retries: number
  maxWaitSeconds: number
  sleep: (ms: number) => Promise<void>
  /** Milliseconds per second of `retry-after`: 1000 in production, small in tests. */
  unitMs: number
  warn: (message: string) => void
}

type Failure = {
  cause?: unknown
  status?: number
  message?: string
  response?: { headers?: Record<string, string> }
}

/** What the throttling plugin waits for itself: a secondary-limit message, or a primary limit. */
const throttled = (error: Failure): boolean =>
  /\bsecondary rate\b/i.test(error.message ?? '') ||
  error.response?.headers?.['x-ratelimit-remaining'] === '0'

export function respectRetryAfter(options: RetryAfterOptions) {
  return (octokit: Octokit): void => {
    octokit.hook.error('request', async (error, request) => {
      const failure = error as Failure
      if (failure.cause instanceof RedirectRefusedError) request.request.retries = 0
      const seconds = Number(failure.response?.headers?.['retry-after'])
      if (failure.status === 429 && seconds > 0 && !throttled(failure)) {
        // plugin-retry sets retryCount (attempts made before this one) before each retry.
        const { retryCount = 0, retries = options.retries } = request.request as {
          retryCount?: number
          retries?: number
        }
        if (retryCount >= retries) {
          options.warn(
            `GitHub asks to wait ${seconds} s on ${request.method} ${request.url}; no attempt left, giving up`
          )
        } else if (seconds > options.maxWaitSeconds) {
          options.warn(
            `GitHub asks to wait ${seconds} s on ${request.method} ${request.url}; giving up`
          )
          request.request.retries = 0 // read by plugin-retry, which wraps this plugin
        } else {
          options.warn(
            `GitHub asks to wait ${seconds} s on ${request.method} ${request.url}; waiting`
          )
          await options.sleep(seconds * options.unitMs)
        }
      }
      throw error
    })
  }
}
