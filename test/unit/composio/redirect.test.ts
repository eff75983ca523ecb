// A 3xx from Composio's address is refused, against a real server: fetch's default would follow
// it, and a custom header such as x-api-key goes along to the new origin, plain http included.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readWebhookSubscription, rotateWebhookSecret } from '../../../src/composio/client.js'
import { createFetch } from '../../../src/http/http.js'
import { listen, type LocalServer } from '../local-server.js'
import { API_KEY, failure, harness } from './harness.js'

let composio: LocalServer
let elsewhere: LocalServer

beforeAll(async () => {
  elsewhere = await listen((_request, response) => response.end('{"secret":"stolen"}'))
  composio = await listen((request, response) => {
    const status = request.method === 'POST' ? 302 : 301
    response.writeHead(status, { location: `${elsewhere.origin}/collect?key=abc#frag` }).end()
  })
})

afterAll(async () => {
  await Promise.all([composio.close(), elsewhere.close()])
})

const options = () => harness([], { baseUrl: composio.origin, fetch: createFetch(5000) })

describe('a redirect from Composio', () => {
  test.each([
    ['the rotation', 'POST', 302, rotateWebhookSecret],
    ['the read', 'GET', 301, readWebhookSubscription]
  ] as const)(
    '%s: refused at once, not followed, the key sent nowhere else',
    async (_n, method, status, call) => {
      const before = composio.requests.length
      const h = options()
      const error = await failure(call(h.options, 'ws_1'))
      expect(error.status).toBe(status)
      expect(error.mayHaveRotated).toBe(false)
      expect(error.message).toMatch(
        new RegExp(
          `failed: answered HTTP ${status}, a redirect to ${elsewhere.origin.replace(/\./g, '\\.')}, which is not followed \\(no credential goes with a redirect\\); check the URL$`
        )
      )
      expect(error.message).not.toMatch(/collect|key=abc|frag/)
      expect(h.sleeps).toEqual([]) // no retry
      const sent = composio.requests.slice(before)
      expect(sent.map(r => r.method)).toEqual([method])
      expect(sent[0]?.headers['x-api-key']).toBe(API_KEY)
      expect(elsewhere.requests).toEqual([])
    }
  )
})
