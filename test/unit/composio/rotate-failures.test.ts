import { describe, expect, test } from '@jest/globals'
import { rotateWebhookSecret } from '../../../src/composio/client.js'
import { RedirectRefusedError } from '../../../src/http/http.js'
import { BASE_URL, SECRET, expectNoLeak, failure, harness, json, timeoutError } from './harness.js'
import type { Harness } from './harness.js'

const ok = () => json(200, { secret: SECRET })
const OPERATION = "Composio rotate_secret for subscription 'ws_1'"

/** How a rotation through `h` failed, to hold up to toMatchObject. */
async function rotateFailure(h: Harness, subscription = 'ws_1') {
  const error = await failure(rotateWebhookSecret(h.options, subscription))
  return {
    calls: h.calls.length,
    sleeps: h.sleeps,
    events: h.events,
    status: error.status,
    mayHaveRotated: error.mayHaveRotated,
    message: error.message
  }
}

describe('rotateWebhookSecret: refusals (one call, nothing rotated)', () => {
  test('401 envelope → message, slug, request_id, suggested fix and hint', async () => {
    const h = harness([
      json(401, {
        error: {
          message: 'Invalid API key provided',
          code: 801,
          slug: 'APIKey_InvalidAPIKey',
          status: 401,
          request_id: 'req_9f8e7d',
          suggested_fix: 'Generate a new API key in the dashboard'
        }
      })
    ])
    const failed = await rotateFailure(h, 'ws_42')
    expect(failed).toMatchObject({
      calls: 1,
      sleeps: [],
      status: 401,
      mayHaveRotated: false,
      message:
        "Composio rotate_secret for subscription 'ws_42' failed: HTTP 401 APIKey_InvalidAPIKey: Invalid API key provided (request_id: req_9f8e7d). Suggested fix: Generate a new API key in the dashboard. Hint: check the Composio key: 'api-key' is a project API key (x-api-key), 'user-api-key' a user API key (x-user-api-key)"
    })
    expectNoLeak(h, [failed.message])
  })

  test.each([
    [403, 'lacks permission'],
    [404, "check 'subscription-id'"],
    [400, 'HTTP 400: nope'],
    [409, 'HTTP 409: nope']
  ])('%d → no retry', async (status, fragment) => {
    const h = harness([json(status, { message: 'nope' }), ok()])
    expect(await rotateFailure(h)).toMatchObject({
      calls: 1,
      sleeps: [],
      status,
      mayHaveRotated: false,
      message: expect.stringContaining(fragment)
    })
  })

  test.each([
    ['31 s', '31'],
    ['an HTTP date far ahead', 'Fri, 01 Jan 2100 00:00:00 GMT']
  ])('429 with Retry-After of %s → fails at once, without waiting', async (_name, retryAfter) => {
    const h = harness([{ status: 429, headers: { 'retry-after': retryAfter } }, ok()])
    expect(await rotateFailure(h)).toMatchObject({
      calls: 1,
      sleeps: [],
      status: 429,
      mayHaveRotated: false,
      message: `${OPERATION} failed: HTTP 429`
    })
  })

  test('a refused redirect: no retry, nothing rotated, only the origin named', async () => {
    const url = `${BASE_URL}/api/v3/webhook_subscriptions/ws_1/rotate_secret`
    const h = harness([new RedirectRefusedError(307, 'https://evil.example/c?key=k', url), ok()])
    expect(await rotateFailure(h)).toMatchObject({
      calls: 1,
      status: 307,
      mayHaveRotated: false,
      message: `${OPERATION} failed: answered HTTP 307, a redirect to https://evil.example, which is not followed (no credential goes with a redirect); check the URL`
    })
  })

  test.each([
    ['a number secret', '{"secret":123}'],
    ['an empty secret', '{"secret":""}'],
    ['no secret', '{"id":"ws_1","webhook_secret":"whsec_FAKE_SECRET_777"}'],
    ['non-JSON holding a secret', 'secret=whsec_FAKE_SECRET_777; more text'],
    ['truncated JSON holding a secret', '{"secret":"whsec_FAKE_SECRET_777'],
    ['an empty body', '']
  ])('200 with %s → error after one call, body not shown', async (_name, body) => {
    const h = harness([{ status: 200, body }, ok()])
    expect(await rotateFailure(h)).toMatchObject({
      calls: 1,
      events: [],
      status: 200,
      mayHaveRotated: true,
      message: `${OPERATION} answered HTTP 200 without a full 'secret' (body not shown: it may hold a secret)`
    })
  })
})

