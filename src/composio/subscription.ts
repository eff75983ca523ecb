// What Composio answers about a subscription (v3.1 read, and the rotation's `{id, secret}`), and
// when a secret it reads back could be a real one: anything else is never stored, nor compared.
import { serverText } from '../http.js'

export interface Subscription {
  /** The full signing secret, or undefined when the read could not be a real secret. */
  secret: string | undefined
  /** Shown in the dry run's summary, so users see which receiver the secret belongs to. */
  webhookUrl?: string
  version?: string
  enabledEvents?: string[]
}

/** Shorter than this, a read secret is taken for a masked or placeholder one. */
export const MIN_SECRET_LENGTH = 32
/**
 * Marks of a hidden value: Composio's own (`abcd...`, `xxxx...`, `REDACTED`, its changelog of
 * 2025-12-10; `ak_**XXXX` in its messages) and the common ones (`*`, `•`, `…`).
 */
const MASK_MARKS = /\.\.\.|\u2026|\*|\u2022|redacted|xxxx/i

/**
 * Whether a secret read from the subscription could be a real one: a string of at least 32
 * characters, none of them whitespace, without any masking mark. Composio's one example secret
 * is 64 hex digits. The rotation's own answer is never judged by this: it is the secret.
 */
export function couldBeRealSecret(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= MIN_SECRET_LENGTH &&
    !/\s/.test(value) &&
    !MASK_MARKS.test(value)
  )
}

/** The rotation's `secret`: any non-empty string, as Composio returned it. */
export function parseRotatedSecret(body: string): string | undefined {
  const secret = parseObject(body)?.['secret']
  return typeof secret === 'string' && secret !== '' ? secret : undefined
}

/** Parses a read's 2xx body; undefined when it is not a JSON object. */
export function parseSubscription(body: string): Subscription | undefined {
  const fields = parseObject(body)
  if (fields === undefined) return undefined
  const text = (key: string, maxLength?: number): string | undefined =>
    typeof fields[key] === 'string' ? serverText(fields[key], maxLength) : undefined
  const events = fields['enabled_events']
  const secret = fields['secret']
  return {
    secret: couldBeRealSecret(secret) ? secret : undefined,
    // A URL may be longer than a log line: the receiver check sends to it.
    webhookUrl: text('webhook_url', 4096),
    version: text('version'),
    enabledEvents: Array.isArray(events)
      ? events.flatMap(event => (typeof event === 'string' ? [serverText(event, 100)] : []))
      : undefined
  }
}

/** A JSON object, or undefined. JSON errors are swallowed: V8 quotes the input, which may hold a secret. */
function parseObject(body: string): Record<string, unknown> | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
  return parsed as Record<string, unknown>
}
