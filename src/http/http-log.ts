// Step debug logging (ACTIONS_STEP_DEBUG) of every HTTP request, Composio's and GitHub's alike,
// where both pass: the fetch. A line says the method, the URL without its query, the status and
// the time to the answer's headers. Never a header, a body or a query: they carry the credentials,
// the sealed values and the secret itself.
import { RedirectRefusedError, type Fetch } from './http.js'

export interface RequestLog {
  /** `core.debug` in production. */
  debug: (message: string) => void
  /** A monotonic clock, in milliseconds. */
  now: () => number
}

/** `fetch`, telling `log` how each request went. */
export function logRequests(fetch: Fetch, log: RequestLog): Fetch {
  return async (url, init) => {
    const request = `HTTP ${init?.method ?? 'GET'} ${withoutQuery(url)}`
    const start = log.now()
    const elapsed = (): string => `${Math.round(log.now() - start)} ms`
    try {
      const response = await fetch(url, init)
      log.debug(`${request}: ${response.status} in ${elapsed()}`)
      return response
    } catch (error) {
      log.debug(`${request}: ${failure(error)} after ${elapsed()}`)
      throw error
    }
  }
}

/** Origin and path: no user info, no query, no fragment. */
function withoutQuery(url: string): string {
  try {
    const { origin, pathname } = new URL(url)
    return `${origin}${pathname}`
  } catch {
    return '(an unparsable URL)'
  }
}

/** The kind of failure only: a message may quote a header value (fetch's own refusals do). */
function failure(error: unknown): string {
  if (error instanceof RedirectRefusedError) return `${error.status}, a redirect, refused`
  const name = error instanceof Error ? error.name : typeof error
  return `no answer (${name})`
}
