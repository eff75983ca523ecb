// The one way this action speaks HTTP: undici's fetch with a per-attempt timeout and the
// runner's proxy settings. Composio and Octokit both go through it.
import { EnvHttpProxyAgent, fetch as undiciFetch } from 'undici'

export type Fetch = typeof globalThis.fetch

/**
 * A fetch whose every call is bounded by `timeoutMs`: connecting, the headers and the whole body
 * (the signal stays attached while the body is read, so a slow-drip body is cut off too).
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured as self-hosted runners behind a proxy set them.
 */
export function createFetch(
  timeoutMs: number,
  env: Record<string, string | undefined> = process.env
): Fetch {
  // Without a proxy variable undici's default agent is used (EnvHttpProxyAgent warns that it is
  // experimental each time it is built).
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some(name => env[name])
  const dispatcher = proxied ? new EnvHttpProxyAgent() : undefined
  const boundedFetch = (input: Parameters<Fetch>[0], init: RequestInit = {}): Promise<Response> => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    return undiciFetch(input, { ...init, signal, ...(dispatcher && { dispatcher }) })
  }
  return boundedFetch
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

/** fetch's own refusals of a header it cannot send; their messages quote the value. */
const HEADER_REFUSAL = /invalid header|ByteString/i
/** Messages of undici's that name no request detail: safe to quote. */
const PLAIN_MESSAGES = new Set(['fetch failed', 'terminated', 'other side closed'])

/** Why a request got no answer, in words that never include a body or a header. */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return 'network error'
  if (error.name === 'TimeoutError') return `no complete answer within ${timeoutMs / 1000} s`
  if (error instanceof ResponseTooLargeError) return error.message
  const cause = (error as { cause?: unknown }).cause
  if (cause !== null && typeof cause === 'object') {
    // A failure below fetch (socket, DNS, TLS, proxy): its code and reason name no header.
    const { code, message } = cause as { code?: unknown; message?: unknown }
    const reason = [code, message].filter(part => typeof part === 'string' && part !== '')
    return ['network error:', ...reason].join(' ')
  }
  // Without a cause, fetch refused the request itself, and may quote what it refused: a header
  // value ("Headers.append: \"<value>\" is an invalid header value"), credential included.
  if (HEADER_REFUSAL.test(error.message)) {
    return 'not sent: a header value (a credential?) holds a character that HTTP headers cannot carry (a newline, NUL or non-Latin-1 character)'
  }
  return PLAIN_MESSAGES.has(error.message)
    ? `network error: ${error.message}`
    : `network error (${error.name})`
}
