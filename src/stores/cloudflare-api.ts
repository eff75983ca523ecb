// Cloudflare's v4 API as the Workers secrets need it: one request with the token, the envelope
// {success, errors: [{code, message}], messages, result} read, bounded retries where a repeat is
// harmless, and errors that say what to fix. Described in the public repository
// cloudflare/api-schemas (openapi.json); test/fakes/cloudflare-schema.js holds our schema of it.
import { parseRetryAfter } from '../composio/retry.js'
import {
  RedirectRefusedError,
  describeNetworkError,
  readTextCapped,
  serverText,
  withoutSecret
} from '../http/http.js'
import { StoreError, type StoreContext } from './store.js'

export interface CloudflareCall {
  method: 'PUT' | 'DELETE'
  url: string
  body?: unknown
  /** What is being done, to what: "write secret X to Worker acct/script". */
  operation: string
  /** The Worker and account, for a 404's words. */
  worker: { accountId: string; scriptName: string }
  /** A PUT's secret: accepted only when the answer's result names it ({name, type}). */
  secretName?: string
  /** The value written, blanked out of Cloudflare's words before they are quoted. */
  conceal?: string
}

const MAX_ATTEMPTS = 3
const MAX_RETRY_AFTER_MS = 30_000
const MAX_BODY_BYTES = 256 * 1024
/** A wait longer than any allowed: no new attempt. */
const NEVER = Infinity
/** Cloudflare's codes: a token without the permission; a Worker that does not exist. */
const AUTHENTICATION_ERROR = 10000
const SCRIPT_NOT_FOUND = 10007

interface Envelope {
  success?: unknown
  errors?: { code?: unknown; message?: unknown }[]
  result?: unknown
}

/**
 * Sends `call` with the token. PUT and DELETE of a secret are idempotent, so a 429 (after its
 * Retry-After, up to 30 s), a 5xx or a lost answer is tried again, three attempts in all.
 */
export async function callCloudflare(
  context: StoreContext,
  token: string,
  call: CloudflareCall
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await once(context, token, call)
    if (outcome === 'ok') return
    const { error, retryAfterMs } = outcome
    const delay = retryAfterMs ?? 1000 * attempt
    if (attempt >= MAX_ATTEMPTS || delay > MAX_RETRY_AFTER_MS) {
      const after = attempt > 1 ? ` (after ${attempt} attempts)` : ''
      throw new StoreError(`${error.message}${after}`, error.status)
    }
    context.log.warning(`${error.message}; retrying in ${delay / 1000} s`)
    await context.sleep(delay)
  }
}

type Outcome = 'ok' | { error: StoreError; retryAfterMs?: number }

async function once(context: StoreContext, token: string, call: CloudflareCall): Promise<Outcome> {
  let response: Response
  try {
    response = await context.fetch(call.url, {
      method: call.method,
      // Never followed: the token must not go where a redirect points.
      redirect: 'manual',
      signal: AbortSignal.timeout(context.timeoutMs),
      headers: {
        Authorization: `Bearer ${token}`,
        ...(call.body !== undefined && { 'Content-Type': 'application/json' })
      },
      ...(call.body !== undefined && { body: JSON.stringify(call.body) })
    })
  } catch (error) {
    const why = describeNetworkError(error, context.timeoutMs)
    const refused = new StoreError(`Cloudflare: could not ${call.operation}: ${why}`)
    // A redirect is refused for good; a lost answer may be tried again.
    return error instanceof RedirectRefusedError
      ? { error: refused, retryAfterMs: NEVER }
      : { error: refused }
  }
  const answer = await readTextCapped(response, MAX_BODY_BYTES).catch(() => '')
  const text = withoutSecret(answer, call.conceal)
  const envelope = parseEnvelope(text)
  if (response.ok && envelope?.success === true) {
    if (namesTheSecret(call, envelope.result)) return 'ok'
    // A success that does not say what it stored is not seen to be ours: not counted as written.
    const error = new StoreError(
      `Cloudflare answered the request to ${call.operation} with HTTP ${response.status} and success, but its result does not name ${call.secretName ?? 'the secret'}: not counted as written`,
      response.status
    )
    return { error, retryAfterMs: NEVER }
  }
  const error = new StoreError(describe(call, response.status, envelope), response.status)
  if (response.status === 429) {
    return { error, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()) }
  }
  return response.status >= 500 ? { error } : { error, retryAfterMs: NEVER }
}

function namesTheSecret(call: CloudflareCall, result: unknown): boolean {
  if (call.secretName === undefined) return true
  return (
    typeof result === 'object' &&
    result !== null &&
    'name' in result &&
    result.name === call.secretName
  )
}

function parseEnvelope(text: string): Envelope | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null ? value : undefined
  } catch {
    return undefined
  }
}

/** `Cloudflare refused to …: HTTP 403 (10000 Authentication error). Hint: …` */
function describe(call: CloudflareCall, status: number, envelope: Envelope | undefined): string {
  const errors = Array.isArray(envelope?.errors) ? envelope.errors : []
  const codes = errors.map(error => error.code)
  const words = errors
    .map(error => serverText(`${String(error.code)} ${String(error.message)}`, 200))
    .join('; ')
  const said = words === '' ? '' : ` (${words})`
  const { accountId, scriptName } = call.worker
  const hint =
    status >= 300 && status < 400
      ? 'Cloudflare answered with a redirect, which is not followed (no token goes with one): check cloudflare-api-url'
      : status === 401 || status === 403 || codes.includes(AUTHENTICATION_ERROR)
        ? `the token cannot edit this Worker's secrets: cloudflare-api-token needs the permission "Workers Scripts Write" (Account › Workers Scripts › Edit) on account ${accountId}`
        : status === 404 && codes.includes(SCRIPT_NOT_FOUND)
          ? `account ${accountId} has no Worker named '${scriptName}': check the script name in targets (the Worker's name in the dashboard)`
          : status === 404
            ? `Cloudflare knows no account ${accountId} that this token reaches, or no Worker '${scriptName}' in it: check the account ID in targets (the dashboard's Account ID, 32 hex digits)`
            : status === 429
              ? "Cloudflare's rate limit (1,200 requests per 5 minutes per user): run again later"
              : status >= 500
                ? "Cloudflare's own fault: run again later (https://www.cloudflarestatus.com)"
                : 'see Cloudflare’s words above'
  return `Cloudflare refused to ${call.operation}: HTTP ${status}${said}. Hint: ${hint}`
}
