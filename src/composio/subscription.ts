// What Composio answers about a subscription (v3.1 read, and the rotation's `{id, secret}`), and
// when a secret it reads back could be a real one: anything else is never stored, nor compared.
import { serverText } from '../http/http.js'
import { couldBeRealSecret } from './secret-shape.js'

export interface Subscription {
  /** The full signing secret, or undefined when the read could not be a real secret. */
  secret: string | undefined
  /** Shown in the dry run's summary, so users see which receiver the secret belongs to. */
  webhookUrl?: string
  version?: string
  enabledEvents?: string[]
  /** `updated_at` in ms since the epoch, when it is a date: a newer secret has a later one. */
  updatedAt?: number
}

/** The rotation's `secret`: any non-empty string, as Composio returned it. */
export function parseRotatedSecret(body: string): string | undefined {
  const secret = parseObject(body)?.['secret']
  return typeof secret === 'string' && secret !== '' ? secret : undefined
}

/**
 * Whether the rotation's answer names another subscription than the one rotated (its `id`
 * present and different): its secret is not this subscription's. A missing `id` names none.
 */
export function namesAnotherSubscription(body: string, subscriptionId: string): boolean {
  const fields = parseObject(body)
  return fields !== undefined && 'id' in fields && fields['id'] !== subscriptionId
}

/** Parses a read's 2xx body; undefined when it is not a JSON object. */
export function parseSubscription(body: string): Subscription | undefined {
  const fields = parseObject(body)
  if (fields === undefined) return undefined
  const text = (key: string, maxLength?: number): string | undefined =>
    typeof fields[key] === 'string' ? serverText(fields[key], maxLength) : undefined
  const events = fields['enabled_events']
  const secret = fields['secret']
  const updatedAt = parseInstant(fields['updated_at'])
  return {
    secret: couldBeRealSecret(secret) ? secret : undefined,
    // A URL may be longer than a log line: the receiver check sends to it.
    webhookUrl: text('webhook_url', 4096),
    version: text('version'),
    enabledEvents: Array.isArray(events)
      ? events.flatMap(event => (typeof event === 'string' ? [serverText(event, 100)] : []))
      : undefined,
    ...(updatedAt !== undefined && { updatedAt })
  }
}

/**
 * An ISO 8601 date-time with its offset (`Z` or `±hh:mm`), in ms since the epoch; else undefined.
 * Without an offset, Date.parse reads the runner's local time, and it reads other shapes
 * (`1`, `Jan 1`) as dates too: a lagging read could then look newer than the baseline.
 */
function parseInstant(value: unknown): number | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i
  const instant = typeof value === 'string' && iso.test(value) ? Date.parse(value) : NaN
  return Number.isFinite(instant) ? instant : undefined
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
