// Composio's retry policy, for the read and the rotation alike: a few attempts, backoff or the
// server's Retry-After, and no new attempt once the run is cancelled.
import { ComposioError } from './errors.js'

export interface RetryPolicy {
  sleep: (ms: number) => Promise<void>
  log: (message: string) => void
  /** Consulted before each retry: a cancelled run sends no new request. */
  mayRetry?: () => boolean
  maxAttempts?: number
}

/** One attempt: a value, or an error and whether another attempt may help. */
export type Attempt<T> =
  { value: T } | { error: ComposioError; retry: boolean; retryAfterMs?: number }

const DEFAULT_MAX_ATTEMPTS = 3
const BACKOFF_BASE_MS = 500
/** Longest Retry-After we wait for; a longer one ends the attempts (a 429 changed nothing). */
export const MAX_RETRY_AFTER_MS = 30_000

/** Seconds or an HTTP date, as RFC 9110 allows; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  const text = header?.trim() ?? ''
  if (text === '') return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // Only an IMF-fixdate: Date.parse also reads '1.5' or '-1' as dates in 2001.
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text))
    return undefined
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * Runs `attempt` until it yields a value or a retry would not help. After each failure
 * `afterFailure` may end the attempts with a value of its own (a rotation recovered by a read).
 */
export async function withRetries<T>(
  options: RetryPolicy,
  attempt: () => Promise<Attempt<T>>,
  afterFailure?: (error: ComposioError) => Promise<T | undefined>
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS
  const mayRetry = (): boolean => options.mayRetry?.() ?? true
  for (let n = 1; ; n++) {
    const result = await attempt()
    if ('value' in result) return result.value
    const recovered = await afterFailure?.(result.error)
    if (recovered !== undefined) return recovered
    const { error } = result
    const giveUp = (why: string): ComposioError =>
      new ComposioError(`${error.message}${why}`, error.status, error.mayHaveRotated)
    const delay = result.retryAfterMs ?? BACKOFF_BASE_MS * 2 ** (n - 1)
    if (!result.retry || n >= maxAttempts || !mayRetry() || delay > MAX_RETRY_AFTER_MS)
      throw giveUp(n > 1 ? ` (after ${n} attempts)` : '')
    options.log(
      `${error.message}; retrying in ${delay / 1000} s (attempt ${n + 1} of ${maxAttempts})`
    )
    await options.sleep(delay)
    // A cancellation during the wait ends it early: ask again, a cancelled run sends nothing new.
    if (!mayRetry()) throw giveUp(` (cancelled before attempt ${n + 1})`)
  }
}
