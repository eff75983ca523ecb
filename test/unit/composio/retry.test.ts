import { describe, expect, test } from '@jest/globals'
import { ComposioError } from '../../../src/composio/errors.js'
import {
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  withRetries,
  type Attempt,
  type RetryPolicy
} from '../../../src/composio/retry.js'
import { failure } from './harness.js'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-27T08:00:00Z')
  test.each<[string | null, number | undefined]>([
    ['2', 2000],
    ['0', 0],
    [' 5 ', 5000],
    ['120', 120000],
    ['Fri, 27 Nov 2026 08:00:07 GMT', 7000],
    ['Fri, 27 Nov 2026 08:01:00 GMT', 60000],
    ['Fri, 27 Nov 2026 07:59:00 GMT', 0],
    ['garbage', undefined],
    ['soon', undefined],
    ['', undefined],
    ['   ', undefined],
    [null, undefined]
  ])('%j → %s', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected)
  })

  // V8's Date.parse reads these as dates in 2001: they must not become 0 ms (retry at once).
  test.each(['1.5', '-1', 'retry 3', '2026-11-27T08:00:07Z'])(
    '%j (not seconds, not an IMF-fixdate) → undefined',
    header => {
      expect(parseRetryAfter(header, now)).toBeUndefined()
    }
  )
})

/** Attempts that fail as scripted, then succeed with 'done'. */
function scripted(failures: { retry: boolean; retryAfterMs?: number; rotated?: boolean }[]) {
  let n = 0
  const attempt = (): Promise<Attempt<string>> => {
    const next = failures[n++]
    if (next === undefined) return Promise.resolve({ value: 'done' })
    const error = new ComposioError(`attempt ${n} failed`, 500, next.rotated ?? false)
    return Promise.resolve({ error, retry: next.retry, retryAfterMs: next.retryAfterMs })
  }
  return { attempt, count: () => n }
}

function policy(overrides: Partial<RetryPolicy> = {}) {
  const sleeps: number[] = []
  const logs: string[] = []
  const options: RetryPolicy = {
    sleep: ms => (sleeps.push(ms), Promise.resolve()),
    log: message => void logs.push(message),
    ...overrides
  }
  return { options, sleeps, logs }
}

describe('withRetries', () => {
  test('backoff 500 then 1000 ms, each retry logged with its attempt number', async () => {
    const { options, sleeps, logs } = policy()
    const { attempt } = scripted([{ retry: true }, { retry: true }])
    await expect(withRetries(options, attempt)).resolves.toBe('done')
    expect(sleeps).toEqual([500, 1000])
    expect(logs).toEqual([
      'attempt 1 failed; retrying in 0.5 s (attempt 2 of 3)',
      'attempt 2 failed; retrying in 1 s (attempt 3 of 3)'
    ])
  })

  test("the server's Retry-After replaces the backoff, up to the maximum", async () => {
    const { options, sleeps } = policy()
    const { attempt } = scripted([
      { retry: true, retryAfterMs: 0 },
      { retry: true, retryAfterMs: MAX_RETRY_AFTER_MS }
    ])
    await expect(withRetries(options, attempt)).resolves.toBe('done')
    expect(sleeps).toEqual([0, 30_000])
  })

  test('a longer Retry-After ends the attempts at once, keeping the error', async () => {
    const { options, sleeps } = policy()
    const { attempt, count } = scripted([{ retry: true, retryAfterMs: 30_001, rotated: true }])
    const error = await failure(withRetries(options, attempt))
    expect(error.message).toBe('attempt 1 failed')
    expect(error.status).toBe(500)
    expect(error.mayHaveRotated).toBe(true)
    expect(count()).toBe(1)
    expect(sleeps).toEqual([])
  })

  test('maxAttempts bounds the attempts; the error says how many were made', async () => {
    const { options } = policy({ maxAttempts: 2 })
    const { attempt, count } = scripted([{ retry: true }, { retry: true }])
    expect((await failure(withRetries(options, attempt))).message).toBe(
      'attempt 2 failed (after 2 attempts)'
    )
    expect(count()).toBe(2)
  })

  test('a cancellation during the wait sends no new attempt', async () => {
    let cancelled = false
    const { options } = policy({
      sleep: () => ((cancelled = true), Promise.resolve()),
      mayRetry: () => !cancelled
    })
    const { attempt, count } = scripted([{ retry: true }])
    expect((await failure(withRetries(options, attempt))).message).toBe(
      'attempt 1 failed (cancelled before attempt 2)'
    )
    expect(count()).toBe(1)
  })

  test('afterFailure is consulted after every failure and can end the attempts', async () => {
    const { options, sleeps } = policy()
    const { attempt, count } = scripted([{ retry: true }, { retry: true }])
    const seen: string[] = []
    const afterFailure = (error: ComposioError): Promise<string | undefined> => {
      seen.push(error.message)
      return Promise.resolve(seen.length === 2 ? 'recovered' : undefined)
    }
    await expect(withRetries(options, attempt, afterFailure)).resolves.toBe('recovered')
    expect(seen).toEqual(['attempt 1 failed', 'attempt 2 failed'])
    expect(count()).toBe(2)
    expect(sleeps).toEqual([500])
  })

  test('afterFailure is consulted even when no retry would follow', async () => {
    const { options } = policy()
    const { attempt } = scripted([{ retry: false }])
    let asked = 0
    const afterFailure = (): Promise<undefined> => (asked++, Promise.resolve(undefined))
    await failure(withRetries(options, attempt, afterFailure))
    expect(asked).toBe(1)
  })
})
