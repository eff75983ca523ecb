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
  if (!secret || !id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false
  if (Math.abs(now - Number(timestamp)) > TOLERANCE_SECONDS) return false

  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody
  const expected = Buffer.from(
    createHmac('sha256', Buffer.from(secret, 'utf8'))
      .update(`${id}.${timestamp}.`)
      .update(body)
      .digest('base64')
  )
  // Node joins a repeated header with ', ': a trailing comma is a separator, not part of a signature.
  return signatures.split(/\s+/).some(raw => {
    const entry = raw.replace(/,$/, '')
    const comma = entry.indexOf(',')
    if (comma === -1 || entry.slice(0, comma) !== 'v1') return false
    const given = Buffer.from(entry.slice(comma + 1))
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
