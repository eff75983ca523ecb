// GitHub's rate limits, as GitHub asks them to be honoured, on the bundle with real waits: never
// retry before `retry-after`; after a primary limit, not before `x-ratelimit-reset`; a 429 with
// no signal at all gets a short bounded backoff; a wait longer than a minute is not made.
// https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
import { describe, expect, test } from '@jest/globals'
import type { RunResult } from '../fakes/runner.js'
import {
  NAME,
  PROBE,
  SECRET_WRITE,
  leaksOfAll,
  on,
  replayBodies,
  startScenario,
  type Scenario
} from '../support/scenario.js'

type Reply = { status: number; body: object; headers?: Record<string, string> }

const SECONDARY =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

/** GitHub's answer once the token's primary rate limit is spent, until `reset` (epoch s). */
const primaryLimit = (reset: number): Reply => ({
  status: 403,
  body: { message: 'API rate limit exceeded for installation ID 1.' },
  headers: {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(reset)
  }
})

/** The write of the secret answers `reply` for its first `times` attempts. */
async function limited(reply: () => Reply, times = 1): Promise<Scenario> {
  return startScenario({
    fault: on('PUT', SECRET_WRITE, ({ attempt }) => (attempt <= times ? reply() : undefined))
  })
}

/** The writes of the secret, in order. */
const writes = (scenario: Scenario) =>
  scenario.github.requests.filter(r => r.method === 'PUT' && SECRET_WRITE.test(r.path))

/** Milliseconds between the answer to write `i` and the start of write `i + 1`. */
/**
 * Node's timers run on the event loop's millisecond clock, which lags performance.now() by up to a
 * millisecond: a wait of exactly 1,000 ms can measure 998.7 ms here. Retry-After is in seconds.
 */
const TIMER_SLACK_MS = 2

const gap = (scenario: Scenario, i: number): number =>
  writes(scenario)[i + 1]!.startedAt - writes(scenario)[i]!.endedAt!

function expectStored(scenario: Scenario, result: RunResult): void {
  expect(result.code).toBe(0)
  expect(scenario.composio.rotations).toHaveLength(1)
  expect(scenario.github.secret('acme/app', NAME)).toBe(scenario.composio.currentSecret('ws_123'))
  expect(leaksOfAll(result, scenario.composio)).toEqual([])
}

async function using(scenario: Scenario, body: (s: Scenario) => Promise<void>): Promise<void> {
  try {
    await body(scenario)
  } finally {
    await scenario.close()
  }
}

describe('a rate-limited write is retried no sooner than GitHub asks', () => {
  // The throttling plugin waits out a secondary limit; a 429 with another message is waited out
  // by respectRetryAfter before plugin-retry retries it.
  test.concurrent.each([
    {
      title: '429, retry-after: 1, secondary rate limit: the second PUT comes 1 s later',
      status: 429,
      message: SECONDARY,
      warning: /::warning::GitHub secondary rate limit on PUT .*retrying in 1 s/
    },
    {
      title: '403, retry-after: 1, secondary rate limit: the same',
      status: 403,
      message: SECONDARY,
      warning: /::warning::GitHub secondary rate limit on PUT .*retrying in 1 s/
    },
    {
      title: '429, retry-after: 1, another message: waited out before plugin-retry retries it',
      status: 429,
      message: 'Too Many Requests',
      warning: /::warning::GitHub asks to wait 1 s on PUT .*waiting/
    }
  ])('$title', async ({ status, message, warning }) =>
    using(
      await limited(() => ({ status, body: { message }, headers: { 'retry-after': '1' } })),
      async scenario => {
        const result = await scenario.run()
        expectStored(scenario, result)
        expect(writes(scenario)).toHaveLength(2)
        expect(gap(scenario, 0)).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS)
        expect(result.stdout).toMatch(warning)
      }
    )
  )

  test.concurrent('403, x-ratelimit-remaining: 0: waits until x-ratelimit-reset', async () => {
    let reset = 0
    await using(
      await limited(() => primaryLimit((reset = Math.floor(Date.now() / 1000) + 2))),
      async scenario => {
        const result = await scenario.run()
        expectStored(scenario, result)
        expect(writes(scenario)).toHaveLength(2)
        // The fake logs performance.now() of this process: timeOrigin makes it epoch time.
        const retriedAt = performance.timeOrigin + writes(scenario)[1]!.startedAt
        expect(retriedAt).toBeGreaterThanOrEqual(reset * 1000)
        expect(result.stdout).toMatch(/::warning::GitHub primary rate limit on PUT .*retrying in/)
      }
    )
  })

  // plugin-retry's backoff, (n+1)² × 0.5 s, would grow; but the throttling plugin, inside it,
  // resets the retry count it reads on every 429, so each retry waits 0.5 s. Bounded either way.
  test.concurrent(
    '429 without any header or message: a bounded backoff of 0.5 s, twice',
    async () =>
      using(
        await limited(() => ({ status: 429, body: { message: 'Too Many Requests' } }), 2),
        async scenario => {
          const result = await scenario.run()
          expectStored(scenario, result)
          expect(writes(scenario)).toHaveLength(3)
          expect(gap(scenario, 0)).toBeGreaterThanOrEqual(450)
          expect(gap(scenario, 1)).toBeGreaterThanOrEqual(450)
          expect(gap(scenario, 0) + gap(scenario, 1)).toBeLessThan(5000)
        }
      )
  )

  test.concurrent('429 without any header, every time: three attempts, then the recipe', async () =>
    using(
      await limited(() => ({ status: 429, body: { message: 'Too Many Requests' } }), 99),
      async scenario => {
        const result = await scenario.run()
        expect(result.code).toBe(1)
        expect(writes(scenario)).toHaveLength(3)
        expect(replayBodies(result.stdout).get('acme/app')).toBeDefined()
      }
    )
  )

  // Neither plugin sends it again: the throttling plugin gives up, and plugin-retry is told not to
  // retry what GitHub asked to wait for.
  test.concurrent.each([
    {
      title: 'retry-after: 600: no wait, one PUT, the failed write with its replay recipe',
      message: SECONDARY,
      warning: /secondary rate limit on PUT .*giving up \(it asks for 600 s\)/
    },
    {
      title: '429, retry-after: 600, another message: no wait, no retry',
      message: 'Too Many Requests',
      warning: /GitHub asks to wait 600 s on PUT .*giving up/
    }
  ])('$title', async ({ message, warning }) =>
    using(
      await limited(
        () => ({ status: 429, body: { message }, headers: { 'retry-after': '600' } }),
        99
      ),
      async scenario => {
        const result = await scenario.run()
        expect(result.code).toBe(1)
        expect(writes(scenario)).toHaveLength(1)
        expect(result.wallMs).toBeLessThan(10_000)
        expect(result.stdout).toMatch(warning)
        const secret = scenario.composio.currentSecret('ws_123')!
        const body = replayBodies(result.stdout).get('acme/app')!
        expect(scenario.github.open('acme/app', body.encrypted_value)).toBe(secret)
        expect(leaksOfAll(result, scenario.composio)).toEqual([])
      }
    )
  )
})

