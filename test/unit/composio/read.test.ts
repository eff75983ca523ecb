// readWebhookSubscription: the v3.1 read, before the rotation and after it. Always safe to retry.
import { describe, expect, test } from '@jest/globals'
import { readWebhookSubscription } from '../../../src/composio/client.js'
import {
  API_KEY,
  BASE_URL,
  SECRET,
  expectNoLeak,
  failure,
  harness,
  json,
  timeoutError
} from './harness.js'

const OPERATION = "Composio read of subscription 'ws_1'"
const FULL = {
  id: 'ws_1',
  secret: SECRET,
  webhook_url: 'https://hooks.example.com/c',
  version: 'V3',
  enabled_events: ['composio.trigger.message']
}

describe('readWebhookSubscription: answers', () => {
  test('a full read: one GET on v3.1, the secret masked, every field parsed', async () => {
    const h = harness([json(200, FULL)])
    await expect(readWebhookSubscription(h.options, 'ws/1')).resolves.toEqual({
      secret: SECRET,
      webhookUrl: 'https://hooks.example.com/c',
      version: 'V3',
      enabledEvents: ['composio.trigger.message']
    })
    expect(h.calls).toEqual([
      {
        url: `${BASE_URL}/api/v3.1/webhook_subscriptions/ws%2F1`,
        method: 'GET',
        headers: { 'x-api-key': API_KEY, accept: 'application/json' }
      }
    ])
    expect(h.events).toEqual([`mask:${SECRET}`])
  })

  test.each([
    ['stars', 'f00d****'],
    ['bullets', '\u2022\u2022\u2022\u2022\u2022\u2022'],
    ['an ellipsis', 'f00dfe\u2026'],
    ['empty', ''],
    ['missing', undefined]
  ])('a secret that is %s → no secret, nothing masked', async (_name, secret) => {
    const h = harness([json(200, { ...FULL, secret })])
    const subscription = await readWebhookSubscription(h.options, 'ws_1')
    expect(subscription.secret).toBeUndefined()
    expect(subscription.webhookUrl).toBe('https://hooks.example.com/c')
    expect(h.events).toEqual([])
  })

  test.each([
    ['not JSON', `secret=${SECRET}`],
    ['a JSON array', `["${SECRET}"]`],
    ['empty', '']
  ])('a 2xx body that is %s → error, body not shown, no retry', async (_name, body) => {
    const h = harness([{ status: 200, body }, json(200, FULL)])
    const error = await failure(readWebhookSubscription(h.options, 'ws_1'))
    expect(h.calls).toHaveLength(1)
    expect(error.message).toBe(
      `${OPERATION} answered HTTP 200 without a subscription (body not shown: it may hold a secret)`
    )
    expect(error.mayHaveRotated).toBe(false)
    expectNoLeak(h, [error.message])
  })
})

describe('readWebhookSubscription: retries', () => {
  test.each([
    ['a 500', { status: 500, body: `{"secret":"${SECRET}"}` }],
    ['a 503', { status: 503 }],
    ['a 429', json(429, { message: 'Too many requests' })],
    ['a lost answer', new TypeError('fetch failed')],
    ['a timeout', timeoutError()]
  ])('%s then a 200 → read on the second attempt', async (_name, first) => {
    const h = harness([first, json(200, FULL)])
    await expect(readWebhookSubscription(h.options, 'ws_1')).resolves.toMatchObject({
      secret: SECRET
    })
    expect(h.calls).toHaveLength(2)
    expect(h.sleeps).toEqual([500])
    expectNoLeak(h, [])
  })

  test('5xx every time → three attempts, then the last error; nothing may have rotated', async () => {
    const h = harness([{ status: 500 }, { status: 502 }, { status: 503 }])
    const error = await failure(readWebhookSubscription(h.options, 'ws_1'))
    expect(h.calls).toHaveLength(3)
    expect(error.status).toBe(503)
    expect(error.mayHaveRotated).toBe(false)
    expect(error.message).toBe(`${OPERATION} failed: HTTP 503 (after 3 attempts)`)
  })

  test('no answer every time → the network reason; a read never rotates', async () => {
    const h = harness([timeoutError(), timeoutError(), timeoutError()], { timeoutMs: 3000 })
    const error = await failure(readWebhookSubscription(h.options, 'ws_1'))
    expect(error.status).toBeUndefined()
    expect(error.mayHaveRotated).toBe(false)
    expect(error.message).toBe(
      `${OPERATION} failed: timed out after 3 s (timeout-seconds) (after 3 attempts)`
    )
  })

  test.each([
    [401, "Hint: check the Composio key: 'api-key' is a project API key"],
    [
      403,
      'Hint: the key lacks permission: a scoped project API key needs Composio\'s "Webhooks" permission, Read for the reads of the subscription and Write for the rotation (a write-only key fails the first read: give it Read and write)'
    ],
    [404, "Hint: check 'subscription-id' and that it belongs to the key's project"]
  ])('%d → one attempt, the hint', async (status, hint) => {
    const h = harness([json(status, { error: { message: 'no', slug: 'S' } }), json(200, FULL)])
    const error = await failure(readWebhookSubscription(h.options, 'ws_1'))
    expect(h.calls).toHaveLength(1)
    expect(h.sleeps).toEqual([])
    expect(error.status).toBe(status)
    expect(error.message).toContain(`${OPERATION} failed: HTTP ${status} S: no. ${hint}`)
  })

  test('an error body holding the secret is never quoted beyond its message field', async () => {
    const body = JSON.stringify({ error: { message: 'bad', secret: SECRET }, secret: SECRET })
    const h = harness([{ status: 400, body }])
    const error = await failure(readWebhookSubscription(h.options, 'ws_1'))
    expect(error.message).toBe(`${OPERATION} failed: HTTP 400: bad`)
    expectNoLeak(h, [error.message])
  })
})
