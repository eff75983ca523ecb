// Octokit as the toolkit builds it (@actions/github's getOctokit), with @octokit/plugin-throttling
// and @octokit/plugin-retry, bounded so that a dead API fails a step within seconds.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling'
import type { Fetch } from '../http/http.js'
import { ConcurrencyLimit, RetryScheduler } from './limits.js'
import { respectRetryAfter } from './retry-after.js'
import { WriteBudget, type WriteLane } from './write-budget.js'

export type Octokit = ReturnType<typeof getOctokit>

export interface GitHubClient {
  /** Reads, and the writes of the secret (the secret lane of the write budget). */
  octokit: Octokit
  /** The write checks' PUTs and DELETEs only (the check lane, which yields to the secret's writes). */
  writeChecks: Octokit
  /** The write budget both lanes share: the run reserves places in it and takes turns from it. */
  writes: WriteBudget
}

export interface GitHubClientOptions {
  baseUrl: string
  token: string
  fetch: Fetch
  warn: (message: string) => void
  /** The clock the write queue and the rate-limit waits keep: the real one in production. */
  sleep: (ms: number) => Promise<void>
  now: () => number
  /** Milliseconds per unit of Octokit's backoff: 1000 in production, small in tests. */
  backoffUnitMs?: number
}

/** Retries: two, after 0.5 s and 2 s (plugin-retry's (n+1)² units of 0.5 s). */
const RETRIES = 2
/** The longest rate-limit wait worth making; longer, and the request fails (with its recipe). */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60
/**
 * GitHub allows 100 concurrent requests. Each lane has its own slots, so a probe in flight never
 * holds a slot a write of the secret needs: as many as the writes that can start together, and
 * a few for the write checks; 95 in all.
 */
const SECRET_LANE_CONCURRENCY = 80
const CHECK_LANE_CONCURRENCY = 15
/** GitHub's secondary limit on content-creating requests. */
export const WRITES_PER_MINUTE = 80

type LimitHandler = NonNullable<ThrottlingOptions['onRateLimit']>

/**
 * The write queue is built here, in two lanes over one budget. The write checks get a client of
 * their own, whose write queue is the check lane: it yields (a place kept for every write of the
 * secret to come, turns given to those writes first). The main client's is the secret lane,
 * which never holds a request. So no write of the secret, nor any retry of one, waits behind a
 * write check, a probe delete or a retry of either, by construction: write-budget.ts has the
 * rules, docs/timeouts-and-retries.md what they mean for a run.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const writes = new WriteBudget(WRITES_PER_MINUTE, 60_000, options.sleep, options.now)
  return {
    octokit: createOctokit(options, writes.secretLane, SECRET_LANE_CONCURRENCY),
    writeChecks: createOctokit(options, writes.checkLane, CHECK_LANE_CONCURRENCY),
    writes
  }
}

function createOctokit(options: GitHubClientOptions, lane: WriteLane, concurrent: number): Octokit {
  const unit = options.backoffUnitMs ?? 1000
  const { sleep } = options
  // GitHub's rule: never retry before retry-after, and after a primary limit not before
  // x-ratelimit-reset. The throttling plugin waits as they say; when it gives up, plugin-retry
  // (which wraps it, and would retry a 429 on its own short backoff) is told not to retry.
  const onLimit =
    (kind: string): LimitHandler =>
    (retryAfter, request, _octokit, retryCount) => {
      const retrying = retryCount < RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS
      options.warn(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; ${retrying ? `retrying in ${retryAfter} s` : `giving up (it asks for ${retryAfter} s)`}`
      )
      if (!retrying) request.request.retries = 0
      return retrying
    }
  const octokit = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      userAgent: 'rotate-composio-webhook-secret',
      request: { fetch: options.fetch },
      log: { debug: () => {}, info: () => {}, warn: options.warn, error: options.warn },
      // 5xx and lost answers, after 0.5 s and 2 s; 429s without a rate-limit signal too (its
      // default doNotRetry), after 0.5 s each time (the throttling plugin, inside it, resets the
      // retry count it reads on a 429).
      retry: { retries: RETRIES, retryAfterBaseValue: unit / 2 },
      throttle: {
        retryAfterBaseValue: unit,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        // A run's writes go out together, within GitHub's secondary limits: 80 writes a minute
        // (write-budget.ts), and at most 95 requests at once against GitHub's 100. See limits.ts.
        ...({
          global: new ConcurrencyLimit(concurrent),
          write: lane,
          retryLimiter: new RetryScheduler(sleep)
        } as object)
      }
    },
    // Order matters: each plugin wraps the ones before it, so plugin-retry wraps the throttling
    // plugin, which wraps the retry-after guard.
    respectRetryAfter({
      retries: RETRIES,
      maxWaitSeconds: MAX_RATE_LIMIT_WAIT_SECONDS,
      sleep,
      unitMs: unit,
      warn: options.warn
    }),
    throttling,
    retry
  )
  // Octokit hands every request that brings no `request` options of its own the same `request`
  // object, and both plugins write to it (retry counts; `retries` when giving up). A copy per
  // request keeps one request's retries from changing another's. Outermost: before any plugin.
  octokit.hook.wrap('request', (request, requestOptions) => {
    requestOptions.request = { ...requestOptions.request }
    return request(requestOptions)
  })
  return octokit
}
