// What Composio answers about a subscription (v3.1 read, and the rotation's `{id, secret}`), and
// when its secret counts as masked: such a value is never stored, nor compared as a value.
import { serverText } from '../http.js'

export interface Subscription {
  /** The full signing secret, or undefined when the answer had it masked, empty or missing. */
  secret: string | undefined
  /** Shown in the dry run's summary, so users see which receiver the secret belongs to. */
  webhookUrl?: string
  version?: string
  enabledEvents?: string[]
}

/** Missing, empty, not a string, or holding a masking character: `*`, `•` or `…`. */
export function isMaskedSecret(value: unknown): boolean {
  return typeof value !== 'string' || value === '' || /[*\u2022\u2026]/.test(value)
}

/**
 * Parses a 2xx body; undefined when it is not a JSON object. JSON errors are swallowed: V8
 * quotes the input, which may hold a secret.
 */
export function parseSubscription(body: string): Subscription | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined
  const fields = parsed as Record<string, unknown>
  const text = (key: string, maxLength?: number): string | undefined =>
    typeof fields[key] === 'string' ? serverText(fields[key], maxLength) : undefined
  const events = fields['enabled_events']
  return {
    secret: isMaskedSecret(fields['secret']) ? undefined : (fields['secret'] as string),
    // A URL may be longer than a log line: the receiver check sends to it.
    webhookUrl: text('webhook_url', 4096),
    version: text('version'),
    enabledEvents: Array.isArray(events)
      ? events.flatMap(event => (typeof event === 'string' ? [serverText(event, 100)] : []))
      : undefined
  }
}
