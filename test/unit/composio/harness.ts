// A scripted fetch at the Composio client's boundary, and a recording sleep, mask and log.
import { expect } from '@jest/globals'
import type { ComposioClientOptions } from '../../../src/composio/client.js'
import { ComposioError } from '../../../src/composio/errors.js'
import type { Fetch } from '../../../src/http/http.js'

export const API_KEY = 'ak_CREDENTIAL_api_key_0001'
// Random-looking: a read secret must have the variety of random bytes (src/composio/secret-shape.ts).
export const SECRET = '9c4e1f7a0b3d6e2f8a5c7d1e4b9f0a3c6e2d8b5a1f7c4e0d3b9a6f2e8c5d1a7b'
export const BASE_URL = 'https://composio.test'

/** An answer, or what fetch throws. */
export type Step = { status: number; body?: string; headers?: Record<string, string> } | Error

export interface Call {
  url: string
  method: string | undefined
  headers: Record<string, string>
}

export interface Harness {
  options: ComposioClientOptions
  calls: Call[]
  sleeps: number[]
  logs: string[]
  /** mask calls, in order (tests add their own events). */
  events: string[]
}

export function harness(steps: Step[], overrides: Partial<ComposioClientOptions> = {}): Harness {
  const calls: Call[] = []
  const sleeps: number[] = []
  const logs: string[] = []
  const events: string[] = []
  const fetch: Fetch = (url, init) => {
    calls.push({
      url,
      method: init?.method,
      headers: { ...(init?.headers as Record<string, string>) }
    })
    const step = steps[calls.length - 1]
    if (step === undefined) return Promise.reject(new Error(`unexpected call ${calls.length}`))
    if (step instanceof Error) return Promise.reject(step)
    return Promise.resolve(
      new Response(step.body ?? null, { status: step.status, headers: step.headers })
    )
  }
  const options: ComposioClientOptions = {
    baseUrl: BASE_URL,
    auth: { header: 'x-api-key', value: API_KEY },
    fetch,
    timeoutMs: 10_000,
    sleep: ms => (sleeps.push(ms), Promise.resolve()),
    mask: secret => void events.push(`mask:${secret}`),
    log: message => void logs.push(message),
    ...overrides
  }
  return { options, calls, sleeps, logs, events }
}

/** A JSON answer. */
export const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): Step => ({
  status,
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers }
})

/** What AbortSignal.timeout() rejects with (a DOMException of another realm: same shape). */
export const timeoutError = (): Error =>
  Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' })

/** The ComposioError `work` rejects with. */
export async function failure(work: Promise<unknown>): Promise<ComposioError> {
  try {
    await work
  } catch (error) {
    expect(error).toBeInstanceOf(ComposioError)
    return error as ComposioError
  }
  throw new Error('expected a ComposioError; the call succeeded')
}

/** Nothing the client printed or threw carries a credential, the secret, or any of `more`. */
export function expectNoLeak(h: Harness, texts: string[], more: string[] = []): void {
  for (const text of [...h.logs, ...texts]) {
    for (const forbidden of [API_KEY, SECRET, ...more]) expect(text).not.toContain(forbidden)
  }
}
