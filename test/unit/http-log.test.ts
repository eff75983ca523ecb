import { describe, expect, test } from '@jest/globals'
import { logRequests } from '../../src/http/http-log.js'
import { RedirectRefusedError, type Fetch } from '../../src/http/http.js'

const TOKEN = 'ghs_CREDENTIAL_token_0001'
const BODY = '{"encrypted_value":"c2VhbGVk","key_id":"1"}'

/** A fetch that answers (or fails) after `ms` on a clock the log reads too. */
function setUp(answer: () => Response | Promise<never>, ms = 42) {
  let clock = 1000
  const lines: string[] = []
  const inner: Fetch = async () => {
    clock += ms
    return answer()
  }
  const fetch = logRequests(inner, { debug: line => lines.push(line), now: () => clock })
  return { fetch, lines }
}

const init: RequestInit = {
  method: 'PUT',
  headers: { authorization: `token ${TOKEN}`, 'x-api-key': TOKEN },
  body: BODY
}

describe('logRequests', () => {
  test('one line per request: method, origin and path, status, time; nothing sent or received', async () => {
    const { fetch, lines } = setUp(() => new Response(`{"secret":"${TOKEN}"}`, { status: 201 }))
    const response = await fetch(
      'https://api.github.com/repos/acme/app/actions/secrets/COMPOSIO_WEBHOOK_SECRET',
      init
    )
    expect(response.status).toBe(201)
    expect(await response.text()).toContain(TOKEN) // the body is the caller's, untouched
    expect(lines).toEqual([
      'HTTP PUT https://api.github.com/repos/acme/app/actions/secrets/COMPOSIO_WEBHOOK_SECRET: 201 in 42 ms'
    ])
  })

  test('no query, fragment or user info; GET when no method is given', async () => {
    const { fetch, lines } = setUp(() => new Response(null, { status: 200 }), 7)
    await fetch(`https://user:${TOKEN}@api.github.com/orgs/acme/x?per_page=100&token=${TOKEN}#f`)
    expect(lines).toEqual(['HTTP GET https://api.github.com/orgs/acme/x: 200 in 7 ms'])
  })

  test('a failure: its kind only, never its message, and the same error rethrown', async () => {
    const quoting = new TypeError(`Headers.append: "token ${TOKEN}\n" is an invalid header value`)
    const { fetch, lines } = setUp(() => Promise.reject(quoting), 10_000)
    await expect(fetch('https://backend.composio.dev/api/v3/x', init)).rejects.toBe(quoting)
    expect(lines).toEqual([
      'HTTP PUT https://backend.composio.dev/api/v3/x: no answer (TypeError) after 10000 ms'
    ])
  })

  test('a refused redirect: its status', async () => {
    const refused = new RedirectRefusedError(302, 'https://elsewhere.example/', 'https://a.b/')
    const { fetch, lines } = setUp(() => Promise.reject(refused), 3)
    await expect(fetch('https://backend.composio.dev/api/v3/x')).rejects.toBe(refused)
    expect(lines).toEqual([
      'HTTP GET https://backend.composio.dev/api/v3/x: 302, a redirect, refused after 3 ms'
    ])
  })
})
