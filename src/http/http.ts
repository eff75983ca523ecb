// The one way this action speaks HTTP, for Composio and Octokit alike: a per-attempt timeout, the
// runner's proxy settings as the toolkit reads them, redirects refused, and words for what went
// wrong that never quote a credential.
import { HttpClient } from '@actions/http-client'
import { fetch as undiciFetch } from 'undici'

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>

/** A 3xx answer. Never followed: a redirect could carry a credential to another origin. */
export class RedirectRefusedError extends Error {
  override name = 'RedirectRefusedError'
  constructor(
    readonly status: number,
    location: string | null,
    url: string
  ) {
    super(
      `answered HTTP ${status}, a redirect to ${originOf(location, url)}, which is not followed (no credential goes with a redirect); check the URL`
    )
  }
}

function originOf(location: string | null, base: string): string {
  if (location === null) return 'nowhere (no Location)'
  try {
    return new URL(location, base).origin // scheme, host and port: never a path, query or userinfo
  } catch {
    return 'an unreadable Location'
  }
}

/**
 * A fetch whose every call is bounded by `timeoutMs`: connecting, the headers and the whole body
 * (the signal stays attached while the body is read, so a slow-drip body is cut off too).
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured through @actions/http-client, as by every
 * toolkit-based action; its proxy agent is an undici dispatcher, hence undici's own fetch.
 */
export function createFetch(timeoutMs: number): Fetch {
  // keepAlive: one proxy agent (and its tunnels) for every request, not one per request.
  const proxies = new HttpClient('rotate-composio-webhook-secret', [], { keepAlive: true })
  return async (url, init = {}) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const response = await undiciFetch(url, {
      ...init,
      redirect: 'manual',
      dispatcher: proxies.getAgentDispatcher(url),
      signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    })
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined)
      throw new RedirectRefusedError(response.status, response.headers.get('location'), url)
    }
    return response
  }
}

export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError'
}

/** Reads a body as text, refusing more than `maxBytes`: a hostile server cannot exhaust memory. */
export async function readTextCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return ''
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw new ResponseTooLargeError(`the response body exceeded ${maxBytes} bytes`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * A server's words, made safe to quote in a log line: control characters (a newline could start
 * a workflow command) become spaces, and the length is bounded.
 */
export function serverText(text: string, maxLength = 300): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim()
  return line.length > maxLength ? `${line.slice(0, maxLength)}…` : line
}

/**
 * `text` with `secret` blanked out, as is and JSON-escaped: done before `serverText` cuts a
 * quote short, so that no part of a secret a server echoes survives the cut.
 */
export function withoutSecret(text: string, secret: string | undefined): string {
  if (!secret) return text
  const forms = [secret, JSON.stringify(secret).slice(1, -1)]
  return forms.reduce((blanked, form) => blanked.split(form).join('***'), text)
}

/**
 * A server's URL, shown only when it is plain https: no control character or space (a line break
 * could start a workflow command), no userinfo. Undefined otherwise: say "(not shown)".
 */
export function serverUrl(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.length > 2048 || serverText(text, 2048) !== text)
    return undefined
  if (/\s/.test(text)) return undefined
  try {
    const url = new URL(text)
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return undefined
    return url.href
  } catch {
    return undefined
  }
}

/** What a URL that `serverUrl` refused is shown as. */
export const NOT_SHOWN = '(not shown)'

/** What a timeout is called everywhere: the words a user searches the log for, and the knob. */
export function timedOut(timeoutMs: number): string {
  return `timed out after ${timeoutMs / 1000} s (timeout-seconds)`
}

/** The deepest `cause` of an error, a few levels down at most; undefined when it has none. */
function innermostCause(error: object): object | undefined {
  let cause: unknown = (error as { cause?: unknown }).cause
  if (cause === null || typeof cause !== 'object') return undefined
  for (let depth = 0; depth < 4; depth++) {
    const deeper: unknown = (cause as { cause?: unknown }).cause
    if (deeper === null || typeof deeper !== 'object' || !('message' in deeper)) break
    cause = deeper
  }
  return cause as object
}

/** fetch's own refusals of a header it cannot send; their messages quote the value. */
const HEADER_REFUSAL = /invalid header|ByteString/i
/** Messages of undici's that name no request detail: safe to quote. */
const PLAIN_MESSAGES = new Set(['fetch failed', 'terminated', 'other side closed'])

/** Why a request got no answer, in words that never include a body or a header. */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof RedirectRefusedError || error instanceof ResponseTooLargeError)
    return error.message
  // Duck-typed, not instanceof: fetch throws errors of undici's own classes.
  if (error === null || typeof error !== 'object' || !('message' in error)) return 'network error'
  const { name, message } = error as { name?: unknown; message: unknown }
  if (name === 'TimeoutError') return timedOut(timeoutMs)
  if (typeof message !== 'string') return 'network error'
  const cause = innermostCause(error)
  if (cause !== undefined) {
    // A failure below fetch (socket, DNS, TLS, a proxy's refusal): its code and reason name no
    // header. undici wraps some twice ("Request was cancelled." around the proxy's answer).
    const { code, message: why } = cause as { code?: unknown; message?: unknown }
    const reason = [code, why].flatMap(part =>
      typeof part === 'string' && part !== '' ? [serverText(part)] : []
    )
    return ['network error:', ...reason].join(' ')
  }
  // Without a cause, fetch refused the request itself, and may quote what it refused: a header
  // value ("Headers.append: \"<value>\" is an invalid header value"), credential included.
  if (HEADER_REFUSAL.test(message)) {
    return 'not sent: a header value (a credential?) holds a character that HTTP headers cannot carry (a newline, NUL or non-Latin-1 character)'
  }
  return PLAIN_MESSAGES.has(message)
    ? `network error: ${message}`
    : `network error (${typeof name === 'string' ? name : 'Error'})`
}