describe('rotateWebhookSecret: no answer (retried, may have rotated)', () => {
  test('5xx three times → error after 3 calls', async () => {
    const h = harness([{ status: 500 }, { status: 502 }, { status: 503, body: SECRET }])
    const failed = await rotateFailure(h)
    expect(failed).toMatchObject({
      calls: 3,
      sleeps: [500, 1000],
      status: 503,
      mayHaveRotated: true,
      message: `${OPERATION} failed: HTTP 503 (after 3 attempts)`
    })
    expectNoLeak(h, [failed.message])
  })

  test('429 three times → not rotated', async () => {
    const h = harness([{ status: 429 }, { status: 429 }, { status: 429 }])
    expect(await rotateFailure(h)).toMatchObject({ calls: 3, mayHaveRotated: false })
  })

  test('a 500 then a 401 → the 401, yet the 500 may have gone through', async () => {
    const h = harness([{ status: 500 }, { status: 401 }])
    expect(await rotateFailure(h)).toMatchObject({
      calls: 2,
      status: 401,
      message: `${OPERATION} failed: HTTP 401. Hint: check the Composio key: 'api-key' is a project API key (x-api-key), 'user-api-key' a user API key (x-user-api-key) (after 2 attempts)`
    })
    // The 500 may have rotated: the caller learns it from afterFailure (src/rotation/rotate.ts reads
    // the subscription back after it), not from this last error's mayHaveRotated.
  })

  test('fetch failing 3 times → its cause, after 3 calls', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
      code: 'ECONNREFUSED'
    })
    const h = harness([
      new TypeError('fetch failed'),
      new TypeError('fetch failed'),
      new TypeError('fetch failed', { cause })
    ])
    expect(await rotateFailure(h)).toMatchObject({
      sleeps: [500, 1000],
      status: undefined,
      mayHaveRotated: true,
      message: `${OPERATION} failed: network error: ECONNREFUSED connect ECONNREFUSED 10.0.0.1:443 (after 3 attempts)`
    })
  })

  test('a timeout is described with the configured time', async () => {
    const h = harness([timeoutError()], { maxAttempts: 1, timeoutMs: 2500 })
    expect(await rotateFailure(h)).toMatchObject({
      message: `${OPERATION} failed: timed out after 2.5 s (timeout-seconds)`,
      mayHaveRotated: true
    })
  })

  test('mayRetry returning false stops after the first failure', async () => {
    let asked = 0
    const h = harness([{ status: 500 }, ok()], { mayRetry: () => (asked++, false) })
    const failed = await rotateFailure(h)
    expect(asked).toBe(1)
    expect(failed).toMatchObject({ calls: 1, sleeps: [], message: `${OPERATION} failed: HTTP 500` })
  })

  test('mayRetry turning false after one retry stops at the second failure', async () => {
    // Asked before each backoff wait and again after it (a cancellation may end the wait early).
    let asked = 0
    const h = harness([{ status: 500 }, { status: 500 }, ok()], { mayRetry: () => ++asked < 3 })
    expect(await rotateFailure(h)).toMatchObject({ calls: 2, sleeps: [500] })
  })
})

// Review of issue 22 (the "rotated" claim): only the documented answer proves this subscription's
// rotation. Anything else may have rotated (the read after it decides), and its secret is not stored.
describe('rotateWebhookSecret: a 2xx that does not prove this rotation', () => {
  test.each([
    ['201 with a secret', 201],
    ['202 with a secret (accepted, not done)', 202]
  ])('%s → error after one call, nothing masked or returned', async (_name, status) => {
    const h = harness([json(status, { id: 'ws_1', secret: SECRET }), ok()])
    expect(await rotateFailure(h)).toMatchObject({
      calls: 1,
      events: [],
      status,
      mayHaveRotated: true,
      message: `${OPERATION} answered HTTP ${status}, not the 200 of a done rotation, so whether it rotated is not known (body not shown: it may hold a secret)`
    })
  })

  test.each([
    ['another id', 'ws_2'],
    ['an id differing in case', 'WS_1'],
    ['a number id', 1],
    ['a null id', null]
  ])('200 naming %s → error after one call, its secret not returned', async (_name, id) => {
    const h = harness([json(200, { id, secret: SECRET }), ok()])
    expect(await rotateFailure(h)).toMatchObject({
      calls: 1,
      events: [],
      status: 200,
      mayHaveRotated: true,
      message: `${OPERATION} answered HTTP 200 naming another subscription's id: its secret is not this one's (body not shown: it may hold a secret)`
    })
    expectNoLeak(h, [])
  })

  test('200 naming this subscription, or no id at all → the secret', async () => {
    const named = harness([json(200, { id: 'ws_1', secret: SECRET })])
    await expect(rotateWebhookSecret(named.options, 'ws_1')).resolves.toBe(SECRET)
    const unnamed = harness([json(200, { secret: SECRET })])
    await expect(rotateWebhookSecret(unnamed.options, 'ws_1')).resolves.toBe(SECRET)
  })
})
