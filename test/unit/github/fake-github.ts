// A fetch stub that answers Octokit as GitHub would, passed to the real client
// (createGitHubClient: @actions/github's getOctokit with the throttling and retry plugins).
import { createGitHubClient, type GitHubClient } from '../../../src/github/client.js'

export const TOKEN = 'ghp_CREDENTIAL_token_0003'
export const API = 'https://api.github.test'

export interface Sent {
  method: string
  path: string
  body: unknown
  headers: Record<string, string>
}

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface FakeGitHub {
  client: GitHubClient
  sent: Sent[]
  warnings: string[]
  /** Every wait the client's queues asked for (the real clock runs them). */
  sleeps: number[]
}

/** The real client over `answer`, with Octokit's backoff unit at 1 ms. */
export function fakeGitHub(answer: (request: Sent) => Reply | Promise<Reply>): FakeGitHub {
  const sent: Sent[] = []
  const warnings: string[] = []
  const sleeps: number[] = []
  const client = createGitHubClient({
    baseUrl: API,
    token: TOKEN,
    warn: message => void warnings.push(message),
    backoffUnitMs: 1,
    sleep: ms => (sleeps.push(ms), new Promise(resolve => setTimeout(resolve, ms))),
    now: Date.now,
    fetch: async (url, init = {}) => {
      const { pathname, search } = new URL(url)
      const request: Sent = {
        method: init.method ?? 'GET',
        path: `${pathname}${search}`,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        headers: init.headers as Record<string, string>
      }
      sent.push(request)
      const { status, body, headers = {} } = await answer(request)
      const text = body === undefined ? null : JSON.stringify(body)
      return new Response(status === 204 ? null : text, {
        status,
        headers: { 'content-type': 'application/json', ...headers }
      })
    }
  })
  return { client, sent, warnings, sleeps }
}
