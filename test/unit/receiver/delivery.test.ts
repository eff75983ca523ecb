// The check's deliveries: signed as Composio signs (examples/verify-signature.js, which decides as
// @composio/core's verifyWebhook does, is the judge), shaped as a V3 event, never holding the secret.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { verifyComposioWebhook } from '../../../examples/verify-signature.js'
import {
  CHECK_EVENT_TYPE,
  USER_AGENT,
  deliveryPair,
  randomSecret,
  signature
} from '../../../src/receiver/delivery.js'
import { VERSION } from '../../../src/version.js'
import { encodings } from '../../support/scenario.js'

const NEW_SECRET = 'b6f1c0e7a94d2f3851c0de5a7e1b9d4c3f2a1e0d9c8b7a6f5e4d3c2b1a0f9e8d'
const FORGERY = randomSecret()
const AT = new Date('2026-12-03T08:00:00.250Z')
const pair = deliveryPair(NEW_SECRET, FORGERY, AT)
const judged = (secret: string, delivery: { headers: Record<string, string>; body: string }) =>
  verifyComposioWebhook({
    secret,
    headers: delivery.headers,
    rawBody: delivery.body,
    now: AT.getTime() / 1000
  })

describe('deliveryPair', () => {
  test('the genuine one verifies with the new secret, the forged one does not', () => {
    expect(judged(NEW_SECRET, pair.genuine)).toBe(true)
    expect(judged(NEW_SECRET, pair.forged)).toBe(false)
    expect(judged(FORGERY, pair.forged)).toBe(true) // really signed, with another secret
  })

  test('two distinct events: their own event id and webhook-id; the timestamp is in seconds', () => {
    const { genuine, forged } = pair
    const eventId = (body: string) => (JSON.parse(body) as { id: string }).id
    expect(eventId(genuine.body)).not.toBe(eventId(forged.body))
    expect(genuine.headers['webhook-id']).not.toBe(forged.headers['webhook-id'])
    // Otherwise alike: a receiver that verifies nothing cannot tell them apart.
    const rest = (headers: Record<string, string>) =>
      Object.entries(headers).filter(
        ([name]) => name !== 'webhook-id' && name !== 'webhook-signature'
      )
    expect(rest(genuine.headers)).toEqual(rest(forged.headers))
    const withoutId = (body: string) => ({ ...(JSON.parse(body) as object), id: undefined })
    expect(withoutId(genuine.body)).toEqual(withoutId(forged.body))
    expect(genuine.headers['webhook-timestamp']).toBe('1796284800')
  })

  test('a new webhook-id and event id every round', () => {
    const next = deliveryPair(NEW_SECRET, FORGERY, AT)
    expect(next.genuine.headers['webhook-id']).not.toBe(pair.genuine.headers['webhook-id'])
    const eventId = (body: string) => (JSON.parse(body) as { id: string }).id
    expect(eventId(next.genuine.body)).not.toBe(eventId(pair.genuine.body))
  })

  test('say what they are in their user-agent, with this version', () => {
    const version = (
      JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as {
        version: string
      }
    ).version
    expect(VERSION).toBe(version)
    expect(USER_AGENT).toBe(`rotate-composio-webhook-secret/${version} receiver-check`)
    expect(pair.genuine.headers['user-agent']).toBe(USER_AGENT)
    expect(pair.forged.headers['user-agent']).toBe(USER_AGENT)
  })

  test('the body never holds the secret, in any encoding', () => {
    for (const delivery of [pair.genuine, pair.forged]) {
      for (const encoded of encodings(NEW_SECRET)) expect(delivery.body).not.toContain(encoded)
      expect(JSON.stringify(delivery.headers)).not.toContain(NEW_SECRET)
    }
  })

  // @composio/core's WebhookPayloadV3Schema (ts/packages/core/src/types/triggers.types.ts):
  // id and timestamp strings, a type that starts with 'composio.', metadata and data records.
  // V1 needs trigger_name and V2 a log_id: neither applies, so the SDK reads it as V3.
  test("is a V3 event that the SDK's parser accepts, of a type no trigger uses", () => {
    const event = JSON.parse(pair.genuine.body) as Record<string, unknown>
    expect(Object.keys(event).sort()).toEqual(['data', 'id', 'metadata', 'timestamp', 'type'])
    expect(event['type']).toBe(CHECK_EVENT_TYPE)
    expect(CHECK_EVENT_TYPE.startsWith('composio.')).toBe(true)
    expect(event['id']).toMatch(/^evt_check_[0-9a-f]{24}$/)
    expect(event['timestamp']).toBe('2026-12-03T08:00:00.250Z')
    for (const key of ['metadata', 'data']) {
      expect(event[key]).toEqual(expect.any(Object))
      expect(Array.isArray(event[key])).toBe(false)
    }
  })
})

test('signature: base64 HMAC-SHA256 of "{id}.{timestamp}.{body}", keyed with the UTF-8 bytes', () => {
  // Computed apart: printf '%s' 'msg_1.1700000000.{}' | openssl dgst -sha256 -hmac 'k€y' -binary | base64
  expect(signature('k€y', 'msg_1', '1700000000', '{}')).toBe(
    'v1,qVxt36J/MbvleUm1YwsM3256tgQp4mfEz2g6KiA8B3k='
  )
})
