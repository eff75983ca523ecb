import { describe, expect, test } from '@jest/globals'
import {
  ComposioError,
  MAX_RETRY_AFTER_MS,
  parseComposioError,
  parseRetryAfter,
  parseRotatedSecret,
  rotateWebhookSecret,
  type ComposioClientOptions
} from '../../src/composio.js'
import type { ComposioAuth } from '../../src/inputs.js'
import type { Fetch } from '../../src/http.js'

const API_KEY = 'ak_CREDENTIAL_api_key_0001'
const USER_API_KEY = 'uak_CREDENTIAL_user_key_0002'
const SECRET = 'f00dfeed'.repeat(8)
const BASE_URL = 'https://composio.test'

describe('parseComposioError', () => {
  test.each([
    [
      'the error envelope',
      JSON.stringify({
        error: {
          message: 'API key is invalid',
          code: 801,
          slug: 'APIKey_InvalidAPIKey',
          status: 401,
          request_id: 'req_123',
          suggested_fix: 'Create a new API key'
        }
      }),
      {
        message: 'API key is invalid',
        slug: 'APIKey_InvalidAPIKey',
        requestId: 'req_123',
        suggestedFix: 'Create a new API key'
      }
    ],
    ['a bare message', '{"message":"Too many requests"}', { message: 'Too many requests' }],
    ['an HTML page', '<html><body><h1>502 Bad Gateway</h1></body></html>', {}],
    ['an empty body', '', {}],
    ['null', 'null', {}],
    ['an array', '[]', {}],
    ['an array of messages', '[{"message":"x"}]', {}],
    ['a JSON string', '"x"', {}],
    ['a JSON number', '42', {}],
    ['an envelope whose error is a string', '{"error":"boom"}', {}],
    ['an envelope whose error is null', '{"error":null,"message":"outer"}', {}],
    [
      'non-string fields',
      '{"error":{"message":123,"slug":{"a":1},"request_id":null,"suggested_fix":["fix"]}}',
      {}
    ],
    [
      'empty strings',
      '{"error":{"message":"","slug":"S","request_id":"","suggested_fix":""}}',
      { slug: 'S' }
    ],
    ['truncated JSON', '{"error":{"message":"cut', {}]
  ])('%s', (_name, body, expected) => {
    const details = parseComposioError(body)
    // Compare the defined fields only: the absent ones must be undefined.
    expect(Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined))).toEqual(
      expected
    )
  })
})

describe('parseRotatedSecret', () => {
  test.each([
    ['ok', `{"secret":"${SECRET}"}`, SECRET],
    ['ok with other fields', '{"id":"ws_1","secret":"s","rotated_at":"x"}', 's'],
    ['missing secret', '{"id":"ws_1"}', undefined],
    ['empty secret', '{"secret":""}', undefined],
    ['a number', '{"secret":123}', undefined],
    ['null', '{"secret":null}', undefined],
    ['an object', '{"secret":{"value":"s"}}', undefined],
    ['JSON null', 'null', undefined],
    ['a JSON string', '"secret"', undefined],
    ['an array', '[{"secret":"s"}]', undefined],
    ['non-JSON', 'secret=abc', undefined],
    ['empty', '', undefined],
    ['truncated JSON', '{"secret":"abc', undefined]
  ])('%s', (_name, body, expected) => {
    expect(parseRotatedSecret(body)).toBe(expected)
  })
})

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
  test.each(['1.5', '-1', 'retry 3'])('%j (not seconds, not a date) → undefined', header => {
    expect(parseRetryAfter(header, now)).toBeUndefined()
  })
})

// ---- rotateWebhookSecret, with a scripted fetch and a recording sleep ----

type Step = { status: number; body?: string; headers?: Record<string, string> } | Error

interface Call {
  url: string
  method: string | undefined
  headers: Record<string, string>
}

interface Harness {
  options: ComposioClientOptions
  calls: Call[]
  sleeps: number[]
  logs: string[]
  /** mask calls and the return, in order. */
  events: string[]
}

