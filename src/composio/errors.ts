// What a failed Composio request means, in words that quote Composio's error envelope (made safe
// for a log line) and never a body that could hold a secret.
import { serverText } from '../http/http.js'
import type { ComposioAuth } from '../inputs/settings.js'

export class ComposioError extends Error {
  override name = 'ComposioError'
  constructor(
    message: string,
    readonly status: number | undefined,
    /** Whether the subscription may have been rotated although no secret reached us. */
    readonly mayHaveRotated: boolean
  ) {
    super(message)
  }
}

export interface ComposioErrorDetails {
  message?: string
  slug?: string
  requestId?: string
  suggestedFix?: string
}

// Scoped project keys: https://docs.composio.dev/reference/authenticating-to-composio/project-api-key-permissions
const HINTS: Record<number, string> = {
  401: "check the Composio key: 'api-key' is a project API key (x-api-key), 'user-api-key' a user API key (x-user-api-key)",
  403: `the key lacks permission: a scoped project API key needs Composio's "Webhooks" permission, Read for the reads of the subscription and Write for the rotation (a write-only key fails the first read: give it Read and write)`,
  404: "check 'subscription-id' and that it belongs to the key's project"
}

/** Composio's current API description lists only project API keys for webhook subscriptions. */
const USER_KEY_401 =
  "Composio's current API description accepts only project API keys (x-api-key) for webhook subscriptions: give a project API key in 'api-key' instead of 'user-api-key'"

/** Composio's error envelope `{"error":{…}}`, a bare `{"message"}` (some 429s), or nothing usable. */
export function parseComposioError(body: string): ComposioErrorDetails {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return {} // HTML error pages and empty bodies carry nothing worth quoting.
  }
  const record = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  const outer = record(parsed)
  const error = 'error' in outer ? record(outer['error']) : outer
  const text = (key: string): string | undefined => {
    const value = error[key]
    return typeof value === 'string' && value.trim() !== '' ? serverText(value) : undefined
  }
  return {
    message: text('message'),
    slug: text('slug'),
    requestId: text('request_id'),
    suggestedFix: text('suggested_fix')
  }
}

/** `HTTP 401 APIKey_InvalidAPIKey: Invalid API key (request_id: …). Hint: …` */
export function describeStatus(
  status: number,
  details: ComposioErrorDetails,
  header: ComposioAuth['header'] = 'x-api-key'
): string {
  let text = [`HTTP ${status}`, details.slug].filter(Boolean).join(' ')
  if (details.message) text += `: ${details.message}`
  if (details.requestId) text += ` (request_id: ${details.requestId})`
  if (details.suggestedFix) text += `. Suggested fix: ${details.suggestedFix}`
  const hint = status === 401 && header === 'x-user-api-key' ? USER_KEY_401 : HINTS[status]
  return hint ? `${text}. Hint: ${hint}` : text
}
