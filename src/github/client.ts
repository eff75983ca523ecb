// Octokit, light: @octokit/core with only the two plugins this action needs (the full
// @octokit/rest costs ~60 ms of start-up for endpoint methods we would never call).
import { Octokit } from '@octokit/core'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Fetch } from '../http.js'
import { ConcurrencyLimit, RetryScheduler, StartRate } from './limits.js'

export type GitHubClient = InstanceType<typeof Octokit>

export interface GitHubClientOptions {
  baseUrl: string
  token: string
  fetch: Fetch
  warn: (message: string) => void
  /** Milliseconds per unit of Octokit's backoff: 1000 in production, small in tests. */
  backoffUnitMs?: number
}

/** Retries: two, after 0.5 s and 2 s, so a dead API fails a step within seconds, not minutes. */
const RETRIES = 2
/** The longest rate-limit wait worth making; longer, and the run fails (or prints its replay recipe). */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60

/** GitHub allows 100 concurrent requests; a run stays well under. */
const MAX_CONCURRENT_REQUESTS = 50
/** GitHub's secondary limit on content-creating requests. */
const WRITES_PER_MINUTE = 80

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

const ThrottledOctokit = Octokit.plugin(retry, throttling)

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const unit = options.backoffUnitMs ?? 1000
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _: unknown,
      retryCount: number
    ) => {
      const retrying = retryCount < RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS
      options.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter} s` : 'giving up'}`
      )
      return retrying
    }
  return new ThrottledOctokit({
    baseUrl: options.baseUrl,
    auth: options.token,
    userAgent: 'rotate-composio-webhook-secret',
    request: { fetch: options.fetch },
    log: { debug: () => {}, info: () => {}, warn: options.warn, error: options.warn },
    // The retry plugin takes 5xx, 429 and lost answers (its default doNotRetry list); rate-limit
    // 403s and 429s also reach the throttling plugin, which waits as retry-after and
    // x-ratelimit-reset ask.
    retry: { retries: RETRIES, retryAfterBaseValue: unit / 2 },
    throttle: {
      retryAfterBaseValue: unit,
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      // The default write group sends one write a second; here a run's writes go out together,
      // within GitHub's secondary limits: 80 writes a minute, and (all requests) at most 50 at
      // once against GitHub's 100. Not in the plugin's types, but read from these options.
      ...({
        global: new ConcurrencyLimit(MAX_CONCURRENT_REQUESTS),
        write: new StartRate(WRITES_PER_MINUTE, 60_000, sleep),
        retryLimiter: new RetryScheduler(sleep)
      } as object)
    }
  })
}
