// rotateWebhookSecret: the one irreversible call. Its failures: rotate-failures.test.ts.
import { describe, expect, test } from '@jest/globals'
import { rotateWebhookSecret } from '../../../src/composio/client.js'
import type { ComposioError } from '../../../src/composio/errors.js'
import type { ComposioAuth } from '../../../src/inputs/settings.js'
import { API_KEY, BASE_URL, SECRET, expectNoLeak, failure, harness, json } from './harness.js'

const USER_API_KEY = 'uak_CREDENTIAL_user_key_0002'
const ok = (secret = SECRET) => json(200, { id: 'ws_1', secret })

describe('rotateWebhookSecret: success', () => {
  test('first try: one POST, the secret masked before it is returned', async () => {
    const h = harness([ok()])
    const secret = await rotateWebhookSecret(h.options, 'ws_1')
    h.events.push('returned')
    expect(secret).toBe(SECRET)
    expect(h.events).toEqual([`mask:${SECRET}`, 'returned'])
    expect(h.calls).toEqual([
      {
        url: `${BASE_URL}/api/v3/webhook_subscriptions/ws_1/rotate_secret`,
        method: 'POST',
        headers: { 'x-api-key': API_KEY, accept: 'application/json' }
      }
    ])
    expect(h.sleeps).toEqual([])
    expectNoLeak(h, [])
  })

  // The rotation's answer is the secret: the read's "could be a real secret" rule never judges it.
  test.each(['short', 'abcd...', 'xxxx...', 'REDACTED', 'with space', 'f00d****'])(
    'a rotated secret that a read would take for masked (%j) is returned as is',
    async secret => {
      const h = harness([ok(secret)])
      await expect(rotateWebhookSecret(h.options, 'ws_1')).resolves.toBe(secret)
      expect(h.events).toEqual([`mask:${secret}`])
    }
  )

  test.each([
    ['an id with a slash and a space', 'ws/1 2', 'ws%2F1%202'],
    ['a plain id', 'ws_AbC-123', 'ws_AbC-123'],
    ['an id with ? and #', 'a?b#c', 'a%3Fb%23c']
  ])('the id is encoded in the path: %s', async (_name, id, encoded) => {
    const h = harness([json(200, { id, secret: SECRET })])
    await rotateWebhookSecret(h.options, id)
    expect(h.calls[0]?.url).toBe(
      `${BASE_URL}/api/v3/webhook_subscriptions/${encoded}/rotate_secret`
    )
  })

  test.each<[string, ComposioAuth]>([
    ['x-api-key', { header: 'x-api-key', value: API_KEY }],
    ['x-user-api-key', { header: 'x-user-api-key', value: USER_API_KEY }]
  ])('exactly one auth header: %s', async (header, auth) => {
    const h = harness([ok()], { auth })
    await rotateWebhookSecret(h.options, 'ws_1')
    expect(h.calls[0]?.headers).toEqual({ [header]: auth.value, accept: 'application/json' })
  })

  test('500, 500, 200 → success after 3 calls, backoff 500 then 1000 ms', async () => {
    const h = harness([{ status: 500 }, { status: 500, body: 'oops' }, ok()])
    await expect(rotateWebhookSecret(h.options, 'ws_1')).resolves.toBe(SECRET)
    expect(h.calls).toHaveLength(3)
    expect(h.sleeps).toEqual([500, 1000])
    expect(h.events).toEqual([`mask:${SECRET}`])
    expect(h.logs).toEqual([
      "Composio rotate_secret for subscription 'ws_1' failed: HTTP 500; retrying in 0.5 s (attempt 2 of 3)",
      "Composio rotate_secret for subscription 'ws_1' failed: HTTP 500; retrying in 1 s (attempt 3 of 3)"
    ])
  })

  test('429 with Retry-After: 2 → waits 2000 ms, then succeeds', async () => {
    const h = harness([json(429, { message: 'Too many requests' }, { 'retry-after': '2' }), ok()])
    await expect(rotateWebhookSecret(h.options, 'ws_1')).resolves.toBe(SECRET)
    expect(h.sleeps).toEqual([2000])
  })

  test('Retry-After of exactly 30 s is still waited for', async () => {
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
    expect(h.logs[0]).toContain('failed: the response body exceeded 1048576 bytes; retrying')
  })
})

describe('rotateWebhookSecret: afterFailure', () => {
  test('consulted after a lost answer; a recovered secret ends the attempts', async () => {
    const h = harness([new TypeError('fetch failed'), ok()])
    const seen: ComposioError[] = []
    const afterFailure = (error: ComposioError) => (seen.push(error), Promise.resolve('recovered'))
    await expect(rotateWebhookSecret(h.options, 'ws_1', afterFailure)).resolves.toBe('recovered')
    expect(h.calls).toHaveLength(1)
    expect(h.sleeps).toEqual([])
    expect(seen).toHaveLength(1)
    expect(seen[0]?.mayHaveRotated).toBe(true)
    expect(seen[0]?.message).toBe(
      "Composio rotate_secret for subscription 'ws_1' failed: network error: fetch failed"
    )
  })

  test('nothing recovered → the attempts go on, and it is asked after each failure', async () => {
    const h = harness([{ status: 502 }, { status: 401 }])
    const seen: (number | undefined)[] = []
    const afterFailure = (error: ComposioError) => (
      seen.push(error.status),
      Promise.resolve(undefined)
    )
    const error = await failure(rotateWebhookSecret(h.options, 'ws_1', afterFailure))
    expect(seen).toEqual([502, 401])
    expect(error.status).toBe(401)
    expect(h.calls).toHaveLength(2)
  })

  test('not consulted when the rotation answers', async () => {
    const h = harness([ok()])
    let asked = 0
    const afterFailure = () => (asked++, Promise.resolve('recovered'))
    await expect(rotateWebhookSecret(h.options, 'ws_1', afterFailure)).resolves.toBe(SECRET)
    expect(asked).toBe(0)
  })
})
