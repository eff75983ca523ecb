// examples/verify-signature.js against signatures computed here, the way Composio computes them
// (docs/receiver.md): base64 HMAC-SHA256 of "{id}.{timestamp}.{raw body}" keyed with the
// secret's UTF-8 bytes.
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { describe, expect, test } from '@jest/globals'
import {
  TOLERANCE_SECONDS,
  secretFingerprint,
  verifyComposioWebhook
} from '../../examples/verify-signature.js'
import { fingerprint } from '../../src/rotate.js'

// Shaped like a real Composio secret: 64 lowercase hex characters.
const secret = randomBytes(32).toString('hex')
const id = 'msg_2zXq8bWc1fK9'
const now = 1_795_000_000
const timestamp = String(now)
const rawBody = '{"type":"composio.trigger.message","data":{"text":"héllo"}}'

function sign(key: Buffer, msgId = id, ts = timestamp, body = rawBody): string {
  return createHmac('sha256', key).update(`${msgId}.${ts}.${body}`).digest('base64')
}
const composioSignature = (msgId = id, ts = timestamp, body = rawBody): string =>
  `v1,${sign(Buffer.from(secret, 'utf8'), msgId, ts, body)}`

function delivery(overrides: { headers?: Record<string, string>; rawBody?: string } = {}) {
  return {
    secret,
    now,
    rawBody: overrides.rawBody ?? rawBody,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': composioSignature(),
      ...overrides.headers
    }
  }
}

describe('verifyComposioWebhook', () => {
  test('accepts a genuine delivery', () => {
    expect(verifyComposioWebhook(delivery())).toBe(true)
  })

  test('accepts the raw body as bytes, and header names in any case', () => {
    const d = delivery()
    expect(verifyComposioWebhook({ ...d, rawBody: Buffer.from(rawBody, 'utf8') })).toBe(true)
    const upper = Object.fromEntries(
      Object.entries(d.headers).map(([k, v]) => [k.replace(/\b\w/g, c => c.toUpperCase()), v])
    )
    expect(verifyComposioWebhook({ ...d, headers: upper })).toBe(true)
  })

  test.each([
    ['a changed body', { rawBody: rawBody.replace('héllo', 'hello') }],
    ['a re-serialised body', { rawBody: JSON.stringify(JSON.parse(rawBody), null, 1) }],
    ['a changed webhook-id', { headers: { 'webhook-id': 'msg_other' } }],
    ['a changed webhook-timestamp', { headers: { 'webhook-timestamp': String(now - 1) } }]
  ])('refuses %s', (_what, overrides) => {
    expect(verifyComposioWebhook(delivery(overrides))).toBe(false)
  })

  test('refuses a delivery signed with another secret', () => {
    const other = randomBytes(32).toString('hex')
    const signature = `v1,${sign(Buffer.from(other, 'utf8'))}`
    expect(verifyComposioWebhook(delivery({ headers: { 'webhook-signature': signature } }))).toBe(
      false
    )
  })

  test('refuses timestamps more than 300 s away, either way; accepts the edge', () => {
    expect(TOLERANCE_SECONDS).toBe(300)
    for (const [offset, accepted] of [
      [-301, false],
      [301, false],
      [-300, true],
      [300, true]
    ] as const) {
      const ts = String(now + offset)
      const d = delivery({
        headers: { 'webhook-timestamp': ts, 'webhook-signature': composioSignature(id, ts) }
      })
      expect([offset, verifyComposioWebhook(d)]).toEqual([offset, accepted])
    }
  })

  test('accepts several space-separated signatures when one is valid', () => {
    const stale = `v1,${sign(randomBytes(32))}`
    const signature = `${stale} v1a,ignored ${composioSignature()}`
    expect(verifyComposioWebhook(delivery({ headers: { 'webhook-signature': signature } }))).toBe(
      true
    )
    expect(
      verifyComposioWebhook(delivery({ headers: { 'webhook-signature': `${stale} ${stale}` } }))
    ).toBe(false)
    // Node joins a repeated header with ', '.
    const repeated = `${stale}, ${composioSignature()}`
    expect(verifyComposioWebhook(delivery({ headers: { 'webhook-signature': repeated } }))).toBe(
      true
    )
  })

  test('refuses missing headers, another version tag, a bare signature and a non-numeric timestamp', () => {
    const bare = composioSignature().slice(3)
    const cases: Record<string, string>[] = [
      { 'webhook-signature': '' },
      { 'webhook-id': '' },
      { 'webhook-signature': `v2,${bare}` },
      { 'webhook-signature': bare },
      { 'webhook-timestamp': `${timestamp}.0` }
    ]
    for (const headers of cases) {
      expect([headers, verifyComposioWebhook(delivery({ headers }))]).toEqual([headers, false])
    }
    expect(verifyComposioWebhook({ ...delivery(), secret: '' })).toBe(false)
  })

  test('a Standard Webhooks key (the secret base64-decoded) does not verify Composio deliveries', () => {
    // Standard Webhooks libraries treat the secret as base64 ("whsec_<base64>") and sign with the
    // decoded bytes. Decoding a Composio secret (hex text) gives other bytes, so the HMACs differ:
    const decodedKey = Buffer.from(secret, 'base64')
    expect(decodedKey.equals(Buffer.from(secret, 'utf8'))).toBe(false)
    // A signature made that way is refused by the Composio-correct verifier…
    const standardStyle = `v1,${sign(decodedKey)}`
    expect(
      verifyComposioWebhook(delivery({ headers: { 'webhook-signature': standardStyle } }))
    ).toBe(false)
    // …and a verifier that decodes the key refuses the genuine delivery.
    const standardVerifier = (key: string, signature: string): boolean =>
      signature === `v1,${sign(Buffer.from(key, 'base64'))}`
    expect(standardVerifier(secret, composioSignature())).toBe(false)
  })
})

describe('secretFingerprint', () => {
  test("is the action's fingerprint: the first 16 hex digits of the SHA-256", () => {
    const expected = createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)
    expect(secretFingerprint(secret)).toBe(expected)
    expect(secretFingerprint(secret)).toBe(fingerprint(secret))
  })
})