describe('no wait after the last attempt', () => {
  test.concurrent(
    '429, retry-after: 2, another message, every time: waits before the 2nd and 3rd attempts, then fails at once',
    async () =>
      using(
        await limited(
          () => ({
            status: 429,
            body: { message: 'Too Many Requests' },
            headers: { 'retry-after': '2' }
          }),
          99
        ),
        async scenario => {
          const result = await scenario.run()
          const exitedBy = performance.now()
          expect(result.code).toBe(1)
          expect(writes(scenario)).toHaveLength(3)
          const said = result.stdout.match(/GitHub asks to wait 2 s on PUT [^\n]*/g)
          expect(said?.map(line => line.replace(/.*; /, ''))).toEqual([
            'waiting',
            'waiting',
            'no attempt left, giving up'
          ])
          // The failure and its recipe come at once, not after another 2 s.
          expect(exitedBy - writes(scenario)[2]!.endedAt!).toBeLessThan(2000)
          expect(replayBodies(result.stdout).get('acme/app')).toBeDefined()
        }
      )
  )
})

describe('a rate limit is reported as one, with the wait GitHub asked for, never as a permission problem', () => {
  const PERMISSION_HINT = /can read this target but not write|may not manage these secrets/

  test.concurrent(
    'a probe PUT answered 403 "secondary rate limit", retry-after: 120: nothing rotated, the hint says to wait 120 s',
    async () =>
      using(
        await startScenario({
          fault: on('PUT', PROBE, {
            status: 403,
            body: { message: SECONDARY },
            headers: { 'retry-after': '120' }
          })
        }),
        async scenario => {
          const result = await scenario.run()
          expect(result.code).toBe(1)
          expect(scenario.composio.rotations).toHaveLength(0)
          const error = result.stdout.split('\n').find(line => line.startsWith('::error::'))!
          expect(error).toContain('Nothing was rotated')
          expect(error).toContain(
            'GitHub rate-limited this request (not a permission problem): it asks to wait 120 s (retry-after)'
          )
          expect(error).not.toMatch(PERMISSION_HINT)
        }
      )
  )

  test.concurrent(
    'a write after the rotation answered 403 with x-ratelimit-remaining: 0: the NOT WRITTEN line says until when',
    async () => {
      const reset = Math.floor(Date.now() / 1000) + 3600
      await using(await limited(() => primaryLimit(reset), 99), async scenario => {
        const result = await scenario.run()
        expect(result.code).toBe(1)
        const until = new Date(reset * 1000).toISOString()
        const text = result.stdout.replace(/%0A/g, '\n')
        expect(text).toMatch(
          new RegExp(
            `acme/app: NOT WRITTEN \\(HTTP 403: API rate limit exceeded for installation ID 1\\.\\. Hint: GitHub rate-limited this request \\(not a permission problem\\): it asks to wait until ${until.replace(/\./g, '\\.')} \\(x-ratelimit-reset\\)`
          )
        )
        expect(text).not.toMatch(PERMISSION_HINT)
        expect(replayBodies(result.stdout).get('acme/app')).toBeDefined()
      })
    }
  )
})