function harness(steps: Step[], overrides: Partial<ComposioClientOptions> = {}): Harness {
  const calls: Call[] = []
  const sleeps: number[] = []
  const logs: string[] = []
  const events: string[] = []
  const fetch = ((input: Parameters<Fetch>[0], init?: RequestInit): Promise<Response> => {
    calls.push({
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: init?.method,
      headers: { ...(init?.headers as Record<string, string>) }
    })
    const step = steps[calls.length - 1]
    if (step === undefined) return Promise.reject(new Error(`unexpected call ${calls.length}`))
    if (step instanceof Error) return Promise.reject(step)
    return Promise.resolve(
      new Response(step.body ?? null, { status: step.status, headers: step.headers })
    )
  }) as Fetch
  const options: ComposioClientOptions = {
    baseUrl: BASE_URL,
    auth: { header: 'x-api-key', value: API_KEY },
    fetch,
    timeoutMs: 10_000,
    sleep: ms => {
      sleeps.push(ms)
      return Promise.resolve()
    },
    mask: secret => {
      events.push(`mask:${secret}`)
    },
    log: message => {
      logs.push(message)
    },
    ...overrides
  }
  return { options, calls, sleeps, logs, events }
}

const ok = (secret = SECRET): Step => ({
  status: 200,
  body: JSON.stringify({ secret }),
  headers: { 'content-type': 'application/json' }
})

async function failure(h: Harness, id = 'ws_1'): Promise<ComposioError> {
  try {
    await rotateWebhookSecret(h.options, id)
  } catch (error) {
    expect(error).toBeInstanceOf(ComposioError)
    return error as ComposioError
  }
  throw new Error('rotateWebhookSecret did not fail')
}

/** Nothing the client printed or threw carries a credential or the secret. */
function expectNoLeak(h: Harness, ...texts: string[]): void {
  for (const text of [...h.logs, ...texts]) {
    expect(text).not.toContain(API_KEY)
    expect(text).not.toContain(SECRET)
  }
}

describe('rotateWebhookSecret: success', () => {
  test('first try: one POST, the secret masked before it is returned', async () => {
    const h = harness([ok()])
    const secret = await rotateWebhookSecret(h.options, 'ws_1')
    h.events.push('returned')
    expect(secret).toBe(SECRET)
    expect(h.events).toEqual([`mask:${SECRET}`, 'returned'])
    expect(h.calls).toHaveLength(1)
    expect(h.sleeps).toEqual([])
    expectNoLeak(h)
  })

  test.each([
    ['an id with a slash and a space', 'ws/1 2', 'ws%2F1%202'],
    ['a plain id', 'ws_AbC-123', 'ws_AbC-123'],
    ['an id with ? and #', 'a?b#c', 'a%3Fb%23c']
  ])('request URL for %s', async (_name, id, encoded) => {
    const h = harness([ok()])
    await rotateWebhookSecret(h.options, id)
    expect(h.calls[0]?.url).toBe(
      `${BASE_URL}/api/v3/webhook_subscriptions/${encoded}/rotate_secret`
    )
    expect(h.calls[0]?.method).toBe('POST')
  })

  test.each<[string, ComposioAuth]>([
    ['x-api-key', { header: 'x-api-key', value: API_KEY }],
    ['x-user-api-key', { header: 'x-user-api-key', value: USER_API_KEY }]
  ])('exactly one auth header: %s', async (header, auth) => {
    const h = harness([ok()], { auth })
    await rotateWebhookSecret(h.options, 'ws_1')
    const headers = h.calls[0]?.headers ?? {}
    expect(headers).toEqual({ [header]: auth.value, accept: 'application/json' })
    const authHeaders = Object.keys(headers).filter(name => /api-key/i.test(name))
    expect(authHeaders).toEqual([header])
  })

  test('500, 500, 200 → success after 3 calls, backoff 500 then 1000 ms', async () => {
    const h = harness([{ status: 500 }, { status: 500, body: 'oops' }, ok()])
    await expect(rotateWebhookSecret(h.options, 'ws_1')).resolves.toBe(SECRET)
    expect(h.calls).toHaveLength(3)
    expect(h.sleeps).toEqual([500, 1000])
    expect(h.events).toEqual([`mask:${SECRET}`])
    expect(h.logs).toHaveLength(2)
    expect(h.logs[0]).toContain('attempt 2 of 3')
    expectNoLeak(h)
  })

  test('429 with Retry-After: 2 → waits 2000 ms, then succeeds', async () => {
    const h = harness([
      { status: 429, body: '{"message":"Too many requests"}', headers: { 'retry-after': '2' } },
      ok()
    ])
    await expect(rotateWebhookSecret(h.options, 'ws_1')).resolves.toBe(SECRET)
    expect(h.calls).toHaveLength(2)
    expect(h.sleeps).toEqual([2000])
  })

  test(`Retry-After of exactly ${MAX_RETRY_AFTER_MS / 1000} s is still waited for`, async () => {
    const h = harness([{ status: 503, headers: { 'retry-after': '30' } }, ok()])
    await expect(rotateWebhookSecret(h.options, 'ws_1')).resolves.toBe(SECRET)
    expect(h.sleeps).toEqual([30000])
  })

  test('a lost answer then a 200 → success (a new rotation is harmless)', async () => {
    const h = harness([new TypeError('fetch failed'), ok()])
    await expect(rotateWebhookSecret(h.options, 'ws_1')).resolves.toBe(SECRET)
    expect(h.sleeps).toEqual([500])
  })

  test('a body over 1 MB is cut off and counted as a lost answer', async () => {
    const h = harness([{ status: 200, body: 'x'.repeat(1024 * 1024 + 1) }, ok()])
    await expect(rotateWebhookSecret(h.options, 'ws_1')).resolves.toBe(SECRET)
    expect(h.calls).toHaveLength(2)
  })
})

