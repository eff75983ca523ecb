// @ts-check
// Verifies a Composio webhook delivery. Plain ESM, node:crypto only: copy it into your receiver.
// See docs/receiver.md for what each check is for.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/** Deliveries whose webhook-timestamp is further than this from now are refused (replays). */
export const TOLERANCE_SECONDS = 300

/**
 * True when the delivery was signed with `secret` and is fresh.
 *
 * The signature is `v1,<base64 HMAC-SHA256("{webhook-id}.{webhook-timestamp}.{raw body}")>`,
 * keyed with the secret's own UTF-8 bytes: Composio's secret is used as is, NOT base64-decoded
 * (Standard Webhooks libraries decode the key by default, and so reject every Composio delivery).
 * The header may carry several space-separated signatures; one match is enough.
 *
 * It decides as Composio's SDK does (`composio.triggers.verifyWebhook` of `@composio/core`, with
 * its default tolerance; test/docs/receiver.test.ts checks it against vectors the SDK judged),
 * down to the SDK's parsing of the headers. The one difference: the SDK then also parses the
 * body and refuses JSON that is not a Composio event; this function only says whether the
 * delivery is authentic and fresh, so parse the body yourself.
 *
 * @param {object} delivery
 * @param {string} delivery.secret the COMPOSIO_WEBHOOK_SECRET the receiver holds
 * @param {Record<string, string | string[] | undefined>} delivery.headers the request's headers
 *   (any letter case): webhook-id, webhook-timestamp, webhook-signature
 * @param {string | Uint8Array} delivery.rawBody the body exactly as received, before any parsing
 *   (a re-serialised JSON body does not verify)
 * @param {number} [delivery.now] the current time in seconds since the epoch (for tests)
 * @returns {boolean}
 */
export function verifyComposioWebhook({ secret, headers, rawBody, now = Date.now() / 1000 }) {
  const id = header(headers, 'webhook-id')
  const timestamp = header(headers, 'webhook-timestamp')
  const signatures = header(headers, 'webhook-signature')
  if (!secret || !id || !timestamp || !signatures || rawBody.length === 0) return false
  // Read as the SDK reads it (parseInt: leading digits). The HMAC covers the header as sent.
  const seconds = Number.parseInt(timestamp, 10)
  if (Number.isNaN(seconds) || Math.abs(now - seconds) > TOLERANCE_SECONDS) return false

  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody
  const expected = Buffer.from(
    createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(`${id}.${timestamp}.`)
      .update(body)
      .digest('base64')
  )
  // Entries are separated by single spaces (not tabs). In each, the first comma-separated field
  // is the version and the second the signature; anything after a further comma is ignored, so
  // the trailing comma of a repeated header that Node joined with ', ' does no harm.
  return signatures.split(' ').some(entry => {
    const [version, signature] = entry.split(',')
    if (version !== 'v1' || !signature) return false
    const given = Buffer.from(signature)
    // Constant-time: the comparison takes as long whichever byte differs.
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
}

/**
 * The first 16 hex digits of the secret's SHA-256, as the action's `fingerprint` output: log it
 * at start-up to confirm which secret a receiver holds, without printing the secret.
 * @param {string} secret
 * @returns {string}
 */
export function secretFingerprint(secret) {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)
}

/**
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {string} name lower case
 * @returns {string | undefined}
 */
function header(headers, name) {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value
  }
  return undefined
}
