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

/** Why a request got no answer, in words that never include a body or a header. */
export function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no complete answer within ${timeoutMs / 1000} s`
    if (error instanceof ResponseTooLargeError) return error.message
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
    const code = typeof cause?.code === 'string' ? cause.code : undefined
    const detail = typeof cause?.message === 'string' ? cause.message : error.message
    return `network error: ${code ? `${code} ` : ''}${detail}`.trim()
  }
  return 'network error'
}