describe('rotateWebhookSecret: failure', () => {
  test.each([
    ['31 s', '31'],
    ['an HTTP date far ahead', 'Fri, 01 Jan 2100 00:00:00 GMT']
  ])('429 with Retry-After of %s → fails at once, without waiting', async (_name, retryAfter) => {
    const h = harness([{ status: 429, headers: { 'retry-after': retryAfter } }, ok()])
    const error = await failure(h)
    expect(h.calls).toHaveLength(1)
    expect(h.sleeps).toEqual([])
    expect(error.status).toBe(429)
    expect(error.mayHaveRotated).toBe(false)
    expect(error.message).toContain('HTTP 429')
  })

  test('401 envelope → one call; message, slug, request_id, suggested fix and hint', async () => {
    const body = JSON.stringify({
      error: {
        message: 'Invalid API key provided',
        code: 801,
        slug: 'APIKey_InvalidAPIKey',
        status: 401,
        request_id: 'req_9f8e7d',
        suggested_fix: 'Generate a new API key in the dashboard'
      }
    })
    const h = harness([{ status: 401, body, headers: { 'content-type': 'application/json' } }])
    const error = await failure(h, 'ws_42')
    expect(h.calls).toHaveLength(1)
    expect(h.sleeps).toEqual([])
    expect(error.status).toBe(401)
    expect(error.mayHaveRotated).toBe(false)
    for (const part of [
      "Composio rotate_secret for subscription 'ws_42'",
      'HTTP 401',
      'Invalid API key provided',
      'APIKey_InvalidAPIKey',
      'req_9f8e7d',
      'Generate a new API key in the dashboard',
      'check the Composio key'
    ]) {
      expect(error.message).toContain(part)
    }
    expectNoLeak(h, error.message)
  })

  test.each([
    [403, 'lacks permission'],
    [404, "check 'subscription-id'"],
    [400, 'HTTP 400'],
    [409, 'HTTP 409']
  ])('%d → one call, no retry, not rotated', async (status, fragment) => {
    const h = harness([{ status, body: '{"message":"nope"}' }, ok()])
    const error = await failure(h)
    expect(h.calls).toHaveLength(1)
    expect(h.sleeps).toEqual([])
    expect(error.status).toBe(status)
    expect(error.mayHaveRotated).toBe(false)
    expect(error.message).toContain(fragment)
    expect(error.message).toContain('nope')
  })

  test('500 three times → error after 3 calls, may have rotated', async () => {
    const h = harness([{ status: 500 }, { status: 502 }, { status: 503 }])
    const error = await failure(h)
    expect(h.calls).toHaveLength(3)
    expect(h.sleeps).toEqual([500, 1000])
    expect(error.status).toBe(503)
    expect(error.mayHaveRotated).toBe(true)
    expect(error.message).toContain('(after 3 attempts)')
  })

  test('429 three times → not rotated', async () => {
    const h = harness([{ status: 429 }, { status: 429 }, { status: 429 }])
    const error = await failure(h)
    expect(h.calls).toHaveLength(3)
    expect(error.mayHaveRotated).toBe(false)
  })

  test('a 500 then a 401 → may have rotated (the 500 may have gone through)', async () => {
    const h = harness([{ status: 500 }, { status: 401 }])
    const error = await failure(h)
    expect(h.calls).toHaveLength(2)
    expect(error.status).toBe(401)
    expect(error.mayHaveRotated).toBe(true)
  })

  test("fetch throwing TypeError('fetch failed') 3 times → error after 3 calls, may have rotated", async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
      code: 'ECONNREFUSED'
    })
    const h = harness([
      new TypeError('fetch failed'),
      new TypeError('fetch failed'),
      new TypeError('fetch failed', { cause })
    ])
    const error = await failure(h)
    expect(h.calls).toHaveLength(3)
    expect(h.sleeps).toEqual([500, 1000])
    expect(error.status).toBeUndefined()
    expect(error.mayHaveRotated).toBe(true)
    expect(error.message).toContain('network error: ECONNREFUSED')
    expect(error.message).toContain('(after 3 attempts)')
  })

  test('a timeout is described with the configured time', async () => {
    // What AbortSignal.timeout() rejects with. A DOMException made here would come from another
    // realm than jest's sandbox and fail `instanceof Error`, so build the same shape.
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError'
    })
    const h = harness([timeout], { maxAttempts: 1, timeoutMs: 2500 })
    const error = await failure(h)
    expect(error.message).toContain('no complete answer within 2.5 s')
    expect(error.mayHaveRotated).toBe(true)
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
    const error = await failure(h)
    expect(h.calls).toHaveLength(1)
    expect(h.sleeps).toEqual([])
    expect(h.events).toEqual([])
    expect(error.status).toBe(200)
    expect(error.mayHaveRotated).toBe(true)
    expect(error.message).toContain("without a non-empty string 'secret'")
    if (body !== '') expect(error.message).not.toContain(body)
    expect(error.message).not.toContain('whsec_FAKE_SECRET_777')
    expect(error.message).not.toContain('123')
  })

  test('mayRetry returning false stops after the first failure', async () => {
    let asked = 0
    const h = harness([{ status: 500 }, ok()], {
      mayRetry: () => {
        asked++
        return false
      }
    })
    const error = await failure(h)
    expect(asked).toBe(1)
    expect(h.calls).toHaveLength(1)
    expect(h.sleeps).toEqual([])
    expect(error.mayHaveRotated).toBe(true)
    expect(error.message).not.toContain('after')
  })

  test('mayRetry turning false after one retry stops at the second failure', async () => {
    // Asked before each backoff wait and again after it (a cancellation may end the wait early).
    let asked = 0
    const h = harness([{ status: 500 }, { status: 500 }, ok()], { mayRetry: () => ++asked < 3 })
    await failure(h)
    expect(h.calls).toHaveLength(2)
    expect(h.sleeps).toEqual([500])
  })

  test('maxAttempts bounds the calls', async () => {
    const h = harness([{ status: 500 }, { status: 500 }, ok()], { maxAttempts: 2 })
    const error = await failure(h)
    expect(h.calls).toHaveLength(2)
    expect(error.message).toContain('(after 2 attempts)')
  })
})
