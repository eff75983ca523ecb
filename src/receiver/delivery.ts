// One round of the receiver check: two deliveries signed the way Composio signs its own, each a
// distinct event (its own id in the body and in webhook-id, so that a receiver that drops repeats
// cannot tell them apart by that). One is signed with the new secret, the other with a random
// secret made for this run, so a receiver that verifies can answer only the first with 2xx. Pure:
// values in, values out (randomness aside).
import { createHmac, randomBytes } from 'node:crypto'
import { VERSION } from '../version.js'

/** What a check delivery is, for a receiver's logs and monitoring: never mistaken for an attack. */
export const USER_AGENT = `rotate-composio-webhook-secret/${VERSION} receiver-check`

/** A V3 event type that no trigger uses; receivers that know it answer 204 and do nothing. */
export const CHECK_EVENT_TYPE = 'composio.webhook_secret.check'

export interface Delivery {
  headers: Record<string, string>
  body: string
}

export interface DeliveryPair {
  /** Signed with the new secret: a receiver that holds it verifies this one. */
  genuine: Delivery
  /** Signed with a random secret: no receiver that verifies signatures accepts it. */
  forged: Delivery
}

/**
 * `v1,<base64 HMAC-SHA256("{id}.{timestamp}.{body}")>` keyed with the secret's UTF-8 bytes, as
 * Composio signs and `@composio/core`'s verifyWebhook checks (the key is not base64-decoded).
 */
export function signature(secret: string, id: string, timestamp: string, body: string): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${id}.${timestamp}.${body}`, 'utf8')
    .digest('base64')
  return `v1,${mac}`
}

/**
 * The check event, shaped as Composio's V3 deliveries are (`id`, `timestamp`, `type`,
 * `metadata`, `data`; @composio/core's WebhookPayloadV3Schema accepts any `composio.*` type), so
 * that a receiver which verifies and then parses with the SDK parses it too. It carries nothing
 * secret: not the secret, not its fingerprint.
 */
export function checkEvent(eventId: string, at: Date): string {
  return JSON.stringify({
    id: eventId,
    timestamp: at.toISOString(),
    type: CHECK_EVENT_TYPE,
    metadata: { sender: 'rotate-composio-webhook-secret', version: VERSION },
    data: {
      purpose:
        'Checks that this receiver verifies Composio signatures with the current secret. Verify it as any delivery, then answer 204 and do nothing else.'
    }
  })
}

function delivery(secret: string, id: string, at: Date, body: string): Delivery {
  const timestamp = String(Math.floor(at.getTime() / 1000))
  return {
    headers: {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': signature(secret, id, timestamp, body),
      'x-composio-webhook-version': 'V3'
    },
    body
  }
}

const randomId = (prefix: string): string => `${prefix}_${randomBytes(12).toString('hex')}`

/** A fresh random secret, 64 hex characters like Composio's: never the new one, by chance or not. */
export function randomSecret(): string {
  return randomBytes(32).toString('hex')
}

/** A check event of its own, with its own webhook-id, signed with `secret`. */
const checkDelivery = (secret: string, at: Date): Delivery =>
  delivery(secret, randomId('msg_check'), at, checkEvent(randomId('evt_check'), at))

/** The pair for one round: two distinct events, one signed with each secret. */
export function deliveryPair(newSecret: string, forgerySecret: string, at: Date): DeliveryPair {
  return { genuine: checkDelivery(newSecret, at), forged: checkDelivery(forgerySecret, at) }
}
